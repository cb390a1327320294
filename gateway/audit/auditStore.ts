import { Pool } from 'pg';
import type { DataClass } from '../../shared/privacy/dataClasses';

/** One access-log entry (PRIVACY.md §7). */
export interface AuditEntry {
  readonly subject: string;
  readonly role: string;
  readonly organisation: string | null;
  readonly operationName: string | null;
  readonly operationHash: string;
  readonly minorId: string;
  readonly classesReturned: readonly DataClass[];
  readonly classesDenied: readonly DataClass[];
  readonly action: 'READ' | 'WRITE';
  readonly requestId: string;
}

export interface AccessLogRow {
  minorId: string;
  at: string;
  subject: string;
  role: string;
  organisation: string | null;
  operationName: string | null;
  action: string;
  dataClasses: string[];
  deniedClasses: string[];
}

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
    const pool = new Pool({ connectionString: url, max: 10, application_name: 'sirmi-gateway-audit', options: '-c search_path=audit', connectionTimeoutMillis: 5000 });
    pool.on('error', onError);
    return new AuditStore(pool);
  }

  async append(entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map((e, i) => {
      values.push(e.subject, e.role, e.organisation, e.operationName, e.operationHash, e.minorId, e.classesReturned, e.classesDenied, e.action, e.requestId);
      const b = i * 10;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}::uuid, $${b + 7}::text[], $${b + 8}::text[], $${b + 9}, $${b + 10})`;
    });
    await this.pool.query(
      `INSERT INTO audit.access_log (subject, role, organisation, operation_name, operation_hash, minor_id, classes_returned, classes_denied, action, request_id) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  async accessLog(minorId: string, from: string | null, to: string | null): Promise<AccessLogRow[]> {
    const result = await this.pool.query<AccessLogRow>(
      `SELECT minor_id AS "minorId", to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, subject, role, organisation,
              operation_name AS "operationName", action, classes_returned AS "dataClasses", classes_denied AS "deniedClasses"
         FROM audit.access_log
        WHERE minor_id = $1::uuid
          AND ($2::timestamptz IS NULL OR at >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR at < $3::timestamptz)
        ORDER BY at, id`,
      [minorId, from, to],
    );
    return result.rows;
  }

  async ping(): Promise<boolean> {
    const r = await this.pool.query('SELECT 1 AS ok');
    return r.rowCount === 1;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
