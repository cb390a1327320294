import type { DataSource } from 'typeorm';
import type { Clock } from '../../../../shared/time';
import { createAbsenceService, type AbsenceService } from './absenceService';
import { createActivityService, type ActivityService } from './activityService';
import { createEventService, type EventService } from './eventService';
import { createPlacementService, type PlacementService } from './placementService';
import type { Upstream } from './upstream';

export interface AsmiServices {
  readonly placements: PlacementService;
  readonly absences: AbsenceService;
  readonly activities: ActivityService;
  readonly events: EventService;
}

export function createServices(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock }): AsmiServices {
  const placements = createPlacementService(deps);
  const absences = createAbsenceService(deps);
  const activities = createActivityService(deps);
  return { placements, absences, activities, events: createEventService({ dataSource: deps.dataSource, placements, absences, activities }) };
}
