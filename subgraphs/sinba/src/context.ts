import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import type { SubgraphRequestInfo } from '@shared/graphql';
import type { Clock } from '@shared/time';
import { createLoaders, type SinbaLoaders } from './loaders';
import { caseVisibilityFor } from './repositories/visibility';
import type { SinbaServices } from './services';

export interface SinbaContext {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: SinbaLoaders;
  readonly services: SinbaServices;
  /** Today in Europe/Rome for this request (from the injected clock). */
  readonly today: string;
  /** The purpose the gateway runs this request under (docs/privacy.md §11), if any. */
  readonly purpose?: string;
}

/** Builds the per-request context once the gateway's internal token is verified. */
export function createContextFactory(deps: { dataSource: DataSource; services: SinbaServices; clock: Clock }) {
  return ({ principal, requestId, purpose }: SubgraphRequestInfo): SinbaContext => {
    const today = deps.clock();
    return { principal, requestId, loaders: createLoaders(deps.dataSource, caseVisibilityFor(principal, today)), services: deps.services, today, ...(purpose ? { purpose } : {}) };
  };
}
