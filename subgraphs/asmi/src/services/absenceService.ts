import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput, forbidden, notFound } from '@shared/errors';
import { requireRole } from '@shared/auth';
import { PG, pgErrorInfo } from '@shared/db';
import { throwIfViolated } from '@shared/errors';
import { endNotBeforeStart } from '@shared/rules';
import { isValidCode } from '@shared/codes';
import type { Clock } from '@shared/time';
import { findAbsence, findAbsencesOfPlacement, insertAbsence, setAbsenceEnd, type AbsenceRow } from '../repositories/absenceRepository';
import { findPlacementForUpdate, isUuid, type PlacementRow } from '../repositories/placementRepository';
import { noOverlappingAbsence, withinPlacement } from '../rules/absenceRules';
import { notInFuture } from '../rules/placementRules';
import { insertOutbox } from '../repositories/notificationRepository';
import { touchMinor } from '@shared/audit';

export interface RecordAbsenceInput {
  placementId: string;
  kind: string;
  startDate: string;
  endDate?: string | null;
  notes?: string | null;
}

export interface EndAbsenceInput {
  absenceId: string;
  endDate: string;
}

const FORBIDDEN_MSG = 'Only an operator of the structure can record its placements';

/** docs/privacy.md §5: only the STRUCTURE_OPERATOR of the placement's structure writes its records. */
export function requireOperator(principal: Principal): asserts principal is Extract<Principal, { role: 'STRUCTURE_OPERATOR' }> {
  requireRole(principal, ['STRUCTURE_OPERATOR'], FORBIDDEN_MSG);
}

/** The placement, locked for the transaction (serialises writes on its absences/activities and its discharge), of the caller's structure. */
export async function lockOwnPlacement(tx: import('typeorm').EntityManager, principal: Extract<Principal, { role: 'STRUCTURE_OPERATOR' }>, placementId: string): Promise<PlacementRow> {
  const placement = await findPlacementForUpdate(tx, placementId);
  if (!placement) throw notFound('Placement', 'placementId');
  touchMinor(placement.minorId); // docs/privacy.md §7: before the structure check, so a refusal is audited too
  if (placement.structureCode !== principal.structureCode) throw forbidden(FORBIDDEN_MSG);
  return placement;
}

/** absence_no_overlap (23P01) → BAD_USER_INPUT; absence_dates_check → INVALID_DATE_RANGE. */
function absenceWriteError(err: unknown): unknown {
  const { code, constraint } = pgErrorInfo(err);
  if (code === PG.EXCLUSION_VIOLATION) return new AppError('BAD_USER_INPUT', 'Another absence of this placement covers some of these days', { field: 'startDate' });
  if (code === PG.CHECK_VIOLATION && constraint === 'absence_dates_check') return new AppError('INVALID_DATE_RANGE', 'The end date precedes the start date', { field: 'endDate' });
  return err;
}

const clean = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export function createAbsenceService(deps: { dataSource: DataSource; clock: Clock }) {
  const { dataSource, clock } = deps;
  return {
    /** An absence or unauthorised departure (seed 001; ABSENCE_KIND), inside the placement, not in the future, not overlapping another. */
    async record(principal: Principal, input: RecordAbsenceInput, within?: EntityManager): Promise<AbsenceRow> {
      requireOperator(principal);
      if (!isUuid(input.placementId)) throw badInput('placementId', 'placementId must be a placement id (UUID)');
      const endDate = input.endDate ?? null;
      const today = clock();
      throwIfViolated(
        notInFuture(input.startDate, today, 'startDate'),
        endDate === null ? null : notInFuture(endDate, today, 'endDate'),
        endNotBeforeStart(input.startDate, endDate, 'endDate'),
      );
      if (!isValidCode('ABSENCE_KIND', input.kind, input.startDate)) throw new AppError('INVALID_CODE', 'Unknown absence kind', { field: 'kind', list: 'ABSENCE_KIND' });
      try {
        return await (within ?? dataSource.manager).transaction(async (tx) => {
          const placement = await lockOwnPlacement(tx, principal, input.placementId);
          const range = { startDate: input.startDate, endDate };
          throwIfViolated(withinPlacement(placement, range), noOverlappingAbsence(await findAbsencesOfPlacement(tx, placement.id), range));
          const id = await insertAbsence(tx, { placementId: placement.id, kind: input.kind, startDate: input.startDate, endDate, notes: clean(input.notes), actor: principal.sub });
          // docs/privacy.md §3a: the services holding the minor's case are told (outbox, same transaction).
          await insertOutbox(tx, { kind: input.kind === 'UNAUTHORISED_DEPARTURE' ? 'UNAUTHORISED_DEPARTURE' : 'ABSENCE', minorId: placement.minorId, placementId: placement.id, eventDate: today });
          return (await findAbsence(tx, id)) as AbsenceRow;
        });
      } catch (err) {
        throw absenceWriteError(err);
      }
    },

    /** Closes an open absence (the minor is back). */
    async end(principal: Principal, input: EndAbsenceInput, within?: EntityManager): Promise<AbsenceRow> {
      requireOperator(principal);
      if (!isUuid(input.absenceId)) throw badInput('absenceId', 'absenceId must be an absence id (UUID)');
      throwIfViolated(notInFuture(input.endDate, clock(), 'endDate'));
      try {
        return await (within ?? dataSource.manager).transaction(async (tx) => {
          const found = await findAbsence(tx, input.absenceId);
          if (!found) throw notFound('Absence', 'absenceId');
          const placement = await lockOwnPlacement(tx, principal, found.placementId);
          const absence = (await findAbsence(tx, input.absenceId)) as AbsenceRow;
          if (absence.endDate !== null) throw badInput('absenceId', 'The absence has already ended');
          const range = { startDate: absence.startDate, endDate: input.endDate };
          const others = (await findAbsencesOfPlacement(tx, placement.id)).filter((a) => a.id !== absence.id);
          throwIfViolated(endNotBeforeStart(absence.startDate, input.endDate, 'endDate'), withinPlacement(placement, range), noOverlappingAbsence(others, range, 'endDate'));
          await setAbsenceEnd(tx, absence.id, input.endDate, principal.sub);
          return (await findAbsence(tx, absence.id)) as AbsenceRow;
        });
      } catch (err) {
        throw absenceWriteError(err);
      }
    },
  };
}

export type AbsenceService = ReturnType<typeof createAbsenceService>;
