import { findCode } from '@shared/codes';
import { violation, type Violation } from '@shared/errors';

/** What the family-unit rules need of a member. */
export interface UnitMember {
  readonly relation: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly cohabiting: boolean;
  readonly until: string | null;
}

/** Members of the unit on `on`: those who have not left it (until after `on`, or no until). */
export function currentMembers<T extends UnitMember>(members: readonly T[], on: string): T[] {
  return members.filter((m) => m.until === null || m.until > on);
}

const isParentalFigure = (m: UnitMember) => findCode('SIGNIFICANT_PERSON_RELATION', m.relation)?.attributes?.canBeParentalFigure === true;
const isParent = (m: UnitMember) => findCode('SIGNIFICANT_PERSON_RELATION', m.relation)?.attributes?.parent === true;

/**
 * seed 003 §3.3: "Si intende monogenitoriale il nucleo in cui il soggetto
 * convive con una sola figura genitoriale (figura che comprende anche i
 * parenti di grado superiore al primo, es. zii, nonni)". Null when no
 * cohabiting parental figure is recorded (nothing to say).
 */
export function isSingleParent(members: readonly UnitMember[]): boolean | null {
  const figures = members.filter((m) => m.cohabiting && isParentalFigure(m));
  if (figures.length === 0) return null;
  return figures.length === 1;
}

/**
 * seed 003 §3.3, denominazione del nucleo: "Cognome genitore o adulto
 * capofamiglia convivente - Cognome altro genitore o adulto convivente (es.
 * Rossi - Verdi)", or "Cognome e Nome del genitore o adulto convivente, se il
 * nucleo è monogenitoriale (es. Rossi Luigi)". Parents come first, then the
 * other parental figures, then other cohabiting adults (a sibling is not an
 * adult of the unit here); null when no such member is recorded.
 */
export function familyUnitName(members: readonly UnitMember[]): string | null {
  const rank = (m: UnitMember) => (isParent(m) ? 0 : isParentalFigure(m) ? 1 : m.relation === 'OTHER_COHABITING_ADULT' ? 2 : 3);
  const adults = members.filter((m) => m.cohabiting && rank(m) < 3).sort((a, b) => rank(a) - rank(b));
  if (adults.length === 0) return null;
  if (isSingleParent(members) === true || adults.length === 1) return `${adults[0].lastName} ${adults[0].firstName}`;
  return `${adults[0].lastName} - ${adults[1].lastName}`;
}

/** A member leaves the unit on or after the day they joined it (INVALID_DATE_RANGE on `field`). */
export function leftAfterJoining(since: string | null, until: string | null, field: string): Violation | null {
  if (since === null || until === null || until >= since) return null;
  return violation('INVALID_DATE_RANGE', 'The member cannot leave the unit before joining it', field);
}

/** Names are required and kept trimmed (BAD_USER_INPUT on the field). */
export function nonBlank(value: string, field: string): Violation | null {
  return value.trim() === '' ? violation('BAD_USER_INPUT', 'The value cannot be blank', field) : null;
}
