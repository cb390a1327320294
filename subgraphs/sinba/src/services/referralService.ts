import type { Principal } from '@shared/auth';
import { isValidCode } from '@shared/codes';
import { notAfterToday } from '@shared/rules';
import { throwIfViolated } from '@shared/errors';
import type { ReferralEntity } from '../entities/Referral';
import { isUuid } from '../loaders';
import { lockMinorWithDates } from '../repositories/minorRepository';
import { insertReferral } from '../repositories/referralRepository';
import { pregnancyFlagConsistent } from '../rules/referral';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import { invalidCode } from './caseService';
import type { ServiceDeps } from './deps';

export interface RecordReferralInput {
  readonly minorId: string;
  readonly date: string;
  readonly source: string;
  readonly duringPregnancy: boolean;
}

export function createReferralService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  return {
    /**
     * recordReferral: any SOCIAL_WORKER. seed 003 §3.1: the referral is the
     * first contact with the service receiving it and may precede (or never
     * lead to) a case, so no CASE_HOLDER relationship is required (a
     * deliberate widening of docs/privacy.md §5 "record referrals"); the referral
     * belongs to the token's serviceId. Reading it back is CASE data.
     */
    async record(principal: Principal, input: RecordReferralInput): Promise<ReferralEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      // seed 003 §3.1: a referral records a contact that has happened.
      throwIfViolated(notAfterToday(input.date, clock(), 'date'));
      if (!isValidCode('REFERRAL_SOURCE', input.source, input.date)) throw invalidCode('source', 'REFERRAL_SOURCE');
      if (!isUuid(input.minorId)) throw notFound('Minor', 'minorId');
      return dataSource.transaction(async (db) => {
        const minor = await lockMinorWithDates(db, input.minorId);
        if (!minor) throw notFound('Minor', 'minorId');
        throwIfViolated(pregnancyFlagConsistent(input.date, input.duringPregnancy, minor));
        return insertReferral(db, {
          minorId: minor.id,
          date: input.date,
          source: input.source,
          duringPregnancy: input.duringPregnancy,
          serviceId: principal.serviceId,
          createdBy: principal.sub,
        });
      });
    },
  };
}

export type ReferralService = ReturnType<typeof createReferralService>;
