import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/**
 * Verification of the audit chain (docs/privacy.md §7, "How the audit chain
 * works"). The database computes each entry's hash when it is appended
 * (trigger audit.chain_entry); the verifier recomputes every hash here, in
 * Node, from the stored fields, so a tampered verification function in the
 * database cannot vouch for a tampered trail.
 */
export interface AuditVerification {
  readonly ok: boolean;
  readonly entriesChecked: number;
  /** Time (ISO) of the first entry that does not fit the chain; null when ok. */
  readonly firstBrokenEntryAt: string | null;
  /** Sequence number of that entry (for the command line). */
  readonly firstBrokenSeq: string | null;
  /** Hash of the last entry checked: record it outside the database to detect a later rewrite of the chain. */
  readonly lastHash: string | null;
}

interface ChainRow {
  seq: string;
  at_text: string;
  subject: string;
  role: string;
  organisation: string | null;
  operation_name: string | null;
  operation_hash: string;
  minor_id: string | null;
  classes_returned: string | null;
  classes_denied: string | null;
  action: string;
  request_id: string | null;
  outcome: string | null;
  outcome_code: string | null;
  purpose: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

const lp = (v: string | null): string => (v === null ? '-' : `${Buffer.byteLength(v, 'utf8')}:${v}`);

/** The canonical text of an entry, byte for byte as audit.entry_text() builds it. */
export function entryText(r: ChainRow): string {
  return [
    r.seq,
    lp(r.at_text),
    lp(r.subject),
    lp(r.role),
    lp(r.organisation),
    lp(r.operation_name),
    lp(r.operation_hash),
    lp(r.minor_id),
    lp(r.classes_returned),
    lp(r.classes_denied),
    lp(r.action),
    lp(r.request_id),
    lp(r.outcome),
    lp(r.outcome_code),
    lp(r.purpose),
    lp(r.detail),
    lp(r.prev_hash),
  ].join('|');
}

export const entryHash = (r: ChainRow): string => createHash('sha256').update(entryText(r), 'utf8').digest('hex');

// `seq` is also the name of the text output column: every ORDER BY and WHERE names access_log.seq (numeric order).
const COLUMNS = `seq::text AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_text, subject, role, organisation,
  operation_name, operation_hash, minor_id::text AS minor_id, array_to_string(classes_returned, ',') AS classes_returned,
  array_to_string(classes_denied, ',') AS classes_denied, action, request_id, outcome, outcome_code, purpose, detail, prev_hash, hash`;

const PAGE = 5000;

/**
 * Check the entries whose time lies in [from, to) (ISO times; null: open),
 * in chain order: each entry's hash matches its fields, its prev_hash is the
 * hash of the entry just before it (the one before `from` included), the
 * sequence has no gap, and no entry is older than the one before it. Pages through the trail in one read-only snapshot.
 */
export async function verifyChain(pool: Pool, from: string | null, to: string | null): Promise<AuditVerification> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const bounds = await client.query<{ first: string | null; last: string | null }>(
      `SELECT min(seq)::text AS first, max(seq)::text AS last FROM audit.access_log
        WHERE ($1::timestamptz IS NULL OR at >= $1::timestamptz) AND ($2::timestamptz IS NULL OR at < $2::timestamptz)`,
      [from, to],
    );
    const { first, last } = bounds.rows[0];
    if (first === null || last === null) {
      await client.query('COMMIT');
      return { ok: true, entriesChecked: 0, firstBrokenEntryAt: null, firstBrokenSeq: null, lastHash: null };
    }
    // The entry just before the range anchors its first link (none: the chain starts at GENESIS).
    const before = await client.query<ChainRow>(`SELECT ${COLUMNS} FROM audit.access_log WHERE access_log.seq < $1::bigint ORDER BY access_log.seq DESC LIMIT 1`, [first]);
    let prev: ChainRow | undefined = before.rows[0];
    let checked = 0;
    let cursor = prev ? prev.seq : '0';
    for (;;) {
      const page = await client.query<ChainRow>(`SELECT ${COLUMNS} FROM audit.access_log WHERE access_log.seq > $1::bigint AND access_log.seq <= $2::bigint ORDER BY access_log.seq LIMIT ${PAGE}`, [cursor, last]);
      for (const row of page.rows) {
        const expectedSeq = prev ? BigInt(prev.seq) + 1n : 1n;
        const expectedPrev = prev ? prev.hash : 'GENESIS';
        checked += 1;
        // Times follow the chain: the database stamps each entry under the appenders' lock, so an earlier time is a back-dated entry.
        const timeBackwards = prev !== undefined && row.at_text < prev.at_text;
        if (BigInt(row.seq) !== expectedSeq || row.prev_hash !== expectedPrev || entryHash(row) !== row.hash || timeBackwards) {
          await client.query('COMMIT');
          return { ok: false, entriesChecked: checked, firstBrokenEntryAt: isoOf(row.at_text), firstBrokenSeq: row.seq, lastHash: null };
        }
        prev = row;
      }
      if (page.rows.length < PAGE) break;
      cursor = page.rows[page.rows.length - 1].seq;
    }
    await client.query('COMMIT');
    return { ok: true, entriesChecked: checked, firstBrokenEntryAt: null, firstBrokenSeq: null, lastHash: prev?.hash ?? null };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Microsecond text to a millisecond ISO time. */
function isoOf(atText: string): string {
  return new Date(atText.replace(/(\.\d{3})\d*Z$/, '$1Z')).toISOString();
}
