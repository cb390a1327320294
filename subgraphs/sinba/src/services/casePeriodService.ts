import type { Principal } from '@shared/auth';
import { badInput, forbidden } from '@shared/errors';
import { requireAuthenticated } from '@shared/auth';
import { isUuid } from '@shared/ids';
import { findCaseHolders, findCasePeriods, type CasePeriodRow } from '../repositories/casePeriodRepository';
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

    /**
     * caseHolders: which services hold a case open on `on` for each minor
     * (ASMI: who may request a placement, whether an admission needs a
     * request, who is notified; docs/privacy.md §3a). Module-to-module only.
     */
    async caseHolders(principal: Principal, minorIds: readonly string[], on: string): Promise<{ minorId: string; serviceId: string }[]> {
      requireAuthenticated(principal);
      if (principal.role !== 'SERVICE') throw forbidden();
      if (minorIds.length > MAX_CASE_PERIOD_IDS) throw badInput('minorIds', `At most ${MAX_CASE_PERIOD_IDS} ids per call`);
      return findCaseHolders(deps.dataSource.manager, [...new Set(minorIds.filter(isUuid).map((id) => id.toLowerCase()))], on);
    },
  };
}

export type CasePeriodService = ReturnType<typeof createCasePeriodService>;
