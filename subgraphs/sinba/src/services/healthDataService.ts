import { HealthDataEntity } from '../entities/HealthData';
import { findMinorRowForUpdate } from '../repositories/minorRecords';
import { upsertHealthData, type HealthDataValues } from '../repositories/healthDataRepository';
import { severeImpliesLaw104 } from '../rules/healthData';
import { certificationDatesConsistent, invalidityPercentageValid } from '../rules/healthDataDetails';
import { throwIfViolated } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { writeAsCaseHolder } from './caseHolderWrite';
import { patchValue } from './inputValues';
import { checkRequiredSection } from './requiredSection';
import type { ServiceDeps } from './deps';
import type { HealthDataInput } from '../generated/graphql';

export function createHealthDataService(deps: ServiceDeps) {
  const { principal } = deps;

  return {
    /**
     * recordHealthData (seed 003 §3.4, §3.7): the SOCIAL_WORKER whose service
     * holds a case open today (docs/privacy.md §3 CASE_HOLDER, §5). Upsert: fields
     * left out of the input keep their stored value; an explicit null clears
     * one. Dates go with a present certification and are not in the future;
     * the invalidity percentage goes with invalidity. Emptying the section
     * while an open problem needs it (§3.5) is MISSING_REQUIRED_RECORD.
     */
    async record(input: HealthDataInput): Promise<HealthDataEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      return writeAsCaseHolder(deps, input.minorId, async (db, minorId, today) => {
        const current = await findMinorRowForUpdate(db, HealthDataEntity, minorId);
        const merged: HealthDataValues = {
          npiaFollowUp: patchValue(input.npiaFollowUp, current?.npiaFollowUp),
          invalidity: patchValue(input.invalidity, current?.invalidity),
          law104: patchValue(input.law104, current?.law104),
          law104Severe: patchValue(input.law104Severe, current?.law104Severe),
          npiaDate: patchValue(input.npiaDate, current?.npiaDate),
          invalidityDate: patchValue(input.invalidityDate, current?.invalidityDate),
          invalidityPercentage: patchValue(input.invalidityPercentage, current?.invalidityPercentage),
          law104Date: patchValue(input.law104Date, current?.law104Date),
        };
        throwIfViolated(severeImpliesLaw104(merged), certificationDatesConsistent(merged, today), invalidityPercentageValid(merged));
        await checkRequiredSection(db, minorId, today, 'healthData', merged);
        return upsertHealthData(db, minorId, merged, principal.sub);
      });
    },
  };
}

export type HealthDataService = ReturnType<typeof createHealthDataService>;
