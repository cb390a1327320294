import { violation, type Violation } from '@shared/errors';

/**
 * seed 001 (S.I.R.MI slides), "Alle strutture — Asso — il censimento della
 * propria struttura": a structure keeps its own card up to date. Its
 * STRUCTURE_OPERATOR may change the fields that describe how to reach it and
 * what it is — contacts, address details, description — and nothing that the
 * authorisation fixes (name, type, places, ages, target, managing entity,
 * health authority: the supervisor's, seed 002, with the acts).
 */
export const SELF_CENSUS_FIELDS = ['address', 'phone', 'publicEmail', 'contactEmail', 'description'] as const;

/** The first field of `input` (besides `code`) an operator may not change: FORBIDDEN on that field. */
export function selfCensusFieldsOnly(input: Record<string, unknown>): Violation | null {
  const other = Object.keys(input).find((k) => k !== 'code' && input[k] !== undefined && !(SELF_CENSUS_FIELDS as readonly string[]).includes(k));
  if (other === undefined) return null;
  return violation('FORBIDDEN', 'A structure updates its contacts, address and description; type, places, ages and authorisation are changed by the supervisor', other);
}

/** Longest description accepted (the column's check). */
export const MAX_DESCRIPTION = 2000;

export function descriptionFits(description: string | null): Violation | null {
  if (description === null || description.length <= MAX_DESCRIPTION) return null;
  return violation('BAD_USER_INPUT', `The description is longer than ${MAX_DESCRIPTION} characters`, 'description');
}
