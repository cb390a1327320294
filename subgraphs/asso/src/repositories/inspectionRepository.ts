import type { EntityManager } from 'typeorm';
import { InspectionEntity } from '../entities/Inspection';
import type { RegistryVisibility } from '../rules/registryAccess';

export interface NewInspection {
  readonly structureCode: string;
  readonly date: string;
  readonly authority: string;
  readonly outcome: string;
  readonly findings: string | null;
  readonly prescriptions: string | null;
  readonly followUpDueDate: string | null;
  readonly createdBy: string;
}

/**
 * Inspections of the given structures that the caller may see (REGISTRY,
 * docs/privacy.md §4; the filter is in the SQL), one statement, by date.
 */
export async function findInspectionsByStructureCodes(db: EntityManager, codes: readonly string[], visibility: RegistryVisibility): Promise<InspectionEntity[]> {
  if (codes.length === 0 || visibility.kind === 'none') return [];
  const qb = db.getRepository(InspectionEntity).createQueryBuilder('i').where('i.structure_code = ANY(:codes)', { codes: [...codes] });
  if (visibility.kind === 'structure') qb.andWhere('i.structure_code = :own', { own: visibility.structureCode });
  if (visibility.kind === 'territory') {
    qb.andWhere('EXISTS (SELECT 1 FROM asso.structure s WHERE s.code = i.structure_code AND s.province = ANY(:provinces))', { provinces: [...visibility.provinces] });
  }
  return qb.orderBy('i.structure_code', 'ASC').addOrderBy('i.date', 'ASC').addOrderBy('i.seq', 'ASC').getMany();
}

export async function insertInspection(db: EntityManager, i: NewInspection): Promise<InspectionEntity> {
  const repo = db.getRepository(InspectionEntity);
  const entity = repo.create({ ...i });
  await repo.insert(entity);
  return entity;
}

/** The inspection and its structure's province, locked for the follow-up. */
export async function findInspectionForUpdate(db: EntityManager, id: string): Promise<{ date: string; province: string } | null> {
  const rows = (await db.query(
    `SELECT to_char(i.date, 'YYYY-MM-DD') AS date, s.province FROM asso.inspection i JOIN asso.structure s ON s.code = i.structure_code WHERE i.id = $1 FOR UPDATE OF i`,
    [id],
  )) as { date: string; province: string }[];
  return rows[0] ?? null;
}

/** Inspections in the provinces whose follow-up was due before `today` and is not done, by recording order, after `afterSeq`; one statement. */
export async function findOverdueFollowUps(db: EntityManager, provinces: readonly string[], today: string, afterSeq: string | null, limit: number): Promise<InspectionEntity[]> {
  const qb = db
    .getRepository(InspectionEntity)
    .createQueryBuilder('i')
    .where('i.follow_up_due_date < :today', { today })
    .andWhere('i.follow_up_done_date IS NULL')
    .andWhere('EXISTS (SELECT 1 FROM asso.structure s WHERE s.code = i.structure_code AND s.province = ANY(:provinces))', { provinces: [...provinces] });
  if (afterSeq !== null) qb.andWhere('i.seq > :afterSeq', { afterSeq });
  return qb.orderBy('i.seq', 'ASC').limit(limit).getMany();
}
