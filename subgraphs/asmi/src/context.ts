import type { DataSource } from 'typeorm';
import type { Clock } from '@shared/time';
import type { Principal } from '@shared/auth';
import type { SubgraphRequestInfo } from '@shared/graphql';
import { createLoaders, type AsmiLoaders } from './loaders';
import { placementVisibilityFor } from './repositories/visibility';
import { requestVisibilityFor } from './repositories/placementRequestRepository';
import type { AsmiServices } from './services';
import type { Upstream } from './services/upstream';

export interface AsmiContext {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: AsmiLoaders;
  readonly services: AsmiServices;
  /** The purpose the gateway runs this request under (docs/privacy.md §11), if any. */
  readonly purpose?: string;
}

export function createContextFactory(deps: { dataSource: DataSource; services: AsmiServices; clock: Clock; upstream: Upstream }) {
  return ({ principal, requestId, purpose }: SubgraphRequestInfo): AsmiContext => ({
    principal,
    requestId,
    ...(purpose ? { purpose } : {}),
    loaders: createLoaders(deps.dataSource, placementVisibilityFor(principal, deps.clock()), deps.clock(), deps.upstream, requestVisibilityFor(principal)),
    services: deps.services,
  });
}
