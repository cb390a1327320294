import type { EntityManager } from 'typeorm';

/** What SINBA records about a minor on a date that can justify co-management (docs/privacy.md §3a). */
export interface CoManagementRecords {
  /** MINOR_PROBLEM codes open on the date. */
  readonly problems: readonly string[];
  /** COURT_ORDER_EFFECT codes of court orders issued by the date and in force on it. */
  readonly courtOrderEffects: readonly string[];
  /** INTERVENTION_TYPE codes of interventions in progress on the date (any service's case). */
  readonly interventionTypes: readonly string[];
}

/** One statement: the minor's open problems, court order effects in force and interventions in progress on `on`. */
export async function findCoManagementRecords(db: EntityManager, minorId: string, on: string): Promise<CoManagementRecords> {
  const rows: { source: string; code: string }[] = await db.query(
    `SELECT 'problem' AS source, code FROM sinba.minor_problem WHERE minor_id = $1 AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)
     UNION ALL
     SELECT 'court', unnest(effects) FROM sinba.court_order
      WHERE minor_id = $1 AND order_date <= $2::date AND (effective_from IS NULL OR effective_from <= $2::date) AND (effective_to IS NULL OR effective_to >= $2::date)
     UNION ALL
     SELECT 'intervention', type FROM sinba.intervention WHERE minor_id = $1 AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date)`,
    [minorId, on],
  );
  const of = (source: string) => rows.filter((r) => r.source === source).map((r) => r.code);
  return { problems: of('problem'), courtOrderEffects: of('court'), interventionTypes: of('intervention') };
}
