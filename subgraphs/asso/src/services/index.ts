import { createActDocumentService } from './actDocumentService';
import { createActService } from './actService';
import { createAsmiQualityNotifier } from './asmiQuality';
import type { RequestDeps } from './deps';
import { createInspectionService } from './inspectionService';
import { createStructureHistoryService } from './structureHistoryService';
import { createStructureService } from './structureService';

export type { RequestDeps, ServiceDeps } from './deps';

/**
 * ASSO's services, built per request by the context factory with the caller,
 * the request's loaders and the process's data source and clock, so a
 * resolver names only what it asks (`ctx.services.structures.byCode(code)`).
 */
export function createServices(deps: RequestDeps) {
  return {
    structures: createStructureService(deps),
    acts: createActService(deps),
    actDocuments: createActDocumentService(deps),
    inspections: createInspectionService(deps),
    history: createStructureHistoryService(deps),
    asmiQuality: createAsmiQualityNotifier({ asmi: deps.asmi, logger: deps.logger }),
  };
}

export type AssoServices = ReturnType<typeof createServices>;
