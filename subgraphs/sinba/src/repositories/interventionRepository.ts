import type { EntityManager } from 'typeorm';
import { InterventionEntity } from '../entities/Intervention';
import { findVisibleRows, type CaseVisibility } from './visibility';

export interface NewIntervention {
  readonly caseId: string;
  readonly minorId: string;
  readonly type: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly structureCode: string | null;
  /** seed 003 §3.9.1, §3.9.6, §3.9.2 (interventionDetails migration). */
  readonly fosterCareSchedule?: string | null;
  readonly structureEntryDate?: string | null;
  readonly adoptionDisruption?: string | null;
  /** seed 003 §3.9.2 situazione fine intervento (INTERVENTION_END_SITUATION). */
  readonly endSituation?: string | null;
  readonly createdBy: string;
}

type Column = 'id' | 'case_id' | 'minor_id';

/** Interventions whose `column` is in `keys`, restricted to minors the caller may see; one statement. */
const findVisible = (db: EntityManager, column: Column, keys: readonly string[], visibility: CaseVisibility) => findVisibleRows(db, InterventionEntity, column, keys, visibility, 'start_date');

export const findInterventionsByIds = (db: EntityManager, ids: readonly string[], v: CaseVisibility) => findVisible(db, 'id', ids, v);
export const findInterventionsByCaseIds = (db: EntityManager, caseIds: readonly string[], v: CaseVisibility) => findVisible(db, 'case_id', caseIds, v);
export const findInterventionsByMinorIds = (db: EntityManager, minorIds: readonly string[], v: CaseVisibility) => findVisible(db, 'minor_id', minorIds, v);

export async function insertIntervention(db: EntityManager, i: NewIntervention): Promise<InterventionEntity> {
  const repo = db.getRepository(InterventionEntity);
  const entity = repo.create(i);
  await repo.insert(entity);
  return entity;
}
