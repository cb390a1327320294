import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { ServiceClient } from '@shared/graphql';
import type { Clock } from '@shared/time';
import type { Principal } from '@shared/auth';
import type { AssoLoaders } from '../loaders';

/** What ASSO's services need from the process, given once in server.ts. */
export interface ServiceDeps {
  readonly dataSource: DataSource;
  /** Today in Europe/Rome (injected so tests can fix it). */
  readonly clock: Clock;
  /** ASMI, told when places or acts change (services/asmiQuality.ts); absent in ASSO-only tests. */
  readonly asmi?: ServiceClient;
  readonly logger?: Logger;
}

/** What a request's services are built with (context.ts): the process's deps plus the caller and the request's loaders. */
export interface RequestDeps extends ServiceDeps {
  readonly principal: Principal;
  /** New per request: the cache never outlives one response, nor crosses principals. */
  readonly loaders: AssoLoaders;
}
