import type { EntityManager } from 'typeorm';
import { CaseEntity } from '../entities/Case';
import { findVisibleRows, type CaseVisibility } from './visibility';

export interface NewCase {
  readonly minorId: string;
  readonly serviceId: string;
  readonly startDate: string;
  readonly coManagementReason: string | null;
  readonly createdBy: string;
}

/** Cases by id that the caller may see; one statement. */
export async function findCasesByIds(db: EntityManager, ids: readonly string[], visibility: CaseVisibility): Promise<CaseEntity[]> {
  return findVisibleRows(db, CaseEntity, 'id', ids, visibility);
}

/** Every case (all services, open and closed) of the given minors the caller may see; one statement. */
export async function findCasesByMinorIds(db: EntityManager, minorIds: readonly string[], visibility: CaseVisibility): Promise<CaseEntity[]> {
  return findVisibleRows(db, CaseEntity, 'minor_id', minorIds, visibility, 'start_date');
}

/** All cases of a minor, unfiltered (write-time rule checks inside a transaction). */
export async function findCasesOfMinor(db: EntityManager, minorId: string): Promise<CaseEntity[]> {
  return db.getRepository(CaseEntity).createQueryBuilder('c').where('c.minor_id = :minorId', { minorId }).getMany();
}

/** One case by id, unfiltered (write-time checks), no lock. */
export async function findCaseById(db: EntityManager, id: string): Promise<CaseEntity | null> {
  return db.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :id', { id }).getOne();
}

/** A case locked until the end of the transaction (closeCase, addIntervention); null when missing. */
export async function findCaseForUpdate(db: EntityManager, id: string): Promise<CaseEntity | null> {
  return db.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :id', { id }).setLock('pessimistic_write').getOne();
}

export async function insertCase(db: EntityManager, c: NewCase): Promise<CaseEntity> {
  const repo = db.getRepository(CaseEntity);
  const entity = repo.create({ ...c, endDate: null, closureReason: null, closedAt: null, closedBy: null });
  await repo.insert(entity);
  return entity;
}

export async function closeCaseRow(db: EntityManager, id: string, close: { endDate: string; closureReason: string; closedBy: string }): Promise<void> {
  await db
    .getRepository(CaseEntity)
    .createQueryBuilder()
    .update()
    .set({ endDate: close.endDate, closureReason: close.closureReason, closedBy: close.closedBy, closedAt: () => 'now()' })
    .where('id = :id', { id })
    .execute();
}

/**
 * Of the given minors, those for whom `serviceId` holds a case open on `on`
 * (docs/privacy.md §3 CASE_HOLDER); one statement whatever the number of minors.
 */
export async function findMinorIdsHeldBy(db: EntityManager, minorIds: readonly string[], serviceId: string, on: string): Promise<string[]> {
  if (minorIds.length === 0) return [];
  const rows = await db
    .getRepository(CaseEntity)
    .createQueryBuilder('c')
    .select('DISTINCT c.minor_id', 'minorId')
    .where('c.minor_id = ANY(:minorIds)', { minorIds })
    .andWhere('c.service_id = :serviceId', { serviceId })
    .andWhere('c.start_date <= :on AND (c.end_date IS NULL OR c.end_date > :on)', { on })
    .getRawMany<{ minorId: string }>();
  return rows.map((r) => r.minorId);
}
