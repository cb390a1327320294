import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import type { Clock } from '@shared/time';
import type { AsmiLoaders } from '../loaders';
import type { Upstream } from './upstream';

/** What ASMI's services share for the life of the module (built once by server.ts). */
export interface AsmiModuleDeps {
  readonly dataSource: DataSource;
  readonly upstream: Upstream;
  readonly clock: Clock;
  readonly pseudonymKey: string;
  /** docs/privacy.md §10: the smallest count a report publishes. */
  readonly minCellSize: number;
}

/** One request's: who asks, and the request's loaders (context.ts builds both, then the services). */
export interface RequestScope {
  readonly principal: Principal;
  readonly loaders: AsmiLoaders;
}
