/**
 * Versioned reference data (docs/conventions.md "Reference data"): the code lists of the
 * seed documents, one file per list in `lists/`, served by `codes(list)` and
 * used by every subgraph to validate coded inputs (INVALID_CODE). See
 * docs/code-lists.md for the lists and how to version them.
 */
import type { CodeEntry, CodeList, CodeListName } from './types';
import { absenceKind } from './lists/absenceKind';
import { familyRelations } from './lists/familyRelations';
import { actKind } from './lists/actKind';
import { activityType } from './lists/activityType';
import { adoptionDisruption } from './lists/adoptionDisruption';
import { interventionEndSituation } from './lists/interventionEndSituation';
import { assessmentOutcome } from './lists/assessmentOutcome';
import { assessmentType } from './lists/assessmentType';
import { caseClosureReason } from './lists/caseClosureReason';
import { coManagementReason } from './lists/coManagementReason';
import { coPlanningOutcome } from './lists/coPlanningOutcome';
import { coPlanningPartner } from './lists/coPlanningPartner';
import { dischargeOutcome } from './lists/dischargeOutcome';
import { familyProblem } from './lists/familyProblem';
import { fosterCareSchedule } from './lists/fosterCareSchedule';
import { healthAuthority } from './lists/healthAuthority';
import { healthCondition } from './lists/healthCondition';
import { inspectionAuthority } from './lists/inspectionAuthority';
import { inspectionOutcome } from './lists/inspectionOutcome';
import { interventionGroup } from './lists/interventionGroup';
import { interventionType } from './lists/interventionType';
import { legalBasis } from './lists/legalBasis';
import { minorProblem } from './lists/minorProblem';
import { municipality } from './lists/municipality';
import { country } from './lists/country';
import { placementKind } from './lists/placementKind';
import { referralSource } from './lists/referralSource';
import { significantPersonRelation } from './lists/significantPersonRelation';
import { structureGender } from './lists/structureGender';
import { structureTarget } from './lists/structureTarget';
import { structureType } from './lists/structureType';
import { violenceType } from './lists/violenceType';
import { violenceDetector } from './lists/violenceDetector';
import { schoolingLevel } from './lists/schoolingLevel';
import { employmentCondition } from './lists/employmentCondition';
import { courtAuthority } from './lists/courtAuthority';
import { courtOrderKind } from './lists/courtOrderKind';
import { courtOrderEffect } from './lists/courtOrderEffect';

export type { CodeAttributes, CodeEntry, CodeList, CodeListName } from './types';

const ALL: readonly CodeList[] = [
  // ASSO: structure registry (seed 002)
  structureType,
  structureTarget,
  structureGender,
  healthAuthority,
  actKind,
  inspectionAuthority,
  inspectionOutcome,
  // SINBA: cases and interventions (seed 003)
  referralSource,
  caseClosureReason,
  coManagementReason,
  significantPersonRelation,
  minorProblem,
  healthCondition,
  coPlanningPartner,
  coPlanningOutcome,
  familyProblem,
  interventionGroup,
  interventionType,
  fosterCareSchedule,
  adoptionDisruption,
  interventionEndSituation,
  assessmentType,
  assessmentOutcome,
  violenceType,
  violenceDetector,
  schoolingLevel,
  employmentCondition,
  courtAuthority,
  courtOrderKind,
  courtOrderEffect,
  // ASMI: placements in structures (seed 001)
  placementKind,
  legalBasis,
  dischargeOutcome,
  activityType,
  absenceKind,
  familyRelations,
  // Shared: Italian municipalities by ISTAT code (municipalities.ts)
  municipality,
  // Shared: countries by ISTAT code (citizenship, issuing and birth country)
  country,
];

/** Every list by name. */
export const codeLists: ReadonlyMap<CodeListName, CodeList> = new Map(ALL.map((l) => [l.name, l]));

/** Narrows a client-supplied string (e.g. the `list` argument of `codes`) to a list name. */
export function isCodeListName(s: string): s is CodeListName {
  return codeLists.has(s as CodeListName);
}

/** The list called `name`; throws for a name that is not a list (a programming error). */
export function getCodeList(name: CodeListName): CodeList {
  const list = codeLists.get(name);
  if (!list) throw new Error(`Unknown code list ${name}`);
  return list;
}

/** Whether `entry` may be used on `date` (ISO YYYY-MM-DD; validFrom and validTo inclusive). */
export function isEntryValidOn(entry: CodeEntry, date: string): boolean {
  return (entry.validFrom === undefined || entry.validFrom <= date) && (entry.validTo === undefined || date <= entry.validTo);
}

/**
 * The entry for `code` in `list`. With `onDate`, only if the code is valid on
 * that date, so a record is checked against the codes of its own date; without
 * it, any entry, retired ones included (to label historical records).
 */
export function findCode(list: CodeListName, code: string, onDate?: string): CodeEntry | undefined {
  const entry = getCodeList(list).entries.find((e) => e.code === code);
  if (!entry || onDate === undefined) return entry;
  return isEntryValidOn(entry, onDate) ? entry : undefined;
}

/** Whether `code` is in `list` (and valid on `onDate`, when given). */
export function isValidCode(list: CodeListName, code: string, onDate?: string): boolean {
  return findCode(list, code, onDate) !== undefined;
}
export { findMunicipality, isCadastralCode, isMunicipalityCode } from './municipalities';
