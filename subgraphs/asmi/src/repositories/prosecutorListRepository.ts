import type { EntityManager } from 'typeorm';
import { COLUMNS, type PlacementRow } from './placementRepository';

/**
 * A structure's placements the half-year's list holds (rules/prosecutorListRules.ts
 * onList, the same condition in SQL): admitted by the last day, not discharged
 * by the first day, or a same-day stay inside the half-year; by admission date.
 * One statement. The caller is the structure's own operator (checked in the service).
 */
export async function findPlacementsOnList(db: EntityManager, structureCode: string, start: string, end: string): Promise<PlacementRow[]> {
  return db.query(
    `SELECT ${COLUMNS} FROM asmi.placement p
      WHERE p.structure_code = $1 AND p.admission_date <= $3::date
        AND (p.discharge_date IS NULL OR p.discharge_date > $2::date OR (p.discharge_date = p.admission_date AND p.admission_date >= $2::date))
      ORDER BY p.admission_date, p.id`,
    [structureCode, start, end],
  );
}
