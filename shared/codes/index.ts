/**
 * Versioned reference data (API.md "Reference data"): the code lists of the
 * seed documents, served by `codes(list)` and used to validate every coded
 * input (INVALID_CODE). See docs/code-lists.md.
 */
import type { CodeEntry, CodeList, CodeListName } from './types';
import { interventionGroup, interventionType } from './lists/interventionType';
import { assessmentType, caseClosureReason, coManagementReason, familyProblem, minorProblem, violenceType } from './lists/sinbaLists';
import { actKind, inspectionAuthority, inspectionOutcome, structureTarget, structureType } from './lists/registryLists';
import { absenceKind, activityType, dischargeOutcome, legalBasis, placementKind } from './lists/asmiLists';

export type { CodeEntry, CodeList, CodeListName } from './types';

const ALL: CodeList[] = [
  structureType,
  structureTarget,
  actKind,
  interventionGroup,
  interventionType,
  caseClosureReason,
  coManagementReason,
  minorProblem,
  familyProblem,
  violenceType,
  assessmentType,
  placementKind,
  dischargeOutcome,
  legalBasis,
  inspectionAuthority,
  inspectionOutcome,
  activityType,
  absenceKind,
];

export const codeLists: ReadonlyMap<CodeListName, CodeList> = new Map(ALL.map((l) => [l.name, l]));

export function isCodeListName(s: string): s is CodeListName {
  return codeLists.has(s as CodeListName);
}

export function getCodeList(name: CodeListName): CodeList {
  const list = codeLists.get(name);
  if (!list) throw new Error(`Unknown code list ${name}`);
  return list;
}

/** The entry for `code` in `list`; with a date, only if valid on that date (validFrom/validTo inclusive). */
export function findCode(list: CodeListName, code: string, onDate?: string): CodeEntry | undefined {
  const entry = getCodeList(list).entries.find((e) => e.code === code);
  if (!entry || !onDate) return entry;
  if (entry.validFrom && onDate < entry.validFrom) return undefined;
  if (entry.validTo && onDate > entry.validTo) return undefined;
  return entry;
}

export function isValidCode(list: CodeListName, code: string, onDate?: string): boolean {
  return findCode(list, code, onDate) !== undefined;
}
