/** One entry of a reference code list (API.md "Reference data"). */
export interface CodeEntry {
  readonly code: string;
  readonly label: string;
  readonly group?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
  /** Extra attributes used by rules (e.g. ISTAT crosswalk, requiresHealthData). */
  readonly attributes?: Readonly<Record<string, string | number | boolean>>;
}

export type CodeListName =
  | 'STRUCTURE_TYPE'
  | 'STRUCTURE_TARGET'
  | 'ACT_KIND'
  | 'INTERVENTION_TYPE'
  | 'INTERVENTION_GROUP'
  | 'CASE_CLOSURE_REASON'
  | 'CO_MANAGEMENT_REASON'
  | 'MINOR_PROBLEM'
  | 'FAMILY_PROBLEM'
  | 'VIOLENCE_TYPE'
  | 'ASSESSMENT_TYPE'
  | 'PLACEMENT_KIND'
  | 'DISCHARGE_OUTCOME'
  | 'LEGAL_BASIS'
  | 'INSPECTION_AUTHORITY'
  | 'INSPECTION_OUTCOME'
  | 'ACTIVITY_TYPE'
  | 'ABSENCE_KIND';

export interface CodeList {
  readonly name: CodeListName;
  readonly description: string;
  /** Seed file and section the codes come from. */
  readonly source: string;
  readonly version: string;
  readonly entries: readonly CodeEntry[];
}

/** Shorthand for lists written as [code, label, attributes?] rows. */
export function rows(group: string | undefined, list: readonly (readonly [string, string, CodeEntry['attributes']?])[]): CodeEntry[] {
  return list.map(([code, label, attributes]) => ({ code, label, ...(group ? { group } : {}), ...(attributes ? { attributes } : {}) }));
}
