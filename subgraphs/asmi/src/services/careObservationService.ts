import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput } from '@shared/errors';
import { throwIfViolated } from '@shared/errors';
import { isValidCode } from '@shared/codes';
import { isMunicipalityCode } from '@shared/codes';
import type { Clock } from '@shared/time';
import { insertCareObservation, type CareObservationRow } from '../repositories/careObservationRepository';
import { isUuid } from '../repositories/placementRepository';
import { withinPlacement } from '../rules/absenceRules';
import { notInFuture } from '../rules/placementRules';
import { lockOwnPlacement, requireOperator } from './absenceService';

export interface CareObservationInput {
  placementId: string;
  date: string;
  familyRelations: string;
  parentsResidenceMunicipality?: string | null;
  psychophysicalCondition?: string | null;
}

/** Longest psycho-physical description kept (characters). */
export const MAX_CONDITION_LENGTH = 4000;

const clean = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export function createCareObservationService(deps: { dataSource: DataSource; clock: Clock }) {
  const { dataSource, clock } = deps;
  return {
    /**
     * recordCareObservation (docs/privacy.md §5: the STRUCTURE_OPERATOR of the
     * placement's structure; §2 CARE_OBSERVATION): on a day of the placement,
     * not in the future; relations with the family from FAMILY_RELATIONS; the
     * parents' municipality an ISTAT code. The free text is never logged.
     */
    async record(principal: Principal, input: CareObservationInput): Promise<CareObservationRow> {
      requireOperator(principal);
      if (!isUuid(input.placementId)) throw badInput('placementId', 'placementId must be a placement id (UUID)');
      throwIfViolated(notInFuture(input.date, clock(), 'date'));
      if (!isValidCode('FAMILY_RELATIONS', input.familyRelations, input.date)) {
        throw new AppError('INVALID_CODE', 'Unknown relation with the family', { field: 'familyRelations', list: 'FAMILY_RELATIONS' });
      }
      const municipality = clean(input.parentsResidenceMunicipality);
      if (municipality !== null && !isMunicipalityCode(municipality)) {
        throw new AppError('INVALID_CODE', 'The parents’ municipality of residence must be an ISTAT municipality code', { field: 'parentsResidenceMunicipality', list: 'MUNICIPALITY' });
      }
      const condition = clean(input.psychophysicalCondition);
      if (condition !== null && condition.length > MAX_CONDITION_LENGTH) throw badInput('psychophysicalCondition', `At most ${MAX_CONDITION_LENGTH} characters`);
      return dataSource.transaction(async (tx) => {
        const placement = await lockOwnPlacement(tx, principal, input.placementId);
        throwIfViolated(withinPlacement(placement, { startDate: input.date, endDate: input.date }, 'date', 'date'));
        return insertCareObservation(tx, { placementId: placement.id, date: input.date, familyRelations: input.familyRelations, parentsResidenceMunicipality: municipality, psychophysicalCondition: condition, actor: principal.sub });
      });
    },
  };
}

export type CareObservationService = ReturnType<typeof createCareObservationService>;
