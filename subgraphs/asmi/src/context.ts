import type { DataSource } from 'typeorm';
import type { Principal } from '../../../shared/auth/principal';
import type { SubgraphRequestInfo } from '../../../shared/graphql/subgraphServer';
import { createLoaders, type AsmiLoaders } from './loaders';
import { placementVisibilityFor } from './repositories/visibility';
import type { AsmiServices } from './services';

export interface AsmiContext {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: AsmiLoaders;
  readonly services: AsmiServices;
}

export function createContextFactory(deps: { dataSource: DataSource; services: AsmiServices }) {
  return ({ principal, requestId }: SubgraphRequestInfo): AsmiContext => ({
    principal,
    requestId,
    loaders: createLoaders(deps.dataSource, placementVisibilityFor(principal)),
    services: deps.services,
  });
}
