import { addMonths } from '@shared/time';
import { violation, type Violation } from '@shared/errors';
import type { CodeEntry } from '@shared/codes';

/** An assessment (indagine psico-sociale / percorso affido, seed 003 §3.10) as the rules see it. */
export interface AssessmentState {
  readonly startDate: string;
  /** Data di termine istruttoria. */
  readonly endDate: string | null;
  readonly outcome: string | null;
  readonly renewed: boolean;
  readonly suitabilityDecreeDate: string | null;
}

/**
 * seed 003 §3.10: "la direttiva RER n. 1495/03 prevede 4 mesi di tempo per lo
 * svolgimento dell'indagine, rinnovabili una sola volta": for the adoption
 * assessments (attributes maxMonths, maxRenewals), the end date is at most
 * 4 months after the start, 8 once renewed; only they can be renewed.
 */
export function assessmentWithinTerm(type: CodeEntry, a: AssessmentState): Violation | null {
  const maxMonths = type.attributes?.maxMonths;
  if (typeof maxMonths !== 'number') {
    if (a.renewed) return violation('BAD_USER_INPUT', 'Only an adoption assessment can be renewed', 'renewed');
    return null;
  }
  if (a.endDate === null) return null;
  const months = a.renewed ? maxMonths * (1 + Number(type.attributes?.maxRenewals ?? 0)) : maxMonths;
  const lastDay = addMonths(a.startDate, months);
  if (a.endDate <= lastDay) return null;
  return violation('INVALID_DATE_RANGE', `The assessment lasts at most ${months} months`, 'endDate', { maxMonths: months, lastDay });
}

/**
 * seed 003 §3.10: "la conclusione ... avviene con parere positivo o
 * negativo": an outcome comes with the end date (data di termine
 * istruttoria), and an ended assessment has one.
 */
export function outcomeWithEnd(a: AssessmentState): Violation | null {
  if (a.endDate !== null && a.outcome === null) return violation('BAD_USER_INPUT', 'An ended assessment needs its outcome', 'outcome');
  if (a.endDate === null && a.outcome !== null) return violation('BAD_USER_INPUT', 'The outcome is recorded with the end date', 'endDate');
  return null;
}

/**
 * seed 003 §3.10 footnote 19: "nel caso di adozione internazionale, vi è
 * anche l'emissione del decreto di idoneità da parte del Tribunale per i
 * minorenni": only an international adoption assessment with a positive
 * outcome has a decree of suitability, dated from its start.
 */
export function suitabilityDecreeFits(type: CodeEntry, outcome: CodeEntry | null, a: AssessmentState): Violation | null {
  if (a.suitabilityDecreeDate === null) return null;
  if (type.attributes?.suitabilityDecree !== true) return violation('BAD_USER_INPUT', 'Only an international adoption has a decree of suitability', 'suitabilityDecreeDate');
  if (outcome?.attributes?.allowsMatching !== true) return violation('BAD_USER_INPUT', 'A decree of suitability follows a positive outcome', 'suitabilityDecreeDate');
  if (a.suitabilityDecreeDate < a.startDate) return violation('INVALID_DATE_RANGE', 'The decree precedes the assessment', 'suitabilityDecreeDate');
  return null;
}

/** seed 003 §3.10: an applicants' assessment is linked to one minor's case, once. */
export function assessmentNotLinked(a: { caseId: string | null }): Violation | null {
  if (a.caseId === null) return null;
  return violation('BAD_USER_INPUT', 'The assessment is already linked to a case', 'assessmentId');
}
