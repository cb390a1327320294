import type { EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { forbidden, notFound } from '@shared/errors';
import { isUuid } from '../loaders';
import { findMinorIdsHeldBy } from '../repositories/caseRepository';
import { lockMinor } from '../repositories/minorRepository';
import type { ServiceDeps } from './deps';
import { touchMinor } from '@shared/audit';

/**
 * One write on a minor's record by the SOCIAL_WORKER whose service holds a
 * case open today for the minor (docs/privacy.md §3 CASE_HOLDER, §5 "record ...
 * problems, health, abuse, court orders, family"): one transaction, the
 * minor's row locked first so the case-holder check and the write see the
 * same state; FORBIDDEN (nothing changed) for anyone else. `minorId` is the
 * lower-case id.
 */
export async function writeAsCaseHolder<T>(
  deps: Pick<ServiceDeps, 'dataSource' | 'clock'>,
  principal: Principal,
  minorId: string,
  write: (db: EntityManager, minorId: string, today: string) => Promise<T>,
  field = 'minorId',
): Promise<T> {
  requireRole(principal, ['SOCIAL_WORKER']);
  if (!isUuid(minorId)) throw notFound('Minor', field);
  const id = minorId.toLowerCase();
  touchMinor(id); // docs/privacy.md §7: traced before the rule checks, so a refusal is audited too
  const today = deps.clock();
  return deps.dataSource.transaction(async (db) => {
    if (!(await lockMinor(db, id))) throw notFound('Minor', field);
    const held = await findMinorIdsHeldBy(db, [id], principal.serviceId, today);
    if (held.length === 0) throw forbidden("Only a service holding an open case for the minor may change the minor's record");
    return write(db, id, today);
  });
}

/**
 * The minor a record belongs to, for writes that name the record by id
 * (update, end, remove): NOT_FOUND on `field` when the id is malformed or
 * unknown. Read without a lock; the write locks the minor, then the row.
 */
export async function minorOfRecord(db: EntityManager, table: string, id: string, what: string, field: string): Promise<string> {
  if (!isUuid(id)) throw notFound(what, field);
  const rows = (await db.query(`SELECT minor_id FROM sinba.${table} WHERE id = $1`, [id])) as { minor_id: string }[];
  if (rows.length === 0) throw notFound(what, field);
  touchMinor(rows[0].minor_id);
  return rows[0].minor_id;
}
