import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { throwIfViolated } from '@shared/errors';
import type { AdditionalDataEntity } from '../entities/AdditionalData';
import { findAdditionalDataForUpdate, upsertAdditionalData, type AdditionalDataValues } from '../repositories/additionalDataRepository';
import { findRecordPresence, openMinorProblemCodes } from '../repositories/problemRepository';
import { codeValid } from '../rules/codedLists';
import { openProblemsStillSatisfied } from '../rules/problems';
import type { ServiceDeps } from './deps';
import { writeAsCaseHolder } from './caseHolderWrite';

export interface AdditionalDataInput {
  readonly minorId: string;
  readonly schoolingLevel?: string | null;
  readonly employmentCondition?: string | null;
  readonly nomad?: boolean | null;
  readonly orphan?: boolean | null;
}

const FIELDS = ['schoolingLevel', 'employmentCondition', 'nomad', 'orphan'] as const;

export function createAdditionalDataService(deps: ServiceDeps) {
  const { clock } = deps;

  return {
    /**
     * recordAdditionalData (seed 003 §3.4, informazioni aggiuntive: livello
     * di scolarizzazione, condizione occupazionale, nomade, orfano): upsert
     * like recordHealthData (fields left out keep their value, an explicit
     * null clears one). Emptying the section while an open problem needs it
     * (§3.4 code 98 and the §3.5 problems needing health or additional data)
     * is MISSING_REQUIRED_RECORD.
     */
    async record(principal: Principal, input: AdditionalDataInput): Promise<AdditionalDataEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const today = clock();
      throwIfViolated(codeValid('SCHOOLING_LEVEL', input.schoolingLevel, today, 'schoolingLevel'), codeValid('EMPLOYMENT_CONDITION', input.employmentCondition, today, 'employmentCondition'));
      return writeAsCaseHolder(deps, principal, input.minorId, async (db, minorId) => {
        const current = await findAdditionalDataForUpdate(db, minorId);
        const merged = Object.fromEntries(FIELDS.map((f) => [f, input[f] !== undefined ? input[f] : (current?.[f] ?? null)])) as unknown as AdditionalDataValues;
        const filled = FIELDS.some((f) => merged[f] !== null);
        const presence = { ...(await findRecordPresence(db, minorId)), additionalData: filled };
        throwIfViolated(openProblemsStillSatisfied(await openMinorProblemCodes(db, minorId, today), presence, 'minorId'));
        return upsertAdditionalData(db, minorId, merged, principal.sub);
      });
    },
  };
}

export type AdditionalDataService = ReturnType<typeof createAdditionalDataService>;
