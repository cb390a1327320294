import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKey, groupByKey, uuids } from './keys';
import type { AssessmentEntity } from '../entities/Assessment';
import type { InterventionEntity } from '../entities/Intervention';
import { findAssessmentsByIds, findAssessmentsByMinorIds, findSharedInterventionsBySiblingIds, findSiblingsByInterventionIds, findUnaccompaniedByMinorIds } from '../repositories/interventionDetailsRepository';
import type { CaseVisibility } from '../repositories/visibility';


/** Loaders of the intervention details (seed 003 §3.9.10), assessments (§3.10) and the emergency flag (§3.9.6); one statement per batch. */
export interface InterventionDetailLoaders {
  /** Sibling minor ids of an intervention on several siblings, for interventions the caller may see. */
  readonly siblingIdsByInterventionId: DataLoader<string, string[]>;
  /** Interventions recorded on a sibling's case that the minor benefits from (seed 003 §3.9.10). */
  readonly sharedInterventionsByMinorId: DataLoader<string, InterventionEntity[]>;
  readonly assessmentById: DataLoader<string, AssessmentEntity | null>;
  readonly assessmentsByMinorId: DataLoader<string, AssessmentEntity[]>;
  /** MSNA flag of a minor (false when missing): decides the 2 or 6 months of an emergency placement. */
  readonly unaccompaniedByMinorId: DataLoader<string, boolean>;
}

export function createInterventionDetailLoaders(dataSource: DataSource, visibility: CaseVisibility): InterventionDetailLoaders {
  const db = dataSource.manager;
  return {
    siblingIdsByInterventionId: new DataLoader(async (keys) =>
      groupByKey(keys, await findSiblingsByInterventionIds(db, uuids(keys), visibility), (r) => r.interventionId).map((rows) => rows.map((r) => r.minorId)),
    ),
    sharedInterventionsByMinorId: new DataLoader(async (keys) =>
      groupByKey(keys, await findSharedInterventionsBySiblingIds(db, uuids(keys), visibility), (r) => r.siblingId).map((rows) => rows.map((r) => r.intervention)),
    ),
    assessmentById: new DataLoader(async (keys) => byKey(keys, await findAssessmentsByIds(db, uuids(keys), visibility), (a) => a.id)),
    assessmentsByMinorId: new DataLoader(async (keys) => groupByKey(keys, await findAssessmentsByMinorIds(db, uuids(keys), visibility), (a) => a.minorId ?? '')),
    unaccompaniedByMinorId: new DataLoader(async (keys) => byKey(keys, await findUnaccompaniedByMinorIds(db, uuids(keys)), (m) => m.id).map((m) => m?.unaccompanied ?? false)),
  };
}
