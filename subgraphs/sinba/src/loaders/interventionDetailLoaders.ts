import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { byKey as byKeyIn, groupByKey as groupByKeyIn } from '@shared/db';
import { isUuid } from '@shared/ids';
import type { AssessmentEntity } from '../entities/Assessment';
import type { InterventionEntity } from '../entities/Intervention';
import { findAssessmentsByIds, findAssessmentsByMinorIds, findSharedInterventionsBySiblingIds, findSiblingsByInterventionIds, findUnaccompaniedByMinorIds } from '../repositories/interventionDetailsRepository';
import type { CaseVisibility } from '../repositories/visibility';

const lower = (k: string) => k.toLowerCase();
const uuids = (keys: readonly string[]) => [...new Set(keys.filter(isUuid).map(lower))];

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
      groupByKeyIn(keys, await findSiblingsByInterventionIds(db, uuids(keys), visibility), (r) => r.interventionId, lower).map((rows) => rows.map((r) => r.minorId)),
    ),
    sharedInterventionsByMinorId: new DataLoader(async (keys) =>
      groupByKeyIn(keys, await findSharedInterventionsBySiblingIds(db, uuids(keys), visibility), (r) => r.siblingId, lower).map((rows) => rows.map((r) => r.intervention)),
    ),
    assessmentById: new DataLoader(async (keys) => byKeyIn(keys, await findAssessmentsByIds(db, uuids(keys), visibility), (a) => a.id, lower)),
    assessmentsByMinorId: new DataLoader(async (keys) => groupByKeyIn(keys, await findAssessmentsByMinorIds(db, uuids(keys), visibility), (a) => a.minorId ?? '', lower)),
    unaccompaniedByMinorId: new DataLoader(async (keys) => byKeyIn(keys, await findUnaccompaniedByMinorIds(db, uuids(keys)), (m) => m.id, lower).map((m) => m?.unaccompanied ?? false)),
  };
}
