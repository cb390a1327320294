import type { DataSource } from 'typeorm';
import type { Clock } from '../../../../shared/time';
import { createPlacementService, type PlacementService } from './placementService';
import type { Upstream } from './upstream';

export interface AsmiServices {
  readonly placements: PlacementService;
}

export function createServices(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock }): AsmiServices {
  return { placements: createPlacementService(deps) };
}
