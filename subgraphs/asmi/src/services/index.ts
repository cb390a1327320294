import type { DataSource } from 'typeorm';
import type { Clock } from '@shared/time';
import { createAbsenceService, type AbsenceService } from './absenceService';
import { createActivityService, type ActivityService } from './activityService';
import { createCareObservationService, type CareObservationService } from './careObservationService';
import { createEventService, type EventService } from './eventService';
import { createPlacementService, type PlacementService } from './placementService';
import { createProsecutorListService, type ProsecutorListService } from './prosecutorListService';
import { createQualityService, type QualityService } from './qualityService';
import type { Upstream } from './upstream';
import { createPlacementRequestService, type PlacementRequestService } from './placementRequestService';
import { createNotificationService, type NotificationService } from './notificationService';
import type { NotificationPublisher } from './natsPublisher';
import type { Logger } from 'pino';

export interface AsmiServices {
  readonly placements: PlacementService;
  readonly absences: AbsenceService;
  readonly activities: ActivityService;
  readonly events: EventService;
  readonly prosecutorLists: ProsecutorListService;
  readonly quality: QualityService;
  readonly requests: PlacementRequestService;
  readonly notifications: NotificationService;
  readonly careObservations: CareObservationService;
}

export function createServices(deps: {
  dataSource: DataSource;
  upstream: Upstream;
  clock: Clock;
  pseudonymKey: string;
  notify?: { intervalMs: number; publisher: NotificationPublisher | null; logger?: Logger };
}): AsmiServices {
  const requests = createPlacementRequestService(deps);
  const placements = createPlacementService({ ...deps, requests });
  const absences = createAbsenceService(deps);
  const activities = createActivityService(deps);
  return {
    placements,
    absences,
    activities,
    events: createEventService({ dataSource: deps.dataSource, placements, absences, activities }),
    prosecutorLists: createProsecutorListService(deps),
    quality: createQualityService(deps),
    requests,
    notifications: createNotificationService({ dataSource: deps.dataSource, upstream: deps.upstream, clock: deps.clock, ...deps.notify }),
    careObservations: createCareObservationService(deps),
  };
}
