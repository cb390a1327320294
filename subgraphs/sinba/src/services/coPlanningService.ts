import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { notFound } from '@shared/errors';
import { throwIfViolated } from '@shared/errors';
import { endNotBeforeStart, notAfterToday } from '@shared/rules';
import { CoPlanningEntity } from '../entities/CoPlanning';
import { findForUpdate, insertRow, updateRow } from '../repositories/minorRecords';
import { codeValid, codesValid } from '../rules/codedLists';
import type { ServiceDeps } from './deps';
import { minorOfRecord, writeAsCaseHolder } from './caseHolderWrite';

export interface RecordCoPlanningInput {
  readonly minorId: string;
  readonly startDate: string;
  readonly partners: readonly string[];
  readonly outcome?: string | null;
  readonly endDate?: string | null;
}

export interface UpdateCoPlanningInput {
  readonly coPlanningId: string;
  readonly partners?: readonly string[] | null;
  /** An explicit null clears it (not assessed yet). */
  readonly outcome?: string | null;
  readonly endDate?: string | null;
}

export function createCoPlanningService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;

  /** seed 003 §3.6: partners from CO_PLANNING_PARTNER (at least one), outcome from CO_PLANNING_OUTCOME, dates not in the future. */
  function check(c: { startDate: string; endDate: string | null; partners: readonly string[]; outcome: string | null }, today: string) {
    throwIfViolated(
      notAfterToday(c.startDate, today, 'startDate'),
      c.endDate === null ? null : notAfterToday(c.endDate, today, 'endDate'),
      endNotBeforeStart(c.startDate, c.endDate, 'endDate'),
      codesValid('CO_PLANNING_PARTNER', c.partners, c.startDate, 'partners'),
      codeValid('CO_PLANNING_OUTCOME', c.outcome, c.startDate, 'outcome'),
    );
  }

  return {
    /**
     * recordCoPlanning (seed 003 §3.6): multidisciplinary work on the minor
     * with other services or agencies (scuola, NPI, Equipe Territoriale,
     * UVM...), with the outcome of the assessment when known.
     */
    async record(principal: Principal, input: RecordCoPlanningInput): Promise<CoPlanningEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const values = { startDate: input.startDate, endDate: input.endDate ?? null, partners: [...input.partners], outcome: input.outcome ?? null };
      check(values, clock());
      return writeAsCaseHolder(deps, principal, input.minorId, (db, minorId) =>
        insertRow(db, CoPlanningEntity, { ...values, minorId, createdBy: principal.sub, updatedBy: principal.sub }),
      );
    },

    /** updateCoPlanning (seed 003 §3.6): partners, outcome, end; fields left out keep their value. */
    async update(principal: Principal, input: UpdateCoPlanningInput): Promise<CoPlanningEntity> {
      requireRole(principal, ['SOCIAL_WORKER']);
      const minorId = await minorOfRecord(dataSource.manager, 'co_planning', input.coPlanningId, 'Co-planning', 'coPlanningId');
      return writeAsCaseHolder(deps, principal, minorId, async (db, _m, today) => {
        const current = await findForUpdate(db, CoPlanningEntity, input.coPlanningId);
        if (!current) throw notFound('Co-planning', 'coPlanningId');
        const next = {
          startDate: current.startDate,
          partners: input.partners != null ? [...input.partners] : current.partners,
          outcome: input.outcome !== undefined ? input.outcome : current.outcome,
          endDate: input.endDate !== undefined ? input.endDate : current.endDate,
        };
        check(next, today);
        return updateRow(db, CoPlanningEntity, current.id, { partners: next.partners, outcome: next.outcome, endDate: next.endDate, updatedAt: new Date(), updatedBy: principal.sub });
      });
    },
  };
}

export type CoPlanningService = ReturnType<typeof createCoPlanningService>;
