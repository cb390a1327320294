import type { Principal } from '@shared/auth';
import { requireRole } from '@shared/auth';
import { badInput } from '@shared/errors';
import { findCode } from '@shared/codes';
import { cursorCodec } from '@shared/graphql';
import { pseudonymOf } from '@shared/privacy';
import { isUuid } from '../loaders';
import { EXPORT_RECORDS, countExportRows, findExportPage, type ExportRecord, type ExportRow } from '../repositories/sinbaExportRepository';
import { emergencyLimitExceeded } from '../rules/interventionDetails';
import { UNKNOWN_MUNICIPALITY } from '../rules/unborn';
import type { ServiceDeps } from './deps';

/** Rows per page: 1000 by default and at most (a page is one statement and one GraphQL response). */
export const EXPORT_MAX_PAGE_SIZE = 1000;

/** ISTAT country code of Italy. */
const ITALY = '100';

type Value = string | null;
type Converter = (row: ExportRow, ctx: { pseudonym: (kind: string, id: unknown) => string; today: string }) => Value;

const str = (v: unknown): Value => (v === null || v === undefined ? null : String(v));
const flag = (v: unknown): Value => (v === null || v === undefined ? null : v ? '1' : '0');
const col = (name: string): Converter => (r) => str(r[name]);
const bool = (name: string): Converter => (r) => flag(r[name]);

/**
 * The record layout of the regional SINBA flow (seed 000: "informazioni sul
 * nucleo familiare d'origine, sugli interventi erogati al minore o
 * all'interno del nucleo e sui nuclei affidatari o adottivi"; seed 004: the
 * minimum individual data set per intervention; seed 003 §3.1–§3.10 for the
 * fields), pseudonymous (docs/privacy.md §8, DM 206/2014 art. 5 c.4): the minor is
 * its pseudonym; records are linked by their own pseudonyms, never by their
 * ids. Column order is the CSV's (docs/sinba-export.md).
 */
export const EXPORT_LAYOUT: Record<ExportRecord, readonly (readonly [string, Converter])[]> = {
  MINOR: [
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['sex', col('sex')],
    // Less than the birth date or its month and year: the age in whole years on the extraction date.
    ['age_years', col('age_years')],
    ['unborn', bool('unborn')],
    // Italian or foreign only (not the country): the least the regional statistics need.
    ['citizenship', (r) => (r.citizenship === null ? null : r.citizenship === ITALY ? 'ITALIAN' : 'FOREIGN')],
    ['unaccompanied', bool('unaccompanied')],
    // The province (first 3 ISTAT digits) of residence, not the municipality; empty for 999999 (seed 003 §3.2.1).
    ['residence_province', (r) => (typeof r.residence_municipality === 'string' && r.residence_municipality !== UNKNOWN_MUNICIPALITY ? r.residence_municipality.slice(0, 3) : null)],
  ],
  REFERRAL: [
    ['referral_pseudonym', (r, c) => c.pseudonym('referral', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['service_id', col('service_id')],
    ['referral_date', col('referral_date')],
    ['source', col('source')],
    ['during_pregnancy', bool('during_pregnancy')],
  ],
  CASE: [
    ['case_pseudonym', (r, c) => c.pseudonym('case', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['service_id', col('service_id')],
    ['start_date', col('start_date')],
    ['end_date', col('end_date')],
    ['closure_reason', col('closure_reason')],
    ['co_management_reason', col('co_management_reason')],
  ],
  INTERVENTION: [
    ['intervention_pseudonym', (r, c) => c.pseudonym('intervention', r.id)],
    ['case_pseudonym', (r, c) => c.pseudonym('case', r.case_id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['group', (r) => findCode('INTERVENTION_TYPE', String(r.type))?.group ?? null],
    ['type', col('type')],
    ['start_date', col('start_date')],
    ['end_date', col('end_date')],
    ['structure_code', col('structure_code')],
    ['structure_entry_date', col('structure_entry_date')],
    ['foster_care_schedule', col('foster_care_schedule')],
    ['beneficiary_count', col('beneficiary_count')],
    ['adoption_disruption', col('adoption_disruption')],
    [
      'emergency_limit_exceeded',
      (r, c) => {
        const type = findCode('INTERVENTION_TYPE', String(r.type));
        return type ? flag(emergencyLimitExceeded(type, { startDate: String(r.start_date), endDate: str(r.end_date) }, r.unaccompanied === true, c.today)) : null;
      },
    ],
    // seed 003 §3.9.2 situazione fine intervento (issue 15), appended: earlier columns keep their place.
    ['end_situation', col('end_situation')],
  ],
  ASSESSMENT: [
    ['assessment_pseudonym', (r, c) => c.pseudonym('assessment', r.id)],
    // Empty for an applicants' assessment not linked to a minor yet (seed 003 §3.10).
    ['case_pseudonym', (r, c) => (r.case_id === null ? null : c.pseudonym('case', r.case_id))],
    ['minor_pseudonym', (r, c) => (r.minor_id === null ? null : c.pseudonym('minor', r.minor_id))],
    ['type', col('type')],
    ['start_date', col('start_date')],
    ['end_date', col('end_date')],
    ['outcome', col('outcome')],
    ['renewed', bool('renewed')],
    ['suitability_decree_date', col('suitability_decree_date')],
    // The recording service (issue 15), appended: earlier columns keep their place.
    ['service_id', col('service_id')],
  ],
  // seed 003 §3.3 (nucleo familiare e soggetti significativi): the relation, never the person.
  FAMILY_MEMBER: [
    ['family_member_pseudonym', (r, c) => c.pseudonym('family-member', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['relation', col('relation')],
    ['cohabiting', bool('cohabiting')],
    ['parental_responsibility', bool('parental_responsibility')],
    ['member_since', col('member_since')],
    ['member_until', col('member_until')],
  ],
  // seed 003 §3.5 (problematica utente).
  MINOR_PROBLEM: [
    ['problem_pseudonym', (r, c) => c.pseudonym('minor-problem', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['code', col('code')],
    ['start_date', col('start_date')],
    ['end_date', col('end_date')],
  ],
  // seed 003 §3.8 (problematica familiare).
  FAMILY_PROBLEM: [
    ['problem_pseudonym', (r, c) => c.pseudonym('family-problem', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['code', col('code')],
    ['start_date', col('start_date')],
    ['end_date', col('end_date')],
  ],
  // seed 003 §3.4, §3.7 (dati sanitari): one row per minor.
  HEALTH: [
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['npia_follow_up', bool('npia_follow_up')],
    ['npia_date', col('npia_date')],
    ['invalidity', bool('invalidity')],
    ['invalidity_date', col('invalidity_date')],
    ['invalidity_percentage', col('invalidity_percentage')],
    ['law104', bool('law104')],
    ['law104_severe', bool('law104_severe')],
    ['law104_date', col('law104_date')],
  ],
  // seed 003 §3.11 (violenze e maltrattamenti): codes joined by ';'.
  VIOLENCE: [
    ['violence_pseudonym', (r, c) => c.pseudonym('violence', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['knowledge_date', col('knowledge_date')],
    ['types', col('types')],
    ['detected_by', col('detected_by')],
  ],
  // Court orders (seed 003 §3.9.1, §3.9.2, §3.9.5): no order number (it names a proceeding).
  COURT_ORDER: [
    ['court_order_pseudonym', (r, c) => c.pseudonym('court-order', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['case_pseudonym', (r, c) => (r.case_id === null ? null : c.pseudonym('case', r.case_id))],
    ['authority', col('authority')],
    ['kind', col('kind')],
    ['order_date', col('order_date')],
    ['effects', col('effects')],
    ['effective_from', col('effective_from')],
    ['effective_to', col('effective_to')],
  ],
  // seed 003 §3.6 (coprogettazione): partners joined by ';'.
  CO_PLANNING: [
    ['co_planning_pseudonym', (r, c) => c.pseudonym('co-planning', r.id)],
    ['minor_pseudonym', (r, c) => c.pseudonym('minor', r.minor_id)],
    ['start_date', col('start_date')],
    ['end_date', col('end_date')],
    ['partners', col('partners')],
    ['outcome', col('outcome')],
  ],
};

/** File names of the flow (`/exports/sinba/<file>.csv`), one per record type. */
export const EXPORT_FILES: Record<ExportRecord, string> = {
  MINOR: 'minors',
  REFERRAL: 'referrals',
  CASE: 'cases',
  INTERVENTION: 'interventions',
  ASSESSMENT: 'assessments',
  FAMILY_MEMBER: 'family-members',
  MINOR_PROBLEM: 'minor-problems',
  FAMILY_PROBLEM: 'family-problems',
  HEALTH: 'health',
  VIOLENCE: 'violence',
  COURT_ORDER: 'court-orders',
  CO_PLANNING: 'co-planning',
};

export interface ExportPage {
  readonly columns: readonly string[];
  readonly rows: Value[][];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/**
 * sinbaExport: REGIONAL_ANALYST only (docs/privacy.md §4: the analyst reads
 * pseudonyms; §8: exports for statistics carry pseudonyms, never
 * identities); FORBIDDEN for everyone else, before any query.
 */
export function createSinbaExportService(deps: ServiceDeps) {
  const { dataSource, clock } = deps;
  const codecs = new Map<ExportRecord, ReturnType<typeof cursorCodec>>();
  const codecFor = (record: ExportRecord) => {
    let c = codecs.get(record);
    if (!c) codecs.set(record, (c = cursorCodec(`sinba-export:${record}:`, isUuid, (id) => id.toLowerCase())));
    return c;
  };
  // The minor's pseudonym is Minor.pseudonym (joins with ASMI's pseudonymous reports); other records are keyed by kind.
  const pseudonym = (kind: string, id: unknown) => pseudonymOf(kind === 'minor' ? String(id) : `${kind}:${String(id)}`, deps.pseudonymKey);

  return {
    async page(principal: Principal, record: ExportRecord, first: number | null | undefined, after: string | null | undefined): Promise<ExportPage> {
      requireRole(principal, ['REGIONAL_ANALYST']);
      const size = first ?? EXPORT_MAX_PAGE_SIZE;
      if (!Number.isInteger(size) || size < 1 || size > EXPORT_MAX_PAGE_SIZE) throw badInput('first', `first must be between 1 and ${EXPORT_MAX_PAGE_SIZE}`);
      const codec = codecFor(record);
      const afterId = codec.after(after);
      const today = clock();
      const rows = await findExportPage(dataSource.manager, record, { afterId, limit: size + 1, on: today });
      const layout = EXPORT_LAYOUT[record];
      const page = rows.slice(0, size);
      return {
        columns: layout.map(([name]) => name),
        rows: page.map((r) => layout.map(([, convert]) => convert(r, { pseudonym, today }))),
        pageInfo: { endCursor: page.length ? codec.encode(page[page.length - 1].id) : null, hasNextPage: rows.length > size },
      };
    },

    /**
     * sinbaExportManifest: which files the flow holds and how many rows each
     * (counted in one statement, one snapshot), with the extraction date;
     * REGIONAL_ANALYST only, as the pages. A file downloaded later may differ
     * by what was recorded in between.
     */
    async manifest(principal: Principal): Promise<{ extractionDate: string; files: { file: string; record: ExportRecord; rows: number; columns: string[] }[] }> {
      requireRole(principal, ['REGIONAL_ANALYST']);
      const counts = await countExportRows(dataSource.manager);
      return {
        extractionDate: clock(),
        files: EXPORT_RECORDS.map((record) => ({ file: `${EXPORT_FILES[record]}.csv`, record, rows: Number(counts[record]), columns: EXPORT_LAYOUT[record].map(([name]) => name) })),
      };
    },
  };
}

export type SinbaExportService = ReturnType<typeof createSinbaExportService>;
