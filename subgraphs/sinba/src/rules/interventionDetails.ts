import { addMonths } from '@shared/time';
import { violation, type Violation } from '@shared/errors';
import type { CodeEntry } from '@shared/codes';

/**
 * Rules on the fields of an intervention that depend on its group and type
 * (seed 003 §3.9.1–3.9.10). Pure functions; the services turn a violation
 * into an AppError. Type attributes come from the INTERVENTION_TYPE list.
 */

const attr = (type: CodeEntry, name: string) => type.attributes?.[name];

/**
 * seed 003 §3.9.1: "Gli affidamenti possono essere a tempo pieno ... o a tempo
 * parziale": the schedule belongs to a foster care (the types of §3.9.1 and
 * the affidamento a rischio giuridico of §3.9.2) and is refused for every
 * other type (affiancamento familiare included: the seed says it is not a
 * foster care). It is optional: the seed describes the two forms without
 * making the field mandatory, and addIntervention's public contract (docs/conventions.md)
 * does not require it.
 */
export function fosterCareScheduleFits(type: CodeEntry, schedule: string | null): Violation | null {
  if (schedule === null || attr(type, 'fosterCare') === true) return null;
  return violation('BAD_USER_INPUT', 'Only a foster care has a full or part time schedule', 'fosterCareSchedule');
}

/**
 * seed 003 §3.9.6: "Se la data di inserimento in struttura non è nota,
 * compilare con la data di inizio intervento di inserimento in struttura":
 * placements in a structure carry the entry date, the start date when not
 * given; it lies within the intervention; other types have none.
 */
export function structureEntryDateFor(
  type: CodeEntry,
  startDate: string,
  endDate: string | null,
  entryDate: string | null,
): { readonly value: string | null } | { readonly violation: Violation } {
  const placement = attr(type, 'structurePlacement') === true;
  if (!placement) {
    if (entryDate !== null) return { violation: violation('BAD_USER_INPUT', 'Only a placement in a structure has an entry date', 'structureEntryDate') };
    return { value: null };
  }
  const value = entryDate ?? startDate;
  if (value < startDate || (endDate !== null && value > endDate)) {
    return { violation: violation('INVALID_DATE_RANGE', 'The entry into the structure lies outside the intervention', 'structureEntryDate') };
  }
  return { value };
}

/**
 * seed 003 §3.9.6, INSERIMENTO DI PRONTA ACCOGLIENZA: "L'accoglienza è
 * limitata al tempo strettamente necessario a mettere in atto l'intervento
 * più favorevole (massimo due mesi; sei mesi per i minori stranieri non
 * accompagnati), indipendentemente dal tipo di struttura". The last day an
 * emergency placement may last, or null for other types.
 */
export function emergencyPlacementLimit(type: CodeEntry, startDate: string, unaccompanied: boolean): { readonly lastDay: string; readonly maxMonths: number } | null {
  if (attr(type, 'emergency') !== true) return null;
  const maxMonths = Number(unaccompanied ? attr(type, 'maxMonthsUnaccompanied') : attr(type, 'maxMonths'));
  return { lastDay: addMonths(startDate, maxMonths), maxMonths };
}

/**
 * seed 003 §3.9.6: the seed sets a maximum, so an emergency placement
 * recorded as longer than 2 months (6 for an unaccompanied foreign minor) is
 * refused: INVALID_DATE_RANGE on endDate, `extensions.maxMonths` and
 * `extensions.lastDay`. The longer stay is recorded as the "intervento più
 * favorevole" that follows it (a new intervention of another 3.9.6 type).
 */
export function emergencyPlacementWithinLimit(type: CodeEntry, startDate: string, endDate: string | null, unaccompanied: boolean): Violation | null {
  const limit = emergencyPlacementLimit(type, startDate, unaccompanied);
  if (!limit || endDate === null || endDate <= limit.lastDay) return null;
  return violation(
    'INVALID_DATE_RANGE',
    `An emergency placement (pronta accoglienza) lasts at most ${limit.maxMonths} months; record what follows as a new intervention`,
    'endDate',
    { maxMonths: limit.maxMonths, lastDay: limit.lastDay },
  );
}

/**
 * seed 003 §3.9.6: an emergency placement still open after its maximum
 * (2 months, 6 for an unaccompanied foreign minor) is an anomaly the holding
 * service must resolve (end it and record the intervention that follows);
 * it cannot be refused when written (its end was not known), so it is a
 * computed flag, `Intervention.emergencyLimitExceeded`.
 */
export function emergencyLimitExceeded(type: CodeEntry, i: { startDate: string; endDate: string | null }, unaccompanied: boolean, today: string): boolean {
  const limit = emergencyPlacementLimit(type, i.startDate, unaccompanied);
  if (!limit) return false;
  return (i.endDate ?? today) > limit.lastDay;
}

/**
 * seed 003 §3.9.2: "Nel momento in cui queste tipologie di interventi si
 * concludono è necessario compilare il campo SITUAZIONE FINE INTERVENTO ...
 * ALLONTANAMENTO ADOTTIVO": the disruption is recorded only when an adoption
 * type (§3.9.2) ends.
 */
export function adoptionDisruptionFits(type: CodeEntry, disruption: string | null, endDate: string | null): Violation | null {
  if (disruption === null) return null;
  if (attr(type, 'adoption') !== true) return violation('BAD_USER_INPUT', 'Only an adoption (seed 003 §3.9.2) records an adoptive disruption', 'adoptionDisruption');
  if (endDate === null) return violation('BAD_USER_INPUT', 'The adoptive disruption is recorded when the intervention ends', 'adoptionDisruption');
  return null;
}

/** An intervention is ended once: endIntervention on an ended one is refused. */
export function interventionStillOpen(i: { endDate: string | null }): Violation | null {
  if (i.endDate === null) return null;
  return violation('BAD_USER_INPUT', 'The intervention has already ended', 'interventionId');
}

/**
 * seed 003 §3.9.10: one intervention for the whole family is recorded once,
 * with the number of minors it benefits. The other beneficiaries are listed
 * once each and never include the case's own minor.
 */
export function siblingsDistinct(caseMinorId: string, siblingIds: readonly string[]): Violation | null {
  const ids = siblingIds.map((s) => s.toLowerCase());
  if (new Set(ids).size !== ids.length) return violation('BAD_USER_INPUT', 'A sibling is listed twice', 'siblingMinorIds');
  if (ids.includes(caseMinorId.toLowerCase())) return violation('BAD_USER_INPUT', "The case's own minor is not a sibling", 'siblingMinorIds');
  return null;
}
