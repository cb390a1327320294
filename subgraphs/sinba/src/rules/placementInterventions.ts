import { addDays, ageOn } from '@shared/time';
import { violation, type Violation } from '@shared/errors';
import type { CodeEntry } from '@shared/codes';

/**
 * Rules on where a minor lives: placements in a structure (seed 003 §3.9.6),
 * foster care (§3.9.1) and adoption (§3.9.2). Pure functions; the
 * intervention service feeds them the minor's other interventions, read
 * under a per-minor lock.
 */

const attr = (type: CodeEntry, name: string) => type.attributes?.[name];

/** A minor's facts the age rule needs. */
export interface MinorAgeFacts {
  readonly birthDate: string | null;
  readonly unborn: boolean;
}

/**
 * seed 003 §3.9.6: some placement types admit only some ages ("non possono
 * essere accolti minori di 14 anni"; "da 6 a 17 anni"; "17 - 21 anni"). The
 * limits are the `minAge`/`maxAge` attributes of INTERVENTION_TYPE; the age
 * is in whole years on the intervention's start date. A minor without a birth
 * date (an unborn child, seed 003 §3.2.1) cannot be placed in a type with an
 * age limit. BAD_USER_INPUT on `type` (the type does not fit the minor), with
 * the type's limits in `extensions.minAge`/`extensions.maxAge`; the message
 * names the limits, never the minor's age.
 */
export function placementAgeFits(type: CodeEntry, minor: MinorAgeFacts, startDate: string, field = 'type'): Violation | null {
  const min = attr(type, 'minAge');
  const max = attr(type, 'maxAge');
  if (min === undefined && max === undefined) return null;
  const minAge = min === undefined ? null : Number(min);
  const maxAge = max === undefined ? null : Number(max);
  const range = minAge !== null && maxAge !== null ? `${minAge} to ${maxAge} years` : minAge !== null ? `${minAge} years or older` : `up to ${maxAge} years`;
  const details = { ...(minAge === null ? {} : { minAge }), ...(maxAge === null ? {} : { maxAge }) };
  if (minor.birthDate === null) {
    return violation('BAD_USER_INPUT', `This placement type admits minors aged ${range} (seed 003 §3.9.6); the minor has no birth date yet`, field, details);
  }
  const age = ageOn(minor.birthDate, startDate);
  if ((minAge === null || age >= minAge) && (maxAge === null || age <= maxAge)) return null;
  return violation('BAD_USER_INPUT', `This placement type admits minors aged ${range} on the start date (seed 003 §3.9.6)`, field, details);
}

/** One intervention as the placement rules see it. */
export interface PlacementPeriod {
  readonly type: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly fosterCareSchedule: string | null;
  /** The service holding the case the intervention is recorded on. */
  readonly serviceId: string;
}

/**
 * seed 003 §3.9.1 and §3.9.6: a full-time placement is where the minor
 * lives: a residential placement in a structure (§3.9.6, not the day
 * structures, not the search for a structure), or a foster care (§3.9.1, and
 * the affidamento a rischio giuridico of §3.9.2) unless recorded as part time
 * ("a tempo parziale": some hours or days only). A foster care without a
 * schedule counts as full time, the seed's ordinary form ("se a tempo pieno,
 * per la residenzialità del minore presso la famiglia affidataria").
 */
export function isFullTimePlacement(type: CodeEntry | null | undefined, fosterCareSchedule: string | null): boolean {
  if (!type) return false;
  if (attr(type, 'structurePlacement') === true && attr(type, 'residential') === true) return true;
  return attr(type, 'fosterCare') === true && fosterCareSchedule !== 'PART_TIME';
}

const FAR = '9999-12-31';
/**
 * Periods as half-open days [start, end): an open one runs on; one ending on
 * day D and another starting on D do not overlap (a transfer, as ASMI's
 * placements); a same-day intervention (end = start) takes its one day.
 */
export function periodsOverlap(a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }): boolean {
  const end = (p: { startDate: string; endDate: string | null }) => (p.endDate === null ? FAR : p.endDate === p.startDate ? addDays(p.startDate, 1) : p.endDate);
  return a.startDate < end(b) && b.startDate < end(a);
}

/**
 * seed 003 §3.9.1, §3.9.6: one full-time placement at a time. A minor lives
 * in one structure or one foster family: a full-time placement overlapping
 * another full-time placement of the same minor (on any case, of any
 * service) is refused with PLACEMENT_OVERLAP on `startDate`. A transfer ends
 * one on day D and starts the next on D.
 */
export function oneFullTimePlacement(
  candidate: { startDate: string; endDate: string | null },
  candidateFullTime: boolean,
  existing: readonly { startDate: string; endDate: string | null; fullTime: boolean }[],
): Violation | null {
  if (!candidateFullTime) return null;
  if (!existing.some((e) => e.fullTime && periodsOverlap(e, candidate))) return null;
  return violation(
    'PLACEMENT_OVERLAP',
    'The minor already has a full-time placement (residential structure or foster care) in this period: end it first (a transfer ends one and starts the next on the same day)',
    'startDate',
  );
}

/** Foster care (§3.9.1, §3.9.2 affidamento a rischio giuridico) or adoption (§3.9.2). */
export function isFosterCareOrAdoption(type: CodeEntry | null | undefined): boolean {
  return !!type && (attr(type, 'fosterCare') === true || attr(type, 'adoption') === true);
}

/**
 * seed 003 §3.9.1 ("inserirà l'intervento quello che si occupa in maniera
 * prevalente della situazione del minore") and §3.9.2 ("l'intervento deve
 * essere registrato dal solo Servizio che segue operativamente
 * l'inserimento"): under co-management, a foster care or an adoption is
 * recorded by one service only. The service that already records one for
 * the minor in the period is the one following it; another service's
 * attempt is refused with RECORDED_BY_OTHER_SERVICE on `type`.
 */
export function oneRecorderUnderCoManagement(
  candidate: { startDate: string; endDate: string | null; serviceId: string },
  candidateFosterOrAdoption: boolean,
  existing: readonly { startDate: string; endDate: string | null; serviceId: string; fosterOrAdoption: boolean }[],
): Violation | null {
  if (!candidateFosterOrAdoption) return null;
  if (!existing.some((e) => e.fosterOrAdoption && e.serviceId !== candidate.serviceId && periodsOverlap(e, candidate))) return null;
  return violation(
    'RECORDED_BY_OTHER_SERVICE',
    'Another service records the foster care or adoption of this minor in this period: under co-management only the service that follows it operationally records it (seed 003 §3.9.1, §3.9.2)',
    'type',
  );
}

/**
 * seed 003 §3.9.6 and seed 001 (ASMI records the structure's admissions): a
 * minor placed by the service in a structure of the registry (the structure
 * codes of its open residential placement interventions) should be admitted
 * there. The disagreement is that some structure does not host the minor.
 */
export function placementWithoutAdmission(placedIn: readonly string[], hosts: (structureCode: string) => boolean): boolean {
  return placedIn.some((code) => !hosts(code));
}
