import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import type { SubgraphRequestInfo } from '@shared/graphql';
import { createLoaders, type AssoLoaders } from './loaders';
import { registryVisibilityFor } from './rules/registryAccess';
import type { AssoServices } from './services';

export interface AssoContext {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: AssoLoaders;
  readonly services: AssoServices;
}

/** Builds the per-request context once the gateway's internal token is verified. */
export function createContextFactory(deps: { dataSource: DataSource; services: AssoServices }) {
  return ({ principal, requestId }: SubgraphRequestInfo): AssoContext => ({
    principal,
    requestId,
    loaders: createLoaders(deps.dataSource, registryVisibilityFor(principal)),
    services: deps.services,
  });
}
