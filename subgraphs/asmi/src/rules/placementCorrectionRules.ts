import { violation, type Violation } from '@shared/errors';
import { addDays } from '@shared/time';
import { CORRECTION_WINDOW_DAYS } from './placementRules';

/*
 * Correcting a placement's admission facts (issue 18 item 5; docs/domain.md
 * "Correcting a placement"). Pure functions, tested in
 * __tests__/placementCorrectionRules.test.ts.
 */

/** The admission facts an operator types and can mistype. */
export interface AdmissionFacts {
  admissionDate: string;
  kind: string;
  legalBasis: string | null;
  courtOrderReference: string | null;
  referringService: string | null;
}

export const CORRECTABLE_FACTS: readonly (keyof AdmissionFacts)[] = ['admissionDate', 'kind', 'legalBasis', 'courtOrderReference', 'referringService'];

/** A proposed correction: a fact absent is left as it is, null clears an optional fact. */
export type FactChanges = { [K in keyof AdmissionFacts]?: AdmissionFacts[K] | null };

/** Longest free text of a correction (reason, supervisor's reason, references). */
export const MAX_CORRECTION_TEXT = 1000;

/**
 * The facts after the correction, and only those that change (before and
 * after, for the correction history). Strings are trimmed; an empty optional
 * fact is null. A required fact (admissionDate, kind) cannot be cleared.
 */
export function changedFacts(current: AdmissionFacts, proposed: FactChanges): { next: AdmissionFacts; before: Partial<AdmissionFacts>; after: Partial<AdmissionFacts> } | Violation {
  const next: AdmissionFacts = { ...current };
  const before: Partial<AdmissionFacts> = {};
  const after: Partial<AdmissionFacts> = {};
  for (const key of CORRECTABLE_FACTS) {
    if (!(key in proposed) || proposed[key] === undefined) continue;
    const raw = proposed[key];
    const value = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    if (value === current[key]) continue;
    if (key === 'admissionDate' || key === 'kind') {
      if (value === null) return violation('BAD_USER_INPUT', `${key} cannot be cleared`, key);
      next[key] = value;
      before[key] = current[key];
      after[key] = value;
    } else {
      next[key] = value;
      before[key] = current[key];
      after[key] = value;
    }
  }
  if (Object.keys(after).length === 0) return violation('BAD_USER_INPUT', 'The correction changes nothing: give at least one fact with a new value', 'placementId');
  return { next, before, after };
}

/**
 * The structure corrects its own placement directly within
 * CORRECTION_WINDOW_DAYS (30) of the admission date, counted from the
 * earliest admission date the placement ever had (so moving the date forward
 * does not reopen the window): the days in which a mistyped admission is
 * normally noticed (the first monthly returns, the notifications to the
 * social service). Later the structure asks a supervisor of the territory
 * (requestPlacementCorrection): CORRECTION_WINDOW_CLOSED with
 * `correction: ASK_SUPERVISOR`.
 */
export function correctionWindowOpen(firstAdmissionDate: string, today: string): Violation | null {
  if (addDays(firstAdmissionDate, CORRECTION_WINDOW_DAYS) >= today) return null;
  return violation('CORRECTION_WINDOW_CLOSED', `The admission is more than ${CORRECTION_WINDOW_DAYS} days old: ask the supervisor to correct it (requestPlacementCorrection)`, 'placementId', {
    correction: 'ASK_SUPERVISOR',
    windowDays: CORRECTION_WINDOW_DAYS,
  });
}

/** A correction says why (kept in the history the supervisor reads). */
export function reasonGiven(reason: string | null | undefined, field = 'reason'): Violation | null {
  if (!reason || reason.trim() === '') return violation('BAD_USER_INPUT', 'Say why the placement is corrected', field);
  if (reason.length > MAX_CORRECTION_TEXT) return violation('BAD_USER_INPUT', `${field} must be at most ${MAX_CORRECTION_TEXT} characters`, field);
  return null;
}
