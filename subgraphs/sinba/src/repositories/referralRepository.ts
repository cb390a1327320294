import type { EntityManager } from 'typeorm';
import { ReferralEntity } from '../entities/Referral';
import { caseHolderCondition, caseHolderParameters, type CaseVisibility } from './visibility';

export interface NewReferral {
  readonly minorId: string;
  readonly date: string;
  readonly source: string;
  readonly duringPregnancy: boolean;
  readonly serviceId: string;
  readonly createdBy: string;
}

/** Referrals of the given minors the caller may see (CASE visibility, like every CASE row); one statement. */
export async function findReferralsByMinorIds(db: EntityManager, minorIds: readonly string[], visibility: CaseVisibility): Promise<ReferralEntity[]> {
  if (minorIds.length === 0 || visibility.kind === 'none') return [];
  return db
    .getRepository(ReferralEntity)
    .createQueryBuilder('r')
    .where('r.minor_id = ANY(:minorIds)', { minorIds })
    .andWhere(caseHolderCondition('r.minor_id'), caseHolderParameters(visibility))
    .orderBy('r.referral_date', 'ASC')
    .addOrderBy('r.id', 'ASC')
    .getMany();
}

export async function insertReferral(db: EntityManager, r: NewReferral): Promise<ReferralEntity> {
  const repo = db.getRepository(ReferralEntity);
  const entity = repo.create(r);
  await repo.insert(entity);
  return entity;
}
