import { findCode } from '@shared/codes';
import { violation, type Violation } from '@shared/errors';

/** Which records the rules of seed 003 §3.5 look for: health data, additional data, violence records. */
export interface RecordPresence {
  /** A health-data row with at least one field filled (a "NO" counts, §3.7). */
  readonly healthData: boolean;
  /** An additional-data row with at least one field filled (§3.4). */
  readonly additionalData: boolean;
  /** At least one violence record (scheda Violenze, §3.11). */
  readonly violenceRecord: boolean;
}

/** The record a problem code needs (seed 003 §3.5), as named in `extensions.required`. */
export type RequiredRecord = 'HEALTH_DATA' | 'HEALTH_OR_ADDITIONAL_DATA' | 'VIOLENCE_RECORD';

/**
 * What a MINOR_PROBLEM code requires, from its list attributes:
 * - seed 003 §3.5 "Prevedono la compilazione della sezione DATI SANITARI"
 *   (the five disabilities) and §3.7 (disagio relazionale/scolastico):
 *   `requiresHealthData`;
 * - seed 003 §3.4 "nei casi in cui si scelga di impostare il campo
 *   Problematica Utente a 98=Ricavabile, la compilazione di almeno un campo
 *   tra i dati sanitari o dati aggiuntivi del minore sarà richiesta", and
 *   §3.5 for procedure penali, nucleo problematico, dipendenze, gestanti:
 *   `requiresHealthOrAdditionalData`;
 * - seed 003 §3.5 "Prevedono la compilazione della sezione ABUSO" (presumed
 *   and confirmed victims), §3.11 "scheda da compilare necessariamente":
 *   `requiresViolenceRecord`.
 */
export function requiredRecordsOf(code: string): RequiredRecord[] {
  const a = findCode('MINOR_PROBLEM', code)?.attributes ?? {};
  const out: RequiredRecord[] = [];
  if (a.requiresHealthData === true) out.push('HEALTH_DATA');
  if (a.requiresHealthOrAdditionalData === true) out.push('HEALTH_OR_ADDITIONAL_DATA');
  if (a.requiresViolenceRecord === true) out.push('VIOLENCE_RECORD');
  return out;
}

const MESSAGES: Record<RequiredRecord, string> = {
  HEALTH_DATA: 'This problem requires the health data of the minor to be recorded first',
  HEALTH_OR_ADDITIONAL_DATA: 'This problem requires at least one field of the health data or of the additional data to be recorded first',
  VIOLENCE_RECORD: 'This problem requires a violence record of the minor to be recorded first',
};

/**
 * seed 003 §3.4, §3.5, §3.11: a problem is recorded only when the records
 * it requires already exist (the section is "compilata" before the problem
 * that needs it): MISSING_REQUIRED_RECORD on `field`, naming the record.
 */
export function requiredRecordsPresent(code: string, presence: RecordPresence, field = 'code'): Violation | null {
  for (const required of requiredRecordsOf(code)) {
    const ok =
      required === 'HEALTH_DATA' ? presence.healthData : required === 'HEALTH_OR_ADDITIONAL_DATA' ? presence.healthData || presence.additionalData : presence.violenceRecord;
    if (!ok) return violation('MISSING_REQUIRED_RECORD', MESSAGES[required], field, { required });
  }
  return null;
}

/**
 * docs/privacy.md §2: health-related problem codes are HEALTH data (the list's
 * `health` attribute), the others CASE data; they are served apart
 * (Minor.healthProblems / Minor.problems) so each field has one class.
 */
export function isHealthProblem(code: string): boolean {
  return findCode('MINOR_PROBLEM', code)?.attributes?.health === true;
}

/**
 * seed 003 §3.8 note 10: "nucleo senza problematiche" covers the families
 * where only the minor has a problem, so it cannot be open together with
 * another family problem (the list's `exclusive` attribute).
 */
export function exclusiveFamilyProblem(code: string, openCodes: readonly string[], field = 'code'): Violation | null {
  const others = openCodes.filter((c) => c !== code);
  if (others.length === 0) return null;
  const exclusive = (c: string) => findCode('FAMILY_PROBLEM', c)?.attributes?.exclusive === true;
  if (exclusive(code) || others.some(exclusive)) {
    return violation('BAD_USER_INPUT', '"Nucleo senza problematiche" cannot be combined with another open family problem', field);
  }
  return null;
}

/**
 * After a change to the health or additional data: the open problems whose
 * requirement (seed 003 §3.4, §3.5) would no longer hold. Returns the
 * violation on `field` (the section being emptied), or null.
 */
export function openProblemsStillSatisfied(openCodes: readonly string[], presence: RecordPresence, field: string): Violation | null {
  for (const code of openCodes) {
    const v = requiredRecordsPresent(code, presence, field);
    if (v) return violation('MISSING_REQUIRED_RECORD', 'An open problem of the minor requires this section to stay filled', field, v.details);
  }
  return null;
}

/**
 * seed 003 §3.2.1: for the unborn, "PROBLEMATICA UTENTE dovrà comprendere le
 * casistiche 'Nucleo problematico' e/o 'Intervento erogato fuori dal
 * PAI/PEI'" (the list's `unbornAllowed` attribute). While the minor is
 * unborn, a problem without that attribute is recorded only once one of
 * those two is open, so the unborn's problems always include one:
 * BAD_USER_INPUT on `code`. No constraint once the minor is born.
 */
export function unbornProblemsIncludeRequired(unborn: boolean, code: string, openCodes: readonly string[], field = 'code'): Violation | null {
  if (!unborn) return null;
  const allowed = (c: string) => findCode('MINOR_PROBLEM', c)?.attributes?.unbornAllowed === true;
  if (allowed(code) || openCodes.some(allowed)) return null;
  return violation('BAD_USER_INPUT', "An unborn child's problems must first include 'Nucleo problematico' or 'Intervento erogato fuori dal PAI/PEI'", field);
}

/**
 * seed 003 §3.2.1, the other side of unbornProblemsIncludeRequired: while the
 * minor is unborn, the problem that anchors the others ('Nucleo problematico'
 * or 'Intervento erogato fuori dal PAI/PEI') does not end while problems
 * without that attribute stay open and no other anchor does; otherwise an
 * end would leave exactly the set of problems the add rule refuses.
 * `openCodesAfter` are the open problems other than the one ending.
 * BAD_USER_INPUT on `field`. No constraint once the minor is born.
 */
export function unbornProblemsStayAnchored(unborn: boolean, endingCode: string, openCodesAfter: readonly string[], field = 'problemId'): Violation | null {
  if (!unborn) return null;
  const allowed = (c: string) => findCode('MINOR_PROBLEM', c)?.attributes?.unbornAllowed === true;
  if (!allowed(endingCode) || openCodesAfter.length === 0 || openCodesAfter.some(allowed)) return null;
  return violation('BAD_USER_INPUT', "An unborn child's open problems must keep 'Nucleo problematico' or 'Intervento erogato fuori dal PAI/PEI'; end the others first", field);
}
