import { createActDocumentService } from './actDocumentService';
import { createActService } from './actService';
import { createAsmiQualityNotifier } from './asmiQuality';
import type { ServiceDeps } from './deps';
import { createInspectionService } from './inspectionService';
import { createStructureHistoryService } from './structureHistoryService';
import { createStructureService } from './structureService';

export type { ServiceDeps } from './deps';

/** ASSO's services: stateless, built once per process, given the request's principal per call. */
export function createServices(deps: ServiceDeps) {
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
