import { endNotBeforeStart, notAfterToday } from '@shared/rules';
import { firstViolation, violation, type Violation } from '@shared/errors';

/** An act after normalisation (strings trimmed). */
export interface ActRecording {
  readonly number: string;
  readonly date: string;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/**
 * seed 002 Allegato A §a point b: every act (autorizzazione, accreditamento,
 * diffida, sospensione, revoca, chiusura) is recorded with its number, its
 * date and its validity; it is an act already issued, so its date is not in
 * the future (its validity may start later), and its validity ends on or
 * after it starts.
 */
export function validateActRecording(a: ActRecording, today: string): Violation | null {
  return firstViolation(
    a.number === '' ? violation('BAD_USER_INPUT', 'The act number is empty', 'number') : null,
    notAfterToday(a.date, today, 'date'),
    endNotBeforeStart(a.validFrom, a.validTo, 'validTo'),
  );
}
