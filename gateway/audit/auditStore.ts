import { Pool } from 'pg';
import { clientClassWithErrorListener } from '@shared/pgClient';
import type { DataClass } from '@shared/privacy';
import { verifyChain, type AuditVerification } from './chain';

/** One access-log entry (docs/privacy.md §7). */
export interface AuditEntry {
  readonly subject: string;
  readonly role: string;
  readonly organisation: string | null;
  readonly operationName: string | null;
  readonly operationHash: string;
  /** Null only for an audited access that concerns no one minor (an ISTAT transmission, docs/privacy.md §11). */
  readonly minorId: string | null;
  readonly classesReturned: readonly DataClass[];
  readonly classesDenied: readonly DataClass[];
  readonly action: 'READ' | 'WRITE';
  readonly requestId: string;
  /** WRITE entries only (docs/privacy.md §7): whether the subgraph applied the write, and the error code of a refusal. */
  readonly outcome?: 'ACCEPTED' | 'REFUSED' | null;
  readonly outcomeCode?: string | null;
  /** The purpose of docs/privacy.md §11 the access was made under (PROSECUTOR_LIST, ISTAT_TRANSMISSION). */
  readonly purpose?: string | null;
  /** Non-personal facts of the entry (e.g. `year=2025`). */
  readonly detail?: string | null;
}

export interface AccessLogRow {
  minorId: string;
  at: string;
  subject: string;
  role: string;
  organisation: string | null;
  operationName: string | null;
  action: string;
  outcome: string | null;
  purpose: string | null;
  /** Opaque cursor of the entry: pass it as `after` for the next page. */
  cursor: string;
  dataClasses: string[];
  deniedClasses: string[];
}

/** A page of one minor's entries (AuditStore.accessLog; bench/accessLog.ts explains it): $1 minor, $2 from, $3 to, $4 page size, $5 after seq. */
export const ACCESS_LOG_PAGE_SQL = `SELECT minor_id AS "minorId", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, subject, role, organisation,
              operation_name AS "operationName", action, outcome, purpose, 'seq:' || seq AS cursor, classes_returned AS "dataClasses", classes_denied AS "deniedClasses"
         FROM audit.access_log
        WHERE minor_id = $1::uuid
          AND ($2::timestamptz IS NULL OR at >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR at < $3::timestamptz)
          AND ($5::bigint IS NULL OR seq > $5::bigint)
        ORDER BY seq
        LIMIT $4`;

/** The entries of one group commit, as one array per column (AuditStore.insert). */
const APPEND_SQL = `INSERT INTO audit.access_log (subject, role, organisation, operation_name, operation_hash, minor_id, classes_returned, classes_denied, action, request_id, outcome, outcome_code, purpose, detail)
  SELECT subject, role, organisation, operation_name, operation_hash, minor_id, string_to_array(returned, ','), string_to_array(denied, ','), action, request_id, outcome, outcome_code, purpose, detail
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
         WITH ORDINALITY AS e(subject, role, organisation, operation_name, operation_hash, minor_id, returned, denied, action, request_id, outcome, outcome_code, purpose, detail, n)
   ORDER BY n`;

/**
 * The append-only audit store in schema `audit`, written with the gateway's
 * own role (INSERT and SELECT only). One multi-row INSERT per response.
 */
export class AuditStore {
  constructor(private readonly pool: Pool) {}

  /**
   * `onError`: an idle connection the server dropped (a restart, `57P01
   * terminating connection`). Without a listener pg's 'error' event would
   * kill the gateway (issue 16); the pool discards the client and opens a new
   * one on the next query, so the trail recovers by itself.
   */
  static connect(url: string, onError: (err: Error) => void = () => undefined): AuditStore {
    // Client: also a client handed out by pool.connect() (verifyChain) listens for 'error' (@shared/pgClient).
    const pool = new Pool({ connectionString: url, max: 10, application_name: 'sirmi-gateway-audit', options: '-c search_path=audit', connectionTimeoutMillis: 5000, Client: clientClassWithErrorListener(onError) });
    pool.on('error', onError);
    return new AuditStore(pool);
  }

  private pending: { entries: readonly AuditEntry[]; resolve: () => void; reject: (err: unknown) => void }[] = [];
  private flushing = false;

  /**
   * Append entries, durably, before the caller answers (docs/privacy.md §7).
   * Group commit: while one INSERT is in flight, the entries of concurrent
   * requests wait and go together in the next one (one statement, one turn
   * of the chain's lock, one commit). Each caller's promise settles with the
   * INSERT that carried its entries, so no response leaves before its
   * entries are committed, and a failed INSERT fails every request in it.
   */
  append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ entries, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        // At most ~4,000 rows per statement: a burst is written in bounded statements, one commit each.
        const batch: typeof this.pending = [];
        let rows = 0;
        while (this.pending.length > 0 && (batch.length === 0 || rows + this.pending[0].entries.length <= 4000)) {
          const next = this.pending.shift()!;
          batch.push(next);
          rows += next.entries.length;
        }
        try {
          await this.insert(batch.flatMap((b) => b.entries));
          for (const b of batch) b.resolve();
        } catch (err) {
          for (const b of batch) b.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insert(entries: readonly AuditEntry[]): Promise<void> {
    // One array per column, whatever the number of entries: the statement's
    // text never changes, so each connection prepares it once (a named
    // statement) instead of parsing and planning a new VALUES list per batch.
    // Data classes never hold a comma (shared/privacy/dataClasses.ts).
    const columns: unknown[][] = Array.from({ length: 14 }, () => []);
    for (const e of entries) {
      const row = [e.subject, e.role, e.organisation, e.operationName, e.operationHash, e.minorId, e.classesReturned.join(','), e.classesDenied.join(','), e.action, e.requestId, e.outcome ?? null, e.outcomeCode ?? null, e.purpose ?? null, e.detail ?? null];
      row.forEach((v, i) => columns[i].push(v));
    }
    // Time, sequence and chain hash are set by the database (trigger audit.chain_entry, docs/privacy.md §7), in the order of the entries.
    await this.pool.query({ name: 'sirmi-audit-append', text: APPEND_SQL, values: columns });
  }

  /** A page of one minor's entries in chain order: at most `first`, after the entry `afterSeq` (index access_log_minor_seq). */
  async accessLog(minorId: string, from: string | null, to: string | null, first = 100, afterSeq: string | null = null): Promise<AccessLogRow[]> {
    const result = await this.pool.query<AccessLogRow>(
      ACCESS_LOG_PAGE_SQL,
      [minorId, from, to, first, afterSeq],
    );
    return result.rows;
  }

  /**
   * Whether an entry could be written right now (the database answers and
   * the gateway role may INSERT into the log): checked before a mutation is
   * sent to a subgraph, so a write that could not be audited does not run
   * (docs/privacy.md §7).
   */
  async canAppend(): Promise<boolean> {
    const r = await this.pool.query<{ ok: boolean }>(`SELECT has_table_privilege('audit.access_log', 'INSERT') AS ok`);
    return r.rows[0]?.ok === true;
  }

  /** Verify the hash chain over the entries of [from, to) (docs/privacy.md §7). */
  verify(from: string | null, to: string | null): Promise<AuditVerification> {
    return verifyChain(this.pool, from, to);
  }

  async ping(): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 AS ok');
    return r.rowCount === 1;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
