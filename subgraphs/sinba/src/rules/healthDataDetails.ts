import { violation, type Violation } from '@shared/errors';

interface Details {
  readonly npiaFollowUp: boolean | null;
  readonly npiaDate: string | null;
  readonly invalidity: boolean | null;
  readonly invalidityDate: string | null;
  readonly invalidityPercentage: number | null;
  readonly law104: boolean | null;
  readonly law104Date: string | null;
}

/**
 * seed 003 §3.7: the date is "la data della certificazione", so it is
 * recorded only with a certification that is present (flag true); "Se non
 * si è ancora in possesso delle certificazioni ... indicarne l'assenza",
 * and an absent certification has no date. A certification date cannot be
 * in the future. BAD_USER_INPUT / INVALID_DATE_RANGE on the date field.
 */
export function certificationDatesConsistent(d: Details, today: string): Violation | null {
  const pairs: [flag: boolean | null, date: string | null, field: string][] = [
    [d.npiaFollowUp, d.npiaDate, 'npiaDate'],
    [d.invalidity, d.invalidityDate, 'invalidityDate'],
    [d.law104, d.law104Date, 'law104Date'],
  ];
  for (const [flag, date, field] of pairs) {
    if (date === null) continue;
    if (flag !== true) return violation('BAD_USER_INPUT', 'A certification date needs the certification to be present', field);
    if (date > today) return violation('INVALID_DATE_RANGE', 'The date cannot be in the future', field);
  }
  return null;
}

/** seed 003 §3.4 "Percentuale di invalidità": 0–100, only with a civil invalidity (BAD_USER_INPUT on invalidityPercentage). */
export function invalidityPercentageValid(d: Pick<Details, 'invalidity' | 'invalidityPercentage'>): Violation | null {
  const p = d.invalidityPercentage;
  if (p === null) return null;
  if (!Number.isInteger(p) || p < 0 || p > 100) return violation('BAD_USER_INPUT', 'The invalidity percentage is a whole number from 0 to 100', 'invalidityPercentage');
  if (d.invalidity !== true) return violation('BAD_USER_INPUT', 'An invalidity percentage needs invalidity to be true', 'invalidityPercentage');
  return null;
}
