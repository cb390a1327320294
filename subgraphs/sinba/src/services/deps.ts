import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Principal } from '@shared/auth';
import type { ServiceClient } from '@shared/graphql';
import type { Clock } from '@shared/time';
import type { SinbaLoaders } from '../loaders';

/** What SINBA's services need from the process, built once in server.ts. */
export interface ModuleDeps {
  readonly dataSource: DataSource;
  /** Today in Europe/Rome (injected so tests can fix it). */
  readonly clock: Clock;
  /** PSEUDONYM_KEY (docs/privacy.md §8). */
  readonly pseudonymKey: string;
  /** The ASSO registry, called as a SERVICE principal (seed 003 §3.9.6 structure codes). */
  readonly asso: ServiceClient;
  /** ASMI, for the HOSTING relationship of searchMinors (docs/privacy.md §3); absent = no structure operator search. */
  readonly asmi?: ServiceClient;
  /** docs/privacy.md §10: the smallest count a report publishes. */
  readonly minCellSize: number;
  /** The reporting service's logger (quasi-identifier sync to ASMI). */
  readonly reportingLogger: Logger;
}

/** What the services of one request are built with: the module's dependencies, the caller and the request's loaders. */
export interface ServiceDeps extends ModuleDeps {
  /** Who asks (verified from the gateway's internal token). */
  readonly principal: Principal;
  /** The request's loaders: their cache never outlives the response, nor crosses principals. */
  readonly loaders: SinbaLoaders;
  /** The request's today (the context's `today`, read once from the clock). */
  readonly today: string;
}
