import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '../../../shared/config/config';
import { createModuleDataSource } from '../../../shared/db/dataSource';
import { StatementCounter } from '../../../shared/db/statementCounter';
import { loadSubgraphTypeDefs } from '../../../shared/graphql/loadSchema';
import { startSubgraphServer, type ModuleHandle } from '../../../shared/graphql/subgraphServer';
import { systemClock, type Clock } from '../../../shared/time';
import { createContextFactory } from './context';
import { asmiEntities } from './entities';
import { asmiResolvers } from './resolvers';
import { createServices } from './services';
import { createUpstream } from './services/upstream';
import { createServiceClient } from '../../../shared/graphql/serviceClient';

export const ASMI_SCHEMA_DIR = path.join(__dirname, '..', 'schema');

export interface AsmiOptions {
  /** "Today" (Europe/Rome by default); tests fix it. */
  readonly clock?: Clock;
}

/**
 * Start the ASMI subgraph (activity in structures: placements): its DataSource
 * (the sirmi_asmi role, schema asmi), the services and the subgraph server
 * behind the internal-token check.
 */
export async function startAsmi(config: HubConfig, logger: Logger, options: AsmiOptions = {}): Promise<ModuleHandle> {
  const url = config.database.moduleUrls.asmi;
  if (!url) throw new Error('ASMI needs a database: set DATABASE_URL or ASMI_DATABASE_URL');
  const clock = options.clock ?? systemClock;
  const counter = new StatementCounter();
  const dataSource = createModuleDataSource({ url, schema: 'asmi', entities: asmiEntities, counter, poolSize: config.database.poolSize });
  await dataSource.initialize();

  try {
    const client = (target: 'asso' | 'sinba') =>
      createServiceClient({ caller: 'asmi', target, url: () => config.subgraphUrls[target], internalSecret: config.internalSecret });
    const services = createServices({ dataSource, clock, upstream: createUpstream({ asso: client('asso'), sinba: client('sinba') }) });
    const server = await startSubgraphServer(
      {
        name: 'asmi',
        typeDefs: loadSubgraphTypeDefs(ASMI_SCHEMA_DIR),
        resolvers: asmiResolvers,
        internalSecret: config.internalSecret,
        logger,
        introspection: config.introspection,
        createContext: createContextFactory({ dataSource, services }),
        health: async () => {
          try {
            await dataSource.query('SELECT 1');
            return { database: 'up' };
          } catch {
            return { database: 'down' };
          }
        },
      },
      { host: config.host, port: config.ports.asmi },
    );
    return {
      url: server.url,
      port: server.port,
      counter,
      dataSource,
      stop: async () => {
        await server.stop();
        await dataSource.destroy();
      },
    };
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
