import path from 'node:path';
import type { Logger } from 'pino';
import type { HubConfig } from '../../../shared/config/config';
import { createModuleDataSource } from '../../../shared/db/dataSource';
import { StatementCounter } from '../../../shared/db/statementCounter';
import { loadSubgraphTypeDefs } from '../../../shared/graphql/loadSchema';
import { createServiceClient } from '../../../shared/graphql/serviceClient';
import { startSubgraphServer, type ModuleHandle } from '../../../shared/graphql/subgraphServer';
import { systemClock, type Clock } from '../../../shared/time';
import { createContextFactory } from './context';
import { sinbaEntities } from './entities';
import { sinbaResolvers } from './resolvers';
import { createServices } from './services';

export const SINBA_SCHEMA_DIR = path.join(__dirname, '..', 'schema');

export interface SinbaOptions {
  /** "Today" (Europe/Rome by default); tests fix it. */
  readonly clock?: Clock;
}

/**
 * Start the SINBA subgraph: its DataSource (the sirmi_sinba role, schema
 * sinba), the services and the subgraph server behind the internal-token check.
 */
export async function startSinba(config: HubConfig, logger: Logger, options: SinbaOptions = {}): Promise<ModuleHandle> {
  const url = config.database.moduleUrls.sinba;
  if (!url) throw new Error('SINBA needs a database: set DATABASE_URL or SINBA_DATABASE_URL');
  const clock = options.clock ?? systemClock;
  const counter = new StatementCounter();
  const dataSource = createModuleDataSource({ url, schema: 'sinba', entities: sinbaEntities, counter, poolSize: config.database.poolSize });
  await dataSource.initialize();

  try {
    const asso = createServiceClient({ caller: 'sinba', target: 'asso', url: () => config.subgraphUrls.asso, internalSecret: config.internalSecret });
    const services = createServices({ dataSource, clock, pseudonymKey: config.pseudonymKey, asso });
    const server = await startSubgraphServer(
      {
        name: 'sinba',
        typeDefs: loadSubgraphTypeDefs(SINBA_SCHEMA_DIR),
        resolvers: sinbaResolvers,
        internalSecret: config.internalSecret,
        logger,
        introspection: config.introspection,
        createContext: createContextFactory({ dataSource, services, clock }),
        health: async () => {
          try {
            await dataSource.query('SELECT 1');
            return { database: 'up' };
          } catch {
            return { database: 'down' };
          }
        },
      },
      { host: config.host, port: config.ports.sinba },
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
