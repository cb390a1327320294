import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import type { Clock } from '@shared/time';
import { ACTIVITIES } from '../repositories/structureRecordRepository';
import type { RecordActivityInput } from '../generated/graphql';
import { createStructureRecordService, type StructureRecordKind } from './structureRecordService';

/**
 * An activity inside the structure (seed 001, dati di attività; ACTIVITY_TYPE):
 * on its date (endDate null) or over [date, endDate]; activities may overlap.
 */
const ACTIVITY: StructureRecordKind<RecordActivityInput, 'type', 'date'> = {
  table: ACTIVITIES,
  read: (i) => ({ placementId: i.placementId, code: i.type, start: i.date, endDate: i.endDate, notes: i.notes }),
  codeList: 'ACTIVITY_TYPE',
  unknownCode: 'Unknown activity type',
  openEnd: 'ONE_DAY',
};

export function createActivityService(deps: { dataSource: DataSource; clock: Clock; principal: Principal }) {
  return createStructureRecordService(ACTIVITY, deps);
}

export type ActivityService = ReturnType<typeof createActivityService>;
