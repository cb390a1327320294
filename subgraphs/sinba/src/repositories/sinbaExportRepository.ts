import type { EntityManager } from 'typeorm';

/**
 * Keyset pages of the regional flow export (docs/sinba-export.md): each
 * record type in id order after `afterId`, at most `limit` rows, one
 * statement per page, so an export of any size never holds more than one
 * page in memory. Only the columns the layout needs are read: no name,
 * fiscal code, birth municipality or full birth date leaves this file.
 */
export type ExportRecord = 'MINOR' | 'REFERRAL' | 'CASE' | 'INTERVENTION' | 'ASSESSMENT';

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
                        ${D('i.structure_entry_date', 'structure_entry_date')}, i.foster_care_schedule, i.adoption_disruption, m.unaccompanied,
                        1 + (SELECT count(*) FROM sinba.intervention_beneficiary b WHERE b.intervention_id = i.id)::int AS beneficiary_count
                   FROM sinba.intervention i JOIN sinba.minor m ON m.id = i.minor_id`,
  ASSESSMENT: `SELECT a.id, a.minor_id, a.case_id, a.type, ${D('a.start_date', 'start_date')}, ${D('a.end_date', 'end_date')}, a.outcome, a.renewed,
                      ${D('a.suitability_decree_date', 'suitability_decree_date')} FROM sinba.assessment a`,
};

const ALIAS: Record<ExportRecord, string> = { MINOR: 'm', REFERRAL: 'r', CASE: 'c', INTERVENTION: 'i', ASSESSMENT: 'a' };

export async function findExportPage(db: EntityManager, record: ExportRecord, params: { afterId: string | null; limit: number; on: string }): Promise<ExportRow[]> {
  const a = ALIAS[record];
  // $1 cursor (NULL = first page), $2 limit, $3 the extraction date (ages).
  const sql = `${SQL[record]} WHERE ($1::uuid IS NULL OR ${a}.id > $1::uuid) ORDER BY ${a}.id LIMIT $2`;
  const args: unknown[] = [params.afterId, params.limit];
  if (record === 'MINOR') args.push(params.on);
  return (await db.query(sql, args)) as ExportRow[];
}
