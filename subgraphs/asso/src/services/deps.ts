import type { DataSource } from 'typeorm';
import type { Clock } from '../../../../shared/time';

/** What ASSO's services need, built once per process in server.ts. */
export interface ServiceDeps {
  readonly dataSource: DataSource;
  /** Today in Europe/Rome (injected so tests can fix it). */
  readonly clock: Clock;
}
