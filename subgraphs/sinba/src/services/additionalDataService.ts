import { requireRole } from '@shared/auth';
import { throwIfViolated } from '@shared/errors';
import { AdditionalDataEntity } from '../entities/AdditionalData';
import { findMinorRowForUpdate } from '../repositories/minorRecords';
import { upsertAdditionalData, type AdditionalDataValues } from '../repositories/additionalDataRepository';
import { codeValid } from '../rules/codedLists';
import type { ServiceDeps } from './deps';
import { writeAsCaseHolder } from './caseHolderWrite';
import { patchValue } from './inputValues';
import { checkRequiredSection } from './requiredSection';
import type { AdditionalDataInput } from '../generated/graphql';

export function createAdditionalDataService(deps: ServiceDeps) {
  const { clock, principal } = deps;

  return {
    /**
     * recordAdditionalData (seed 003 §3.4, informazioni aggiuntive: livello
     * di scolarizzazione, condizione occupazionale, nomade, orfano): upsert
     * like recordHealthData (fields left out keep their value, an explicit
     * null clears one). Emptying the section while an open problem needs it
     * (§3.4 code 98 and the §3.5 problems needing health or additional data)
     * is MISSING_REQUIRED_RECORD.
     */
    async record(input: AdditionalDataInput): Promise<AdditionalDataEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const today = clock();
      throwIfViolated(codeValid('SCHOOLING_LEVEL', input.schoolingLevel, today, 'schoolingLevel'), codeValid('EMPLOYMENT_CONDITION', input.employmentCondition, today, 'employmentCondition'));
      return writeAsCaseHolder(deps, input.minorId, async (db, minorId) => {
        const current = await findMinorRowForUpdate(db, AdditionalDataEntity, minorId);
        const merged: AdditionalDataValues = {
          schoolingLevel: patchValue(input.schoolingLevel, current?.schoolingLevel),
          employmentCondition: patchValue(input.employmentCondition, current?.employmentCondition),
          nomad: patchValue(input.nomad, current?.nomad),
          orphan: patchValue(input.orphan, current?.orphan),
        };
        await checkRequiredSection(db, minorId, today, 'additionalData', merged);
        return upsertAdditionalData(db, minorId, merged, principal.sub);
      });
    },
  };
}

export type AdditionalDataService = ReturnType<typeof createAdditionalDataService>;
