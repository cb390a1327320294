import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { ServiceClient } from '@shared/graphql';
import type { Clock } from '@shared/time';

/** What ASSO's services need, built once per process in server.ts. */
export interface ServiceDeps {
  readonly dataSource: DataSource;
  /** Today in Europe/Rome (injected so tests can fix it). */
  readonly clock: Clock;
  /** ASMI, told when places or acts change (services/asmiQuality.ts); absent in ASSO-only tests. */
  readonly asmi?: ServiceClient;
  readonly logger?: Logger;
}
