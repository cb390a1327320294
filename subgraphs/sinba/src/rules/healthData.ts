import { violation, type Violation } from '@shared/errors';

/**
 * seed 003 §3.7: the L. 104/92 certification records "se c'è il
 * riconoscimento della gravità": severity (art. 3 c. 3) is a qualifier of a
 * L. 104 recognition, so it cannot be true while law104 is false.
 */
export function severeImpliesLaw104(input: { law104: boolean | null; law104Severe: boolean | null }): Violation | null {
  if (input.law104Severe === true && input.law104 === false) {
    return violation('BAD_USER_INPUT', 'A severe L. 104 recognition needs law104 to be true', 'law104Severe');
  }
  return null;
}
