import type { Principal } from '@shared/auth';
import type { SubgraphRequestInfo } from '@shared/graphql';
import { createLoaders, type AssoLoaders } from './loaders';
import { registryVisibilityFor } from './rules/registryAccess';
import { createServices, type AssoServices, type ServiceDeps } from './services';

export interface AssoContext {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: AssoLoaders;
  /** Built per request with the principal and the loaders above. */
  readonly services: AssoServices;
}

/** Builds the per-request context (loaders, then the services over them) once the gateway's internal token is verified. */
export function createContextFactory(deps: ServiceDeps) {
  return ({ principal, requestId }: SubgraphRequestInfo): AssoContext => {
    const loaders = createLoaders(deps.dataSource, registryVisibilityFor(principal));
    return { principal, requestId, loaders, services: createServices({ ...deps, principal, loaders }) };
  };
}
