import type { EntityManager } from 'typeorm';
import { ReferralEntity } from '../entities/Referral';
import { findVisibleRows, type CaseVisibility } from './visibility';

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
  return findVisibleRows(db, ReferralEntity, 'minor_id', minorIds, visibility, 'referral_date');
}

export async function insertReferral(db: EntityManager, r: NewReferral): Promise<ReferralEntity> {
  const repo = db.getRepository(ReferralEntity);
  const entity = repo.create(r);
  await repo.insert(entity);
  return entity;
}
