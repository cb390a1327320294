import { violation, type Violation } from '@shared/errors';

/** The minor as the referral rule sees it. */
export interface ReferredMinor {
  readonly unborn: boolean;
  readonly birthDate: string | null;
}

/**
 * seed 003 §3.1: "la segnalazione di un soggetto può avvenire anche durante la
 * gravidanza della madre" (and §3.2.1). The flag must agree with the dates:
 * a referral of an unborn minor is during pregnancy; once born, a referral
 * before the birth date is during pregnancy and one on or after it is not.
 * BAD_USER_INPUT on duringPregnancy otherwise.
 */
export function pregnancyFlagConsistent(date: string, duringPregnancy: boolean, minor: ReferredMinor): Violation | null {
  const beforeBirth = minor.unborn || (minor.birthDate !== null && date < minor.birthDate);
  if (minor.birthDate === null && !minor.unborn) return null;
  if (beforeBirth === duringPregnancy) return null;
  return duringPregnancy
    ? violation('BAD_USER_INPUT', 'A referral during pregnancy must precede the birth date', 'duringPregnancy')
    : violation('BAD_USER_INPUT', 'A referral before the birth is during pregnancy', 'duringPregnancy');
}
