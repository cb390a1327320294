import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, withDatabase, MODULES, type HubConfig } from '@shared/config';
import { createLogger } from '@shared/logging';
import { migrateDatabase } from './db/migrate';
import { loadDemoDataIfEmpty } from './demo/demoData';
import { ensureGraphiql, ensureWebClient } from './webClient';
import { PROCESS_ENTRIES, Supervisor, entryCommand, waitForHttp, type SupervisedProcess } from './supervisor';

/** How long a process may take to answer its first HTTP request at start-up. */
const START_TIMEOUT_MS = 120_000;

/**
 * `npm start`: PostgreSQL (embedded when DATABASE_URL is unset, data under
 * .data/), migrations, then the three subgraphs and the gateway, each as a
 * supervised process of its own (infra/supervisor.ts): a crash is logged and
 * the process restarted with back-off while the others keep serving; the
 * embedded PostgreSQL is restarted too when it dies. Demo data goes into an
 * empty database. Ctrl-C stops everything, PostgreSQL included.
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
  const supervisor = new Supervisor(logger);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await supervisor.stopAll().catch((e: unknown) => logger.error({ err: String(e) }, 'stop failed'));
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  try {
    let embedded: SupervisedProcess | undefined;
    if (!config.database.adminUrl) {
      const dir = config.database.embeddedDir;
      fs.mkdirSync(path.dirname(dir), { recursive: true });
      logger.info({ dir, port: config.database.embeddedPort }, 'starting embedded PostgreSQL (DATABASE_URL is unset)');
      let ready: (url: string) => void = () => undefined;
      const adminUrl = new Promise<string>((resolve) => (ready = resolve));
      embedded = supervisor.start({
        name: 'postgres',
        ...entryCommand(PROCESS_ENTRIES.postgres),
        args: [...entryCommand(PROCESS_ENTRIES.postgres).args, dir, String(config.database.embeddedPort)],
        onLine: (line) => {
          if (line.startsWith('{"ready"')) {
            if (embedded && embedded.starts > 1) logger.warn('embedded PostgreSQL restarted');
            ready((JSON.parse(line) as { ready: string }).ready);
          } else process.stdout.write(`${line}\n`);
        },
      });
      config = withDatabase(config, await withTimeout(adminUrl, START_TIMEOUT_MS, 'embedded PostgreSQL did not start'));
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

    // Each child reads the same configuration from the environment; the database is the one started above.
    const env = { ...process.env, DATABASE_URL: adminUrl };
    for (const name of ['asso', 'sinba', 'asmi'] as const) {
      supervisor.start({ name, ...entryCommand(PROCESS_ENTRIES[name]), env });
    }
    await Promise.all(MODULES.map((m) => waitForHttp(config.subgraphUrls[m].replace(/\/graphql$/, '/health'), START_TIMEOUT_MS)));
    supervisor.start({ name: 'gateway', ...entryCommand(PROCESS_ENTRIES.gateway), env });
    const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.gatewayPort}/graphql`;
    await waitForHttp(url.replace(/\/graphql$/, '/health'), START_TIMEOUT_MS);

    if (config.demoData) {
      const loaded = await loadDemoDataIfEmpty(adminUrl, url, config);
      if (loaded) logger.info(loaded, 'demo data loaded');
    }
    const ms = Date.now() - t0;
    console.log(
      [
        '',
        `sirmi-hub is up in ${(ms / 1000).toFixed(1)} s`,
        `  gateway   ${url}  (health: ${url.replace(/\/graphql$/, '/health')})`,
        `  web client for structures  ${url.replace(/\/graphql$/, '/')}`,
        ...(config.production ? [] : [`  GraphQL IDE (development)  ${url.replace(/\/graphql$/, '/graphiql')}`]),
        `  subgraphs sinba ${config.subgraphUrls.sinba} | asso ${config.subgraphUrls.asso} | asmi ${config.subgraphUrls.asmi}`,
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

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<T>((_r, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]).finally(() => clearTimeout(timer));
}

void main();
