import type { Principal } from '@shared/auth';
import type { SubgraphRequestInfo } from '@shared/graphql';
import { createLoaders, type SinbaLoaders } from './loaders';
import { caseVisibilityFor } from './repositories/visibility';
import { createServices, type ModuleDeps, type SinbaServices } from './services';

export interface SinbaContext {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: SinbaLoaders;
  /** Built per request over the principal and the loaders above. */
  readonly services: SinbaServices;
  /** Today in Europe/Rome for this request (from the injected clock). */
  readonly today: string;
  /** The purpose the gateway runs this request under (docs/privacy.md §11), if any. */
  readonly purpose?: string;
}

/** Builds the per-request context (loaders, then the services over them) once the gateway's internal token is verified. */
export function createContextFactory(deps: ModuleDeps) {
  return ({ principal, requestId, purpose }: SubgraphRequestInfo): SinbaContext => {
    const today = deps.clock();
    const loaders = createLoaders(deps.dataSource, caseVisibilityFor(principal, today));
    return { principal, requestId, loaders, services: createServices({ ...deps, principal, loaders, today }), today, ...(purpose ? { purpose } : {}) };
  };
}
