import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, withDatabase, type HubConfig } from '../shared/config/config';
import { createLogger } from '../shared/logging/logger';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded';
import { migrateDatabase } from './db/migrate';
import { startAll, type HubHandle } from './hub';
import { loadDemoDataIfEmpty } from './demo/demoData';
import { ensureGraphiql, ensureWebClient } from './webClient';

/**
 * `npm start`: PostgreSQL (embedded when DATABASE_URL is unset, data under
 * .data/), migrations, demo data into an empty database, the three subgraphs
 * and the gateway; Ctrl-C stops everything, PostgreSQL included.
 */
async function main(): Promise<void> {
  let config: HubConfig;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  }
  const logger = createLogger('sirmi-hub', config.logLevel);
  for (const w of config.warnings) logger.warn(w);
  const t0 = Date.now();

  let embedded: EmbeddedDatabase | undefined;
  let hub: HubHandle | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await hub?.stop().catch((e: unknown) => logger.error({ err: String(e) }, 'stop failed'));
    await embedded?.stop().catch((e: unknown) => logger.error({ err: String(e) }, 'database stop failed'));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    if (!config.database.adminUrl) {
      const dir = config.database.embeddedDir;
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      logger.info({ dir, port: config.database.embeddedPort }, 'starting embedded PostgreSQL (DATABASE_URL is unset)');
      embedded = await startEmbeddedDatabase({ dir, port: config.database.embeddedPort, log: (l) => logger.debug({ postgres: l }) });
      config = withDatabase(config, embedded.adminUrl);
    }
    // The structures' web client (web/): built when missing or older than its sources. Without it the gateway still serves the API.
    try {
      if (await ensureWebClient()) logger.info('web client built (web/dist)');
    } catch (err) {
      logger.warn({ err: String(err) }, 'web client build failed: the gateway serves the API only (npm run build:web to retry)');
    }
    // The development GraphQL IDE (web/graphiql), at /graphiql outside production.
    if (!config.production) {
      await ensureGraphiql()
        .then((built) => built && logger.info('GraphQL IDE built (web/graphiql/dist)'))
        .catch((err: unknown) => logger.warn({ err: String(err) }, 'GraphQL IDE build failed (npm run build:graphiql to retry)'));
    }
    const adminUrl = config.database.adminUrl as string;
    const applied = await migrateDatabase(adminUrl, { rolePassword: config.database.rolePassword, manageRoles: config.database.manageRoles });
    logger.info({ applied: applied.length }, 'migrations up to date');
    hub = await startAll(config, logger);
    if (config.demoData) {
      const loaded = await loadDemoDataIfEmpty(adminUrl, hub.gateway.url, config);
      if (loaded) logger.info(loaded, 'demo data loaded');
    }
    const ms = Date.now() - t0;
    const url = hub.gateway.url;
    console.log(
      [
        '',
        `sirmi-hub is up in ${(ms / 1000).toFixed(1)} s`,
        `  gateway   ${url}  (health: ${url.replace(/\/graphql$/, '/health')})`,
        `  web client for structures  ${url.replace(/\/graphql$/, '/')}`,
        ...(config.production ? [] : [`  GraphQL IDE (development)  ${url.replace(/\/graphql$/, '/graphiql')}`]),
        `  subgraphs sinba ${hub.modules.sinba.url} | asso ${hub.modules.asso.url} | asmi ${hub.modules.asmi.url}`,
        `  database  ${embedded ? `embedded PostgreSQL on port ${config.database.embeddedPort} (data in ${config.database.embeddedDir})` : 'DATABASE_URL'}`,
        '',
        'Get a development token (-s: only the token, so $(...) captures it):',
        '  TOKEN=$(npm run -s token -- --role SOCIAL_WORKER --service S-RM-01)',
        '  TOKEN=$(npm run -s token -- --role STRUCTURE_OPERATOR --structure RM-C001)',
        '  TOKEN=$(npm run -s token -- --role SUPERVISOR --territory 058)',
        'Then:',
        `  curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ minors { nodes { id firstName cases { startDate } placements { structure { name status } } } } }"}'`,
        '',
        'Ctrl-C stops everything.',
      ].join('\n'),
    );
  } catch (err) {
    logger.error({ err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }, 'start-up failed');
    await stop(1);
  }
}

void main();
