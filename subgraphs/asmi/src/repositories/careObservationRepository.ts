import type { EntityManager } from 'typeorm';

export interface CareObservationRow {
  id: string;
  placementId: string;
  date: string;
  familyRelations: string;
  parentsResidenceMunicipality: string | null;
  psychophysicalCondition: string | null;
  /** The placement's minor and structure: the anchors of the gateway's decision. */
  minorId: string;
  structureCode: string;
}

const COLUMNS = `o.id, o.placement_id AS "placementId", to_char(o.date, 'YYYY-MM-DD') AS date, o.family_relations AS "familyRelations",
  o.parents_residence_municipality AS "parentsResidenceMunicipality", o.psychophysical_condition AS "psychophysicalCondition",
  p.minor_id AS "minorId", p.structure_code AS "structureCode"`;

export async function insertCareObservation(db: EntityManager, o: Omit<CareObservationRow, 'id' | 'minorId' | 'structureCode'> & { actor: string }): Promise<CareObservationRow> {
  const inserted: { id: string }[] = await db.query(
    `INSERT INTO asmi.care_observation (placement_id, date, family_relations, parents_residence_municipality, psychophysical_condition, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [o.placementId, o.date, o.familyRelations, o.parentsResidenceMunicipality, o.psychophysicalCondition, o.actor],
  );
  const rows: CareObservationRow[] = await db.query(`SELECT ${COLUMNS} FROM asmi.care_observation o JOIN asmi.placement p ON p.id = o.placement_id WHERE o.id = $1`, [inserted[0].id]);
  return rows[0];
}

/**
 * The observations of placements (one statement). Callers reach a placement
 * only through the request's placement visibility (repositories/visibility.ts)
 * or the structure's own prosecutor list, so no second filter here.
 */
export async function findCareObservationsByPlacementIds(db: EntityManager, ids: readonly string[]): Promise<CareObservationRow[]> {
  if (ids.length === 0) return [];
  return db.query(`SELECT ${COLUMNS} FROM asmi.care_observation o JOIN asmi.placement p ON p.id = o.placement_id WHERE o.placement_id = ANY($1::uuid[]) ORDER BY o.date, o.created_at, o.id`, [[...ids]]);
}
