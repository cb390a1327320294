import type { EntityManager } from 'typeorm';

export interface CasePeriodRow {
  readonly minorId: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** The periods of every case (all services) of the given minors, unfiltered: module-to-module lookups only; one statement. */
export async function findCasePeriods(db: EntityManager, minorIds: readonly string[]): Promise<CasePeriodRow[]> {
  if (minorIds.length === 0) return [];
  return db.query(
    `SELECT minor_id AS "minorId", to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate"
       FROM sinba."case" WHERE minor_id = ANY($1::uuid[]) ORDER BY minor_id, start_date`,
    [[...minorIds]],
  );
}

/** The services holding a case open on `on` (started on or before, not closed or closed after) for each minor; one statement. */
export async function findCaseHolders(db: EntityManager, minorIds: readonly string[], on: string): Promise<{ minorId: string; serviceId: string }[]> {
  if (minorIds.length === 0) return [];
  return db.query(
    `SELECT DISTINCT minor_id AS "minorId", service_id AS "serviceId"
       FROM sinba."case" WHERE minor_id = ANY($1::uuid[]) AND start_date <= $2::date AND (end_date IS NULL OR end_date > $2::date)
      ORDER BY 1, 2`,
    [[...minorIds], on],
  );
}
