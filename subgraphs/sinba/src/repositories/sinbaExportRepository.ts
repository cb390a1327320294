import type { EntityManager } from 'typeorm';

/**
 * Keyset pages of the regional flow export (docs/sinba-export.md): each
 * record type in id order after `afterId`, at most `limit` rows, one
 * statement per page, so an export of any size never holds more than one
 * page in memory. Only the columns the layout needs are read: no name,
 * fiscal code, birth municipality or full birth date leaves this file.
 */
export type ExportRecord =
  | 'MINOR'
  | 'REFERRAL'
  | 'CASE'
  | 'INTERVENTION'
  | 'ASSESSMENT'
  | 'FAMILY_MEMBER'
  | 'MINOR_PROBLEM'
  | 'FAMILY_PROBLEM'
  | 'HEALTH'
  | 'VIOLENCE'
  | 'COURT_ORDER'
  | 'CO_PLANNING';

export const EXPORT_RECORDS: readonly ExportRecord[] = [
  'MINOR',
  'REFERRAL',
  'CASE',
  'INTERVENTION',
  'ASSESSMENT',
  'FAMILY_MEMBER',
  'MINOR_PROBLEM',
  'FAMILY_PROBLEM',
  'HEALTH',
  'VIOLENCE',
  'COURT_ORDER',
  'CO_PLANNING',
];

export type ExportRow = Record<string, string | number | boolean | null> & { id: string };

const D = (col: string, as: string) => `to_char(${col}, 'YYYY-MM-DD') AS ${as}`;

const SQL: Record<ExportRecord, string> = {
  // Age in whole years on :on (the extraction date), never the birth date itself.
  MINOR: `SELECT m.id, m.id AS minor_id, m.sex, m.unborn, m.unaccompanied, m.citizenship, m.residence_municipality,
                 CASE WHEN m.birth_date IS NULL THEN NULL ELSE date_part('year', age($3::date, m.birth_date))::int END AS age_years
            FROM sinba.minor m`,
  REFERRAL: `SELECT r.id, r.minor_id, r.service_id, ${D('r.referral_date', 'referral_date')}, r.source, r.during_pregnancy FROM sinba.referral r`,
  CASE: `SELECT c.id, c.minor_id, c.service_id, ${D('c.start_date', 'start_date')}, ${D('c.end_date', 'end_date')}, c.closure_reason, c.co_management_reason FROM sinba."case" c`,
  INTERVENTION: `SELECT i.id, i.minor_id, i.case_id, i.type, ${D('i.start_date', 'start_date')}, ${D('i.end_date', 'end_date')}, i.structure_code,
                        ${D('i.structure_entry_date', 'structure_entry_date')}, i.foster_care_schedule, i.adoption_disruption, i.end_situation, m.unaccompanied,
                        1 + (SELECT count(*) FROM sinba.intervention_beneficiary b WHERE b.intervention_id = i.id)::int AS beneficiary_count
                   FROM sinba.intervention i JOIN sinba.minor m ON m.id = i.minor_id`,
  ASSESSMENT: `SELECT a.id, a.minor_id, a.case_id, a.service_id, a.type, ${D('a.start_date', 'start_date')}, ${D('a.end_date', 'end_date')}, a.outcome, a.renewed,
                      ${D('a.suitability_decree_date', 'suitability_decree_date')} FROM sinba.assessment a`,
  // seed 003 §3.3: the relation and the membership, never the person's name.
  FAMILY_MEMBER: `SELECT f.id, f.minor_id, f.relation, f.cohabiting, f.parental_responsibility, ${D('f.member_since', 'member_since')}, ${D('f.member_until', 'member_until')}
                    FROM sinba.family_member f`,
  MINOR_PROBLEM: `SELECT p.id, p.minor_id, p.code, ${D('p.start_date', 'start_date')}, ${D('p.end_date', 'end_date')} FROM sinba.minor_problem p`,
  FAMILY_PROBLEM: `SELECT p.id, p.minor_id, p.code, ${D('p.start_date', 'start_date')}, ${D('p.end_date', 'end_date')} FROM sinba.family_problem p`,
  // seed 003 §3.4, §3.7: one row per minor (keyed by the minor).
  HEALTH: `SELECT h.minor_id AS id, h.minor_id, h.npia_follow_up, ${D('h.npia_date', 'npia_date')}, h.invalidity, ${D('h.invalidity_date', 'invalidity_date')},
                  h.invalidity_percentage, h.law104, h.law104_severe, ${D('h.law104_date', 'law104_date')} FROM sinba.health_data h`,
  // seed 003 §3.11: coded types and detector only.
  VIOLENCE: `SELECT v.id, v.minor_id, ${D('v.knowledge_date', 'knowledge_date')}, array_to_string(v.types, ';') AS types, v.detected_by FROM sinba.violence_record v`,
  // Court orders: authority, form, effects and dates; never the order number (it names a proceeding).
  COURT_ORDER: `SELECT o.id, o.minor_id, o.case_id, o.authority, o.kind, ${D('o.order_date', 'order_date')}, array_to_string(o.effects, ';') AS effects,
                       ${D('o.effective_from', 'effective_from')}, ${D('o.effective_to', 'effective_to')} FROM sinba.court_order o`,
  // seed 003 §3.6.
  CO_PLANNING: `SELECT g.id, g.minor_id, ${D('g.start_date', 'start_date')}, ${D('g.end_date', 'end_date')}, array_to_string(g.partners, ';') AS partners, g.outcome
                  FROM sinba.co_planning g`,
};

/** The key column of each record type (its id; health data is one row per minor). */
const KEY: Record<ExportRecord, string> = {
  MINOR: 'm.id',
  REFERRAL: 'r.id',
  CASE: 'c.id',
  INTERVENTION: 'i.id',
  ASSESSMENT: 'a.id',
  FAMILY_MEMBER: 'f.id',
  MINOR_PROBLEM: 'p.id',
  FAMILY_PROBLEM: 'p.id',
  HEALTH: 'h.minor_id',
  VIOLENCE: 'v.id',
  COURT_ORDER: 'o.id',
  CO_PLANNING: 'g.id',
};

/** The table each record type reads, for the manifest's row counts. */
const TABLE: Record<ExportRecord, string> = {
  MINOR: 'sinba.minor',
  REFERRAL: 'sinba.referral',
  CASE: 'sinba."case"',
  INTERVENTION: 'sinba.intervention',
  ASSESSMENT: 'sinba.assessment',
  FAMILY_MEMBER: 'sinba.family_member',
  MINOR_PROBLEM: 'sinba.minor_problem',
  FAMILY_PROBLEM: 'sinba.family_problem',
  HEALTH: 'sinba.health_data',
  VIOLENCE: 'sinba.violence_record',
  COURT_ORDER: 'sinba.court_order',
  CO_PLANNING: 'sinba.co_planning',
};

/** Rows of every record type, one statement in one snapshot (the manifest of the flow). */
export async function countExportRows(db: EntityManager): Promise<Record<ExportRecord, number>> {
  const [row] = (await db.query(`SELECT ${EXPORT_RECORDS.map((r) => `(SELECT count(*) FROM ${TABLE[r]})::int AS "${r}"`).join(', ')}`)) as Record<ExportRecord, number>[];
  return row;
}

export async function findExportPage(db: EntityManager, record: ExportRecord, params: { afterId: string | null; limit: number; on: string }): Promise<ExportRow[]> {
  const key = KEY[record];
  // $1 cursor (NULL = first page), $2 limit, $3 the extraction date (ages).
  const sql = `${SQL[record]} WHERE ($1::uuid IS NULL OR ${key} > $1::uuid) ORDER BY ${key} LIMIT $2`;
  const args: unknown[] = [params.afterId, params.limit];
  if (record === 'MINOR') args.push(params.on);
  return (await db.query(sql, args)) as ExportRow[];
}
