import type { Principal } from '@shared/auth';
import type { HealthDataEntity } from '../entities/HealthData';
import { findHealthDataForUpdate, upsertHealthData, type HealthDataValues } from '../repositories/healthDataRepository';
import { findRecordPresence, openMinorProblemCodes } from '../repositories/problemRepository';
import { severeImpliesLaw104 } from '../rules/healthData';
import { certificationDatesConsistent, invalidityPercentageValid } from '../rules/healthDataDetails';
import { openProblemsStillSatisfied } from '../rules/problems';
import { throwIfViolated } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { writeAsCaseHolder } from './caseHolderWrite';
import type { ServiceDeps } from './deps';

export interface HealthDataInput {
  readonly minorId: string;
  readonly npiaFollowUp?: boolean | null;
  readonly invalidity?: boolean | null;
  readonly law104?: boolean | null;
  readonly law104Severe?: boolean | null;
  readonly npiaDate?: string | null;
  readonly invalidityDate?: string | null;
  readonly invalidityPercentage?: number | null;
  readonly law104Date?: string | null;
}

const FIELDS = ['npiaFollowUp', 'invalidity', 'law104', 'law104Severe', 'npiaDate', 'invalidityDate', 'invalidityPercentage', 'law104Date'] as const;

export function createHealthDataService(deps: ServiceDeps) {
  return {
    /**
     * recordHealthData (seed 003 §3.4, §3.7): the SOCIAL_WORKER whose service
     * holds a case open today (docs/privacy.md §3 CASE_HOLDER, §5). Upsert: fields
     * left out of the input keep their stored value; an explicit null clears
     * one. Dates go with a present certification and are not in the future;
     * the invalidity percentage goes with invalidity. Emptying the section
     * while an open problem needs it (§3.5) is MISSING_REQUIRED_RECORD.
     */
    async record(principal: Principal, input: HealthDataInput): Promise<HealthDataEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      return writeAsCaseHolder(deps, principal, input.minorId, async (db, minorId, today) => {
        const current = await findHealthDataForUpdate(db, minorId);
        const merged = Object.fromEntries(
          FIELDS.map((f) => [f, input[f] !== undefined ? input[f] : (current?.[f] ?? null)]),
        ) as unknown as HealthDataValues;
        throwIfViolated(severeImpliesLaw104(merged), certificationDatesConsistent(merged, today), invalidityPercentageValid(merged));
        const filled = FIELDS.some((f) => merged[f] !== null);
        const presence = { ...(await findRecordPresence(db, minorId)), healthData: filled };
        throwIfViolated(openProblemsStillSatisfied(await openMinorProblemCodes(db, minorId, today), presence, 'minorId'));
        return upsertHealthData(db, minorId, merged, principal.sub);
      });
    },
  };
}

export type HealthDataService = ReturnType<typeof createHealthDataService>;
