import { AppError } from '@shared/errors';
import { PG, pgErrorInfo } from '@shared/db';

/**
 * The database's own guards on placements (see the migrations) turned into
 * the codes of docs/conventions.md. The services check the same rules first, with clearer
 * messages; this mapping covers a write that reaches a constraint anyway:
 * - placement_no_overlap, placement_same_day_inside_other (23P01): PLACEMENT_OVERLAP;
 * - placement_dates_check (23514): INVALID_DATE_RANGE on the discharge date.
 * Anything else is returned unchanged (formatError hides it as INTERNAL_SERVER_ERROR).
 */
export function placementWriteError(err: unknown): unknown {
  const { code, constraint } = pgErrorInfo(err);
  if (code === PG.EXCLUSION_VIOLATION) {
    return new AppError('PLACEMENT_OVERLAP', 'The minor already has a placement in this period', { field: 'admissionDate' });
  }
  if (code === PG.CHECK_VIOLATION && constraint === 'placement_dates_check') {
    return new AppError('INVALID_DATE_RANGE', 'The discharge date precedes the admission date', { field: 'dischargeDate' });
  }
  return err;
}
