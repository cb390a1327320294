import type { Principal } from '../../../../shared/auth/principal';
import { badInput, forbidden } from '../../../../shared/errors';
import { requireAuthenticated } from '../../../../shared/auth/requireRole';
import { isUuid } from '../../../../shared/ids';
import { findCasePeriods, type CasePeriodRow } from '../repositories/casePeriodRepository';
import type { ServiceDeps } from './deps';

/** `casePeriods`: at most this many ids per call (ASMI sends the minors of one data-quality run in chunks). */
export const MAX_CASE_PERIOD_IDS = 1000;

/**
 * casePeriods: when each of the given minors had a case open, for ASMI's
 * NO_OPEN_CASE data-quality flag. Only dates: no service, reason or content.
 * Module-to-module only (SERVICE principal), like caseHeldMinors.
 */
export function createCasePeriodService(deps: Pick<ServiceDeps, 'dataSource'>) {
  return {
    async casePeriods(principal: Principal, minorIds: readonly string[]): Promise<CasePeriodRow[]> {
      requireAuthenticated(principal);
      if (principal.role !== 'SERVICE') throw forbidden();
      if (minorIds.length > MAX_CASE_PERIOD_IDS) throw badInput('minorIds', `At most ${MAX_CASE_PERIOD_IDS} ids per call`);
      return findCasePeriods(deps.dataSource.manager, [...new Set(minorIds.filter(isUuid).map((id) => id.toLowerCase()))]);
    },
  };
}

export type CasePeriodService = ReturnType<typeof createCasePeriodService>;
