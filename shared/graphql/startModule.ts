import type { BaseContext } from '@apollo/server';
import type { SubgraphResolverMap } from './resolverMap';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { loadConfig, type HubConfig, type ModuleName } from '../config/config';
import { createModuleDataSource, type ModuleDataSourceOptions } from '../db/dataSource';
import { StatementCounter } from '../db/statementCounter';
import { createLogger } from '../logging/logger';
import { stopWithParent } from '../process/stopWithParent';
import { systemClock, type Clock } from '../time';
import { loadSubgraphTypeDefs } from './loadSchema';
import { createServiceClient, type ServiceClient } from './serviceClient';
import { startSubgraphServer, type ModuleHandle, type SubgraphRequestInfo } from './subgraphServer';

/** What the module gets to build its services and per-request context. */
export interface ModuleWiring {
  readonly dataSource: DataSource;
  readonly config: HubConfig;
  readonly clock: Clock;
  /** A client for module-to-module calls to another subgraph, as this module (10 s per call unless `timeoutMs`: background jobs wait longer). */
  serviceClient(target: ModuleName, options?: { timeoutMs?: number }): ServiceClient;
  readonly logger: Logger;
  /** Register work to finish when the module stops (background jobs such as ASMI's notification dispatcher). */
  onStop(fn: () => Promise<void>): void;
}

/** The same inner shape for every subgraph (docs/conventions.md): name, SDL folder, entities, resolvers, wiring. */
export interface ModuleDefinition<TContext extends BaseContext> {
  readonly name: ModuleName;
  readonly schemaDir: string;
  readonly entities: NonNullable<ModuleDataSourceOptions['entities']>;
  readonly resolvers: SubgraphResolverMap;
  readonly wire: (deps: ModuleWiring) => (info: SubgraphRequestInfo) => TContext;
  /** Largest request body (default 16mb, as the gateway: over-long strings meet the input sanitiser, not the body parser). */
  readonly bodyLimit?: string;
}

export interface ModuleOptions {
  /** "Today" (Europe/Rome by default); tests fix it. */
  readonly clock?: Clock;
}

/**
 * Start a subgraph: its DataSource (the module's own role and schema), its
 * services, and the subgraph server behind the internal-token check.
 */
export async function startModule<TContext extends BaseContext>(def: ModuleDefinition<TContext>, config: HubConfig, logger: Logger, options: ModuleOptions = {}): Promise<ModuleHandle> {
  const label = def.name.toUpperCase();
  const url = config.database.moduleUrls[def.name];
  if (!url) throw new Error(`${label} needs a database: set DATABASE_URL or ${label}_DATABASE_URL`);
  const clock = options.clock ?? systemClock;
  const counter = new StatementCounter();
  const dataSource = createModuleDataSource({
    url,
    schema: def.name,
    entities: def.entities,
    counter,
    poolSize: config.database.poolSize,
    onPoolError: (err) => logger.warn({ err: { name: err.name, code: (err as { code?: unknown }).code } }, 'database connection lost; reconnecting on the next query'),
  });
  await dataSource.initialize();
  const stopHooks: (() => Promise<void>)[] = [];
  const runStopHooks = async () => {
    for (const fn of stopHooks.splice(0).reverse()) await fn().catch(() => undefined);
  };
  try {
    const createContext = def.wire({
      dataSource,
      config,
      clock,
      logger,
      onStop: (fn) => stopHooks.push(fn),
      serviceClient: (target, opts = {}) => createServiceClient({ caller: def.name, target, url: () => config.subgraphUrls[target], internalSecret: config.internalSecret, timeoutMs: opts.timeoutMs }),
    });
    const server = await startSubgraphServer(
      {
        name: def.name,
        typeDefs: loadSubgraphTypeDefs(def.schemaDir),
        resolvers: def.resolvers,
        internalSecret: config.internalSecret,
        logger,
        introspection: config.introspection,
        createContext,
        bodyLimit: def.bodyLimit,
        keepAliveMs: config.upstream.keepAliveMs,
        health: async () => {
          try {
            await dataSource.query('SELECT 1');
            return { database: 'up' };
          } catch {
            return { database: 'down' };
          }
        },
      },
      { host: config.host, port: config.ports[def.name] },
    );
    return {
      url: server.url,
      port: server.port,
      counter,
      dataSource,
      stop: async () => {
        await server.stop();
        await runStopHooks();
        await dataSource.destroy();
      },
    };
  } catch (err) {
    await runStopHooks();
    await dataSource.destroy();
    throw err;
  }
}

/** A subgraph as its own process (`npm run start:<module>`): production runs one per module. */
export function runModuleProcess<TContext extends BaseContext>(def: ModuleDefinition<TContext>): void {
  const main = async () => {
    const config = loadConfig();
    const logger = createLogger(def.name, config.logLevel);
    for (const warning of config.warnings) logger.warn(warning);
    const handle = await startModule(def, config, logger);
    logger.info({ url: handle.url }, `${def.name.toUpperCase()} subgraph ready`);
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      // As the gateway's (gateway/index.ts): a stop that has not finished 15 s after the signal will not finish (seen
      // with ASMI after a benchmark's load: the process caught SIGTERM and lived on); exit then, the database keeps
      // every committed write and an uncommitted one was never acknowledged.
      setTimeout(() => {
        logger.warn(`${def.name} stop did not finish in 15 s; exiting`);
        process.exit(1); // an unclean stop: the exit status says so
      }, 15_000).unref();
      await handle.stop().catch(() => undefined);
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    // Started by `npm start`'s supervisor: stop when it is gone, so no orphan survives it.
    stopWithParent(() => void stop());
  };
  main().catch((err: unknown) => {
    // Start-up errors carry configuration problems, never personal data.
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
