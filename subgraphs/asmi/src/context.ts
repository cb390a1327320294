import type { Principal } from '@shared/auth';
import type { SubgraphRequestInfo } from '@shared/graphql';
import { createLoaders, type AsmiLoaders } from './loaders';
import { placementVisibilityFor } from './repositories/visibility';
import { requestVisibilityFor } from './repositories/placementRequestRepository';
import { createServices, type AsmiModule, type AsmiServices } from './services';

export interface AsmiContext {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: AsmiLoaders;
  /** New per request too: bound to the principal and the loaders above. */
  readonly services: AsmiServices;
  /** The purpose the gateway runs this request under (docs/privacy.md §11), if any. */
  readonly purpose?: string;
}

export function createContextFactory(asmi: AsmiModule) {
  return ({ principal, requestId, purpose }: SubgraphRequestInfo): AsmiContext => {
    const today = asmi.clock();
    const loaders = createLoaders(asmi.dataSource, placementVisibilityFor(principal, today), today, asmi.upstream, requestVisibilityFor(principal));
    return {
      principal,
      requestId,
      ...(purpose ? { purpose } : {}),
      loaders,
      services: createServices(asmi, { principal, loaders }),
    };
  };
}
