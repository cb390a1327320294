import type { DataSource } from 'typeorm';
import type { ServiceClient } from '@shared/graphql';
import type { Clock } from '@shared/time';

/** What SINBA's services need, built once per process in server.ts. */
export interface ServiceDeps {
  readonly dataSource: DataSource;
  /** Today in Europe/Rome (injected so tests can fix it). */
  readonly clock: Clock;
  /** PSEUDONYM_KEY (docs/privacy.md §8). */
  readonly pseudonymKey: string;
  /** The ASSO registry, called as a SERVICE principal (seed 003 §3.9.6 structure codes). */
  readonly asso: ServiceClient;
  /** ASMI, for the HOSTING relationship of searchMinors (docs/privacy.md §3); absent = no structure operator search. */
  readonly asmi?: ServiceClient;
}
