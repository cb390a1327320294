/**
 * Dimensions and bands of the aggregate reports (issue 8; docs/domain.md §7:
 * stock and flows by type, age, sex, citizenship, MSNA, duration band,
 * reason for exit). The same labels in SQL (the report statements) and in
 * TypeScript (tests, docs/data-model.md "Reporting").
 */
import { isValidCode } from '../codes';
import { AppError, badInput } from '../errors/AppError';

export const REPORT_DIMENSIONS = [
  'AGE_BAND',
  'SEX',
  'CITIZENSHIP_GROUP',
  'UNACCOMPANIED',
  'STRUCTURE_TYPE',
  'PROVINCE',
  'PLACEMENT_KIND',
  'DURATION_BAND',
  'DISCHARGE_OUTCOME',
  'SERVICE',
  'INTERVENTION_GROUP',
  'LEGAL_BASIS',
] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** Key of a cell whose attribute is not recorded (e.g. the birth date of a minor registered before birth). */
export const UNKNOWN = 'UNKNOWN';

/** Age bands in completed years on the reference date (issue 8): the ISTAT/Innocenti bands. */
export const AGE_BANDS = [
  { label: '0-5', min: 0, max: 5 },
  { label: '6-10', min: 6, max: 10 },
  { label: '11-13', min: 11, max: 13 },
  { label: '14-17', min: 14, max: 17 },
  { label: '18+', min: 18, max: Infinity },
] as const;

/**
 * Duration bands in completed months from the start of the episode (placement
 * admission, case start) to the reference date: the stock date, or the
 * discharge date for exits.
 */
export const DURATION_BANDS = [
  { label: '<1M', min: 0, max: 0 },
  { label: '1-5M', min: 1, max: 5 },
  { label: '6-11M', min: 6, max: 11 },
  { label: '12-23M', min: 12, max: 23 },
  { label: '24M+', min: 24, max: Infinity },
] as const;

/** ISTAT country code of Italy: citizenship group ITALIAN, any other code FOREIGN. */
export const ITALY = '100';
export const CITIZENSHIP_GROUPS = ['ITALIAN', 'FOREIGN'] as const;

export function ageBandOf(age: number | null): string {
  if (age === null || age < 0) return UNKNOWN;
  return AGE_BANDS.find((b) => age >= b.min && age <= b.max)?.label ?? UNKNOWN;
}

export function durationBandOf(months: number | null): string {
  if (months === null || months < 0) return UNKNOWN;
  return DURATION_BANDS.find((b) => months >= b.min && months <= b.max)?.label ?? UNKNOWN;
}

/**
 * SQL CASE of the band of the time elapsed from `startSql` to `onSql`
 * (completed years or months). Written as comparisons of the start date with
 * `on - n unit` — the start is at least n units back exactly when
 * start <= on - n units, as age() counts them — rather than age() on every
 * row: for a stock the thresholds are constants, computed once.
 */
function elapsedBandCase(startSql: string, onSql: string, unit: 'years' | 'months', bands: readonly { label: string; min: number }[]): string {
  const whens = bands
    .slice(0, -1)
    .map((b, i) => `WHEN ${startSql} > ${onSql} - interval '${bands[i + 1].min} ${unit}' THEN '${b.label}'`)
    .join(' ');
  return `CASE WHEN ${startSql} IS NULL OR ${startSql} > ${onSql} THEN '${UNKNOWN}' ${whens} ELSE '${bands[bands.length - 1].label}' END`;
}

/** SQL: the age band of a birth date (date column) on a reference date expression. */
export function ageBandSql(birthDateSql: string, onSql: string): string {
  return elapsedBandCase(birthDateSql, onSql, 'years', AGE_BANDS);
}

/** SQL: the duration band between a start date and a reference date. */
export function durationBandSql(startSql: string, onSql: string): string {
  return elapsedBandCase(startSql, onSql, 'months', DURATION_BANDS);
}

export function sexSql(sexSql: string): string {
  return `coalesce(${sexSql}::text, '${UNKNOWN}')`;
}

export function citizenshipGroupSql(citizenshipSql: string): string {
  return `CASE WHEN ${citizenshipSql} IS NULL THEN '${UNKNOWN}' WHEN ${citizenshipSql} = '${ITALY}' THEN 'ITALIAN' ELSE 'FOREIGN' END`;
}

export function unaccompaniedSql(flagSql: string): string {
  return `CASE WHEN ${flagSql} IS NULL THEN '${UNKNOWN}' WHEN ${flagSql} THEN 'YES' ELSE 'NO' END`;
}

/** groupBy: no repeats, at most four dimensions (wider tables are mostly suppressed cells). */
export const MAX_GROUP_BY = 4;

export function checkGroupBy(groupBy: readonly ReportDimension[], allowed: readonly ReportDimension[], reportName: string): void {
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy', 'A dimension appears twice in groupBy');
  if (groupBy.length > MAX_GROUP_BY) throw badInput('groupBy', `At most ${MAX_GROUP_BY} dimensions in groupBy`);
  const bad = groupBy.find((d) => !allowed.includes(d));
  if (bad) throw badInput('groupBy', `${reportName} cannot be grouped by ${bad}`, { dimension: bad });
}

/** The Report type of the SDL (shared/graphql/reportTypes.graphql). */
export interface Report {
  readonly dimensions: ReportDimension[];
  readonly rows: { keys: string[]; count: number | null; suppressed: boolean }[];
  readonly total: number | null;
  readonly totalSuppressed: boolean;
  readonly minCellSize: number;
  readonly generatedAt: string;
}

/** ReportFilter of the SDL. */
export interface ReportFilter {
  readonly provinces?: readonly string[] | null;
  readonly structureTypes?: readonly string[] | null;
  readonly structureCodes?: readonly string[] | null;
  readonly services?: readonly string[] | null;
  readonly startedFrom?: string | null;
  readonly startedTo?: string | null;
}

const PROVINCE = /^[0-9]{3}$/;

/** Shape checks common to every report's filter. */
export function checkFilter(filter: ReportFilter | null | undefined): void {
  for (const p of filter?.provinces ?? []) if (!PROVINCE.test(p)) throw badInput('filter.provinces', 'A province is a 3-digit ISTAT code');
  for (const t of filter?.structureTypes ?? []) {
    if (!isValidCode('STRUCTURE_TYPE', t)) throw new AppError('INVALID_CODE', 'Unknown structure type', { field: 'filter.structureTypes', list: 'STRUCTURE_TYPE' });
  }
  if (filter?.startedFrom && filter.startedTo && filter.startedTo < filter.startedFrom) {
    throw new AppError('INVALID_DATE_RANGE', 'startedTo precedes startedFrom', { field: 'filter.startedTo' });
  }
}
