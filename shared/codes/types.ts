/**
 * Types of the versioned reference data (docs/conventions.md "Reference data"), plus the
 * small helpers the list files use to write their entries. See
 * docs/code-lists.md.
 */

/** Values an entry's extra attributes may take. */
export type CodeAttributes = Readonly<Record<string, string | number | boolean>>;

/** One entry of a reference code list. */
export interface CodeEntry {
  /** Stable code: the seed's own code where it has one (e.g. "98"), else an English UPPER_SNAKE mnemonic. */
  readonly code: string;
  /** Italian label, as literal to the seed as possible. */
  readonly label: string;
  /** Sub-grouping inside the list (e.g. the seed section "3.9.6" for intervention types). */
  readonly group?: string;
  /** First day the code may be used (ISO date, inclusive); absent = always. */
  readonly validFrom?: string;
  /** Last day the code may be used (ISO date, inclusive); absent = still valid. */
  readonly validTo?: string;
  /** Seed file and section this entry comes from (every shipped entry has one). */
  readonly source?: string;
  /** Extra attributes used by rules (e.g. ISTAT crosswalk, requiresHealthData). */
  readonly attributes?: CodeAttributes;
}

export type CodeListName =
  | 'STRUCTURE_TYPE'
  | 'STRUCTURE_TARGET'
  | 'STRUCTURE_GENDER'
  | 'HEALTH_AUTHORITY'
  | 'MUNICIPALITY'
  | 'COUNTRY'
  | 'ACT_KIND'
  | 'INSPECTION_AUTHORITY'
  | 'INSPECTION_OUTCOME'
  | 'INTERVENTION_GROUP'
  | 'INTERVENTION_TYPE'
  | 'REFERRAL_SOURCE'
  | 'CASE_CLOSURE_REASON'
  | 'CO_MANAGEMENT_REASON'
  | 'SIGNIFICANT_PERSON_RELATION'
  | 'MINOR_PROBLEM'
  | 'HEALTH_CONDITION'
  | 'CO_PLANNING_PARTNER'
  | 'CO_PLANNING_OUTCOME'
  | 'FAMILY_PROBLEM'
  | 'FOSTER_CARE_SCHEDULE'
  | 'ADOPTION_DISRUPTION'
  | 'INTERVENTION_END_SITUATION'
  | 'ASSESSMENT_TYPE'
  | 'ASSESSMENT_OUTCOME'
  | 'VIOLENCE_TYPE'
  | 'VIOLENCE_DETECTOR'
  | 'SCHOOLING_LEVEL'
  | 'EMPLOYMENT_CONDITION'
  | 'COURT_AUTHORITY'
  | 'COURT_ORDER_KIND'
  | 'COURT_ORDER_EFFECT'
  | 'PLACEMENT_KIND'
  | 'LEGAL_BASIS'
  | 'DISCHARGE_OUTCOME'
  | 'ACTIVITY_TYPE'
  | 'ABSENCE_KIND'
  | 'FAMILY_RELATIONS';

export interface CodeList {
  readonly name: CodeListName;
  readonly description: string;
  /** Seed file(s) and section(s) the list as a whole comes from. */
  readonly source: string;
  /** Version of the list; bump it whenever an entry is added, retired or relabelled. */
  readonly version: string;
  readonly entries: readonly CodeEntry[];
}

/** The seed documents (listed in docs/sources.md), as cited in `source` fields. */
export const SEED = {
  /** Emilia-Romagna circular n. 7 on the SISAM-ER flow. */
  S000: 'seed 000_17526bd63ca25f3f.txt',
  /** S.I.R.MI slides: SINBA, ASSO, ASMI. */
  S001: 'seed 001_29069863507f34e2.txt',
  /** Lazio DGR 527/2021: SISS, structure registry (ASSA). */
  S002: 'seed 002_349b605ed52e7201.txt',
  /** SISAM operational specification v1.0, 5/11/2020. */
  S003: 'seed 003_81ea9130f5f3c1a8.txt',
  /** S.In.Ba Campania project. */
  S004: 'seed 004_fb865785cfb3b501.txt',
  /** The project's own choices where the seeds are silent (docs/domain.md). */
  ANCHORS: 'docs/domain.md',
  /** The project's domain page. */
  DOMAIN: 'docs/domain.md',
} as const;

/** One entry written as a row: code, label, attributes, then optional per-entry overrides. */
export type Row = readonly [
  code: string,
  label: string,
  attributes?: CodeAttributes,
  overrides?: Pick<CodeEntry, 'validFrom' | 'validTo' | 'source' | 'group'>,
];

/**
 * Turns rows into entries that share a source (and a group, if given);
 * a row's overrides win over the shared values.
 */
export function rows(common: { readonly source: string; readonly group?: string }, list: readonly Row[]): CodeEntry[] {
  return list.map(([code, label, attributes, overrides]) => ({
    code,
    label,
    ...(common.group !== undefined ? { group: common.group } : {}),
    source: common.source,
    ...(attributes !== undefined ? { attributes } : {}),
    ...overrides,
  }));
}
