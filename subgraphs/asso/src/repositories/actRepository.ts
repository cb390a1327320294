import type { EntityManager } from 'typeorm';
import { ActEntity } from '../entities/Act';
import type { ActKind } from '../rules/deriveStatus';

export interface NewAct {
  readonly structureCode: string;
  readonly kind: ActKind;
  readonly number: string;
  readonly date: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly issuingBody: string | null;
  readonly createdBy: string;
}

/**
 * Every act of the given structures, one statement, in the order the status
 * rule applies them: validity start, act date, recording order
 * (rules/deriveStatus.ts). Acts are PUBLIC (docs/privacy.md §2).
 */
export async function findActsByStructureCodes(db: EntityManager, codes: readonly string[]): Promise<ActEntity[]> {
  if (codes.length === 0) return [];
  return db
    .getRepository(ActEntity)
    .createQueryBuilder('a')
    .where('a.structure_code = ANY(:codes)', { codes: [...codes] })
    .orderBy('a.structure_code', 'ASC')
    .addOrderBy('a.valid_from', 'ASC')
    .addOrderBy('a.date', 'ASC')
    .addOrderBy('a.seq', 'ASC')
    .getMany();
}

export async function insertAct(db: EntityManager, a: NewAct): Promise<ActEntity> {
  const repo = db.getRepository(ActEntity);
  const entity = repo.create({ ...a });
  await repo.insert(entity);
  return entity;
}
