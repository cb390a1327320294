import type { Logger } from 'pino';
import { createReporting, type AsmiReporting } from '../reporting';
import { createAbsenceService, type AbsenceService } from './absenceService';
import { createActivityService, type ActivityService } from './activityService';
import { createCareObservationService, type CareObservationService } from './careObservationService';
import type { AsmiModuleDeps, RequestScope } from './deps';
import { createEventService, type EventService } from './eventService';
import type { NotificationPublisher } from './natsPublisher';
import { createNotificationService, type NotificationModule, type NotificationService } from './notificationService';
import { createPlacementRequestService, type PlacementRequestService } from './placementRequestService';
import { createPlacementService, type PlacementService } from './placementService';
import { createProsecutorListService, type ProsecutorListService } from './prosecutorListService';
import { createQualityService, type QualityModule, type QualityService } from './qualityService';
import { createPlacementCorrectionService, type PlacementCorrectionService } from './placementCorrectionService';

export type { AsmiModuleDeps, RequestScope } from './deps';

/**
 * ASMI's process-wide parts, built once (server.ts): the services'
 * dependencies, the stored data-quality flags' rewrite and the notification
 * dispatcher (the only state that outlives a request).
 */
export interface AsmiModule extends AsmiModuleDeps {
  readonly quality: QualityModule;
  readonly notifications: NotificationModule;
}

export function createAsmiModule(deps: AsmiModuleDeps & { notify?: { intervalMs: number; publisher: NotificationPublisher | null; logger?: Logger } }): AsmiModule {
  const { dataSource, upstream, clock, pseudonymKey, minCellSize } = deps;
  return {
    dataSource,
    upstream,
    clock,
    pseudonymKey,
    minCellSize,
    quality: createQualityService(deps),
    notifications: createNotificationService({ dataSource, upstream, clock, ...deps.notify }),
  };
}

/** The services of one request (`ctx.services`): the caller and the request's loaders are theirs, so a call passes only its own arguments. */
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
  /** Issue 8: aggregate reports, the ISTAT table, the quasi-identifier sync from SINBA. */
  readonly reporting: AsmiReporting;
  readonly corrections: PlacementCorrectionService;
}

/** Built by the context factory for every request: objects and closures only, no I/O. */
export function createServices(asmi: AsmiModule, scope: RequestScope): AsmiServices {
  const deps = { dataSource: asmi.dataSource, upstream: asmi.upstream, clock: asmi.clock, pseudonymKey: asmi.pseudonymKey, minCellSize: asmi.minCellSize, ...scope };
  const requests = createPlacementRequestService(deps);
  const placements = createPlacementService({ ...deps, requests });
  const absences = createAbsenceService(deps);
  const activities = createActivityService(deps);
  return {
    placements,
    absences,
    activities,
    events: createEventService({ ...deps, placements, absences, activities }),
    prosecutorLists: createProsecutorListService(deps),
    quality: asmi.quality.forRequest(scope),
    requests,
    notifications: asmi.notifications.forRequest(scope),
    careObservations: createCareObservationService(deps),
    reporting: createReporting(deps),
    corrections: createPlacementCorrectionService(deps),
  };
}
