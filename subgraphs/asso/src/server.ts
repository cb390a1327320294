import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '../../../shared/config/config';
import { createModuleDataSource } from '../../../shared/db/dataSource';
import { StatementCounter } from '../../../shared/db/statementCounter';
import { loadSubgraphTypeDefs } from '../../../shared/graphql/loadSchema';
import { startSubgraphServer, type ModuleHandle } from '../../../shared/graphql/subgraphServer';
import { systemClock, type Clock } from '../../../shared/time';
import { createContextFactory } from './context';
import { assoEntities } from './entities';
import { assoResolvers } from './resolvers';
import { createServices } from './services';

export const ASSO_SCHEMA_DIR = path.join(__dirname, '..', 'schema');

export interface AssoOptions {
  /** "Today" (Europe/Rome by default); tests fix it. */
  readonly clock?: Clock;
}

/**
 * Start the ASSO subgraph (regional registry of structures): its DataSource
 * (the sirmi_asso role, schema asso), the services and the subgraph server
 * behind the internal-token check.
 */
export async function startAsso(config: HubConfig, logger: Logger, options: AssoOptions = {}): Promise<ModuleHandle> {
  const url = config.database.moduleUrls.asso;
  if (!url) throw new Error('ASSO needs a database: set DATABASE_URL or ASSO_DATABASE_URL');
  const clock = options.clock ?? systemClock;
  const counter = new StatementCounter();
  const dataSource = createModuleDataSource({ url, schema: 'asso', entities: assoEntities, counter, poolSize: config.database.poolSize });
  await dataSource.initialize();

  try {
    const services = createServices({ dataSource, clock });
    const server = await startSubgraphServer(
      {
        name: 'asso',
        typeDefs: loadSubgraphTypeDefs(ASSO_SCHEMA_DIR),
        resolvers: assoResolvers,
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
      { host: config.host, port: config.ports.asso },
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
