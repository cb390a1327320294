import type { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '@shared/auth';
import { AppError, badInput } from '@shared/errors';
import { throwIfViolated } from '@shared/errors';
import { endNotBeforeStart } from '@shared/rules';
import { isValidCode } from '@shared/codes';
import type { Clock } from '@shared/time';
import { insertActivity, type ActivityRow } from '../repositories/activityRepository';
import { isUuid } from '../repositories/placementRepository';
import { withinPlacement } from '../rules/absenceRules';
import { notInFuture } from '../rules/placementRules';
import { lockOwnPlacement, requireOperator } from './absenceService';

export interface RecordActivityInput {
  placementId: string;
  type: string;
  date: string;
  endDate?: string | null;
  notes?: string | null;
}

const clean = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export function createActivityService(deps: { dataSource: DataSource; clock: Clock }) {
  const { dataSource, clock } = deps;
  return {
    /**
     * An activity inside the structure (seed 001, dati di attività; ACTIVITY_TYPE):
     * the structure's operator only (docs/privacy.md §5), within the placement
     * (a one-day activity when endDate is null), not in the future.
     */
    async record(principal: Principal, input: RecordActivityInput, within?: EntityManager): Promise<ActivityRow> {
      requireOperator(principal);
      if (!isUuid(input.placementId)) throw badInput('placementId', 'placementId must be a placement id (UUID)');
      const endDate = input.endDate ?? null;
      const today = clock();
      throwIfViolated(notInFuture(input.date, today, 'date'), endDate === null ? null : notInFuture(endDate, today, 'endDate'), endNotBeforeStart(input.date, endDate, 'endDate'));
      if (!isValidCode('ACTIVITY_TYPE', input.type, input.date)) throw new AppError('INVALID_CODE', 'Unknown activity type', { field: 'type', list: 'ACTIVITY_TYPE' });
      return (within ?? dataSource.manager).transaction(async (tx) => {
        const placement = await lockOwnPlacement(tx, principal, input.placementId);
        throwIfViolated(withinPlacement(placement, { startDate: input.date, endDate: endDate ?? input.date }, 'date', 'endDate'));
        return insertActivity(tx, { placementId: placement.id, type: input.type, date: input.date, endDate, notes: clean(input.notes), actor: principal.sub });
      });
    },
  };
}

export type ActivityService = ReturnType<typeof createActivityService>;
