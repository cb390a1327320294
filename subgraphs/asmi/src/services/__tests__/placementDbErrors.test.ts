import { AppError } from '@shared/errors';
import { placementWriteError } from '../placementDbErrors';

/** A database error as TypeORM throws it (QueryFailedError wrapping pg's error). */
const dbError = (code: string, constraint?: string) => Object.assign(new Error('query failed'), { driverError: { code, constraint } });

describe('placementWriteError', () => {
  it.each(['placement_no_overlap', 'placement_same_day_inside_other'])('turns the exclusion constraint %s into PLACEMENT_OVERLAP', (constraint) => {
    const err = placementWriteError(dbError('23P01', constraint));
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).extensions).toMatchObject({ code: 'PLACEMENT_OVERLAP', field: 'admissionDate' });
  });

  it('turns the discharge date check into INVALID_DATE_RANGE', () => {
    expect((placementWriteError(dbError('23514', 'placement_dates_check')) as AppError).extensions).toMatchObject({ code: 'INVALID_DATE_RANGE', field: 'dischargeDate' });
  });

  it('leaves any other error as it is', () => {
    const other = dbError('23514', 'placement_kind_check');
    expect(placementWriteError(other)).toBe(other);
    const domain = new AppError('STRUCTURE_FULL', 'full');
    expect(placementWriteError(domain)).toBe(domain);
  });
});
