import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { AppError, forbidden } from '@shared/errors';
import { pseudonymOf } from '@shared/privacy';
import { inProsecutorListWindow } from '@shared/privacy';
import type { Clock } from '@shared/time';
import { findHostedMinors, type PlacementRow } from '../repositories/placementRepository';
import { findPlacementsOnList } from '../repositories/prosecutorListRepository';
import { boundaryFlags, halfYear, isViolation } from '../rules/prosecutorListRules';

/** Shown on a row whose minor the caller no longer hosts (docs/privacy.md §3: HOSTING lapses 30 days after discharge). */
export const IDENTITY_ELSEWHERE_NOTE = 'Identity held by the case-holding social service (the structure hosted the minor more than 30 days ago)';

export interface ProsecutorListRow {
  /** The placement's id. */
  id: string;
  placement: PlacementRow;
  admittedBeforePeriod: boolean;
  dischargedAfterPeriod: boolean;
  minorPseudonym: string;
  minorBirthDate: string | null;
  minorSex: string | null;
  minorCitizenship: string | null;
  identityNote: string | null;
}

export interface ProsecutorList {
  structureCode: string;
  year: number;
  half: number;
  periodStart: string;
  periodEnd: string;
  generatedOn: string;
  rows: ProsecutorListRow[];
}

/**
 * The six-monthly list a structure owes the juvenile prosecutor (L. 184/1983
 * art. 9 c. 2), for the STRUCTURE_OPERATOR of that structure only (docs/privacy.md
 * §5: a structure's operator acts for its own structure; FORBIDDEN for anyone
 * else). Every placement of the structure with at least one day in the
 * half-year, with its real dates. ASMI returns every row to the operator; the
 * gateway then masks per row what the operator may no longer read
 * (docs/privacy.md, "Prosecutor list"); `identityNote` tells them why.
 */
export function createProsecutorListService(deps: { dataSource: DataSource; clock: Clock; pseudonymKey: string }) {
  const { dataSource, clock, pseudonymKey } = deps;
  return {
    async list(principal: Principal, structureCode: string, year: number, half: number): Promise<ProsecutorList> {
      requireRole(principal, ['STRUCTURE_OPERATOR'], 'Only an operator of the structure can read its list for the prosecutor');
      if (principal.structureCode !== structureCode) throw forbidden('Only an operator of the structure can read its list for the prosecutor');
      const today = clock();
      const period = halfYear(year, half, today);
      if (isViolation(period)) throw new AppError(period.code, period.message, { field: period.field });
      const placements = await findPlacementsOnList(dataSource.manager, structureCode, period.start, period.end);
      // docs/privacy.md §11 PROSECUTOR_LIST: within its window the list is complete in every row; after it, HOSTING decides again.
      const purpose = inProsecutorListWindow(year, half, today);
      const hosted = purpose ? new Set<string>() : new Set(await findHostedMinors(dataSource.manager, [...new Set(placements.map((p) => p.minorId))], structureCode, today));
      return {
        structureCode,
        year,
        half,
        periodStart: period.start,
        periodEnd: period.end,
        generatedOn: today,
        rows: placements.map((p) => ({
          id: p.id,
          placement: p,
          ...boundaryFlags(p, period),
          minorPseudonym: pseudonymOf(p.minorId, pseudonymKey),
          minorBirthDate: p.minorBirthDate,
          minorSex: p.minorSex,
          minorCitizenship: p.minorCitizenship,
          identityNote: purpose || hosted.has(p.minorId) ? null : IDENTITY_ELSEWHERE_NOTE,
        })),
      };
    },
  };
}

export type ProsecutorListService = ReturnType<typeof createProsecutorListService>;
