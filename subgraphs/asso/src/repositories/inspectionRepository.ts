import type { EntityManager } from 'typeorm';
import { InspectionEntity } from '../entities/Inspection';
import type { RegistryVisibility } from '../rules/registryAccess';

export interface NewInspection {
  readonly structureCode: string;
  readonly date: string;
  readonly authority: string;
  readonly outcome: string;
  readonly findings: string | null;
  readonly createdBy: string;
}

/**
 * Inspections of the given structures that the caller may see (REGISTRY,
 * PRIVACY.md §4; the filter is in the SQL), one statement, by date.
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
