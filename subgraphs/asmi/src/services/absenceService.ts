import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput, notFound } from '@shared/errors';
import { PG, pgErrorInfo } from '@shared/db';
import { throwIfViolated } from '@shared/errors';
import { endNotBeforeStart } from '@shared/rules';
import type { Clock } from '@shared/time';
import { setAbsenceEnd } from '../repositories/absenceRepository';
import { ABSENCES, findRecord, findRecordsOfPlacement, type AbsenceRow } from '../repositories/structureRecordRepository';
import { isUuid } from '../repositories/placementRepository';
import { noOverlappingAbsence, withinPlacement } from '../rules/absenceRules';
import { notInFuture } from '../rules/placementRules';
import { insertOutbox } from '../repositories/notificationRepository';
import type { EndAbsenceInput, RecordAbsenceInput } from '../generated/graphql';
import { createStructureRecordService, lockOwnPlacement, requireOperator, type StructureRecordKind } from './structureRecordService';

/** absence_no_overlap (23P01) → BAD_USER_INPUT; absence_dates_check → INVALID_DATE_RANGE. */
function absenceWriteError(err: unknown): unknown {
  const { code, constraint } = pgErrorInfo(err);
  if (code === PG.EXCLUSION_VIOLATION) return new AppError('BAD_USER_INPUT', 'Another absence of this placement covers some of these days', { field: 'startDate' });
  if (code === PG.CHECK_VIOLATION && constraint === 'absence_dates_check') return new AppError('INVALID_DATE_RANGE', 'The end date precedes the start date', { field: 'endDate' });
  return err;
}

/**
 * An absence or unauthorised departure (seed 001; ABSENCE_KIND): open while
 * the minor is away, never overlapping another absence of the placement; the
 * services holding the minor's case are told (docs/privacy.md §3a: outbox,
 * same transaction).
 */
const ABSENCE: StructureRecordKind<RecordAbsenceInput, 'kind', 'startDate'> = {
  table: ABSENCES,
  read: (i) => ({ placementId: i.placementId, code: i.kind, start: i.startDate, endDate: i.endDate, notes: i.notes }),
  codeList: 'ABSENCE_KIND',
  unknownCode: 'Unknown absence kind',
  openEnd: 'ONGOING',
  againstOthers: async (tx, placementId, range) => noOverlappingAbsence(await findRecordsOfPlacement(tx, ABSENCES, placementId), range),
  afterRecord: async (tx, placement, row, today) => {
    await insertOutbox(tx, { kind: row.kind === 'UNAUTHORISED_DEPARTURE' ? 'UNAUTHORISED_DEPARTURE' : 'ABSENCE', minorId: placement.minorId, placementId: placement.id, eventDate: today });
  },
  writeError: absenceWriteError,
};

export function createAbsenceService(deps: { dataSource: DataSource; clock: Clock; principal: Principal }) {
  const { dataSource, clock, principal } = deps;
  return {
    ...createStructureRecordService(ABSENCE, deps),

    /** Closes an open absence (the minor is back). */
    async end(input: EndAbsenceInput, within?: EntityManager): Promise<AbsenceRow> {
      requireOperator(principal);
      if (!isUuid(input.absenceId)) throw badInput('absenceId', 'absenceId must be an absence id (UUID)');
      throwIfViolated(notInFuture(input.endDate, clock(), 'endDate'));
      try {
        return await (within ?? dataSource.manager).transaction(async (tx) => {
          const found = await findRecord(tx, ABSENCES, input.absenceId);
          if (!found) throw notFound('Absence', 'absenceId');
          const placement = await lockOwnPlacement(tx, principal, found.placementId);
          const absence = (await findRecord(tx, ABSENCES, input.absenceId)) as AbsenceRow;
          if (absence.endDate !== null) throw badInput('absenceId', 'The absence has already ended');
          const range = { startDate: absence.startDate, endDate: input.endDate };
          const others = (await findRecordsOfPlacement(tx, ABSENCES, placement.id)).filter((a) => a.id !== absence.id);
          throwIfViolated(endNotBeforeStart(absence.startDate, input.endDate, 'endDate'), withinPlacement(placement, range), noOverlappingAbsence(others, range, 'endDate'));
          await setAbsenceEnd(tx, absence.id, input.endDate, principal.sub);
          return (await findRecord(tx, ABSENCES, absence.id)) as AbsenceRow;
        });
      } catch (err) {
        throw absenceWriteError(err);
      }
    },
  };
}

export type AbsenceService = ReturnType<typeof createAbsenceService>;
