import cluster from 'node:cluster';
import { ConfigError } from '@shared/config';
import { createLogger } from '@shared/logging';
import { stopWithParent } from '@shared/process';
import { loadGatewayConfig } from './config';

/**
 * The gateway as its own process (production: several replicas behind a load
 * balancer). With GATEWAY_WORKERS > 1 (default: the number of cores) the
 * process is a node:cluster primary that forks that many workers sharing the
 * port, and replaces a worker that dies; each worker is a whole gateway with
 * nothing in memory shared with the others (docs/architecture.md "Processes
 * and replicas"), exactly like another replica.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadGatewayConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  }
  const logger = createLogger('gateway', config.logLevel);
  if (cluster.isPrimary && config.gatewayWorkers > 1) {
    for (const w of config.warnings) logger.warn(w);
    let stopping = false;
    for (let i = 0; i < config.gatewayWorkers; i++) cluster.fork();
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code, signal }, 'gateway worker exited; starting another');
      cluster.fork();
    });
    const stop = () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      let left = workers.length;
      if (left === 0) process.exit(0);
      for (const w of workers) {
        w.once('exit', () => --left === 0 && process.exit(0));
        w.process.kill('SIGTERM');
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    // Started by `npm start`'s supervisor: stop the workers when it is gone, so no orphan survives it.
    stopWithParent(stop);
    logger.info({ workers: config.gatewayWorkers, port: config.gatewayPort }, 'gateway primary: workers forked');
    return;
  }
  if (cluster.isPrimary) for (const w of config.warnings) logger.warn(w);
  // Loaded here, not at the top: a cluster primary only forks, and must not spend the seconds of loading the
  // whole gateway (Apollo, federation, the privacy engine) before its workers can start loading it themselves.
  // require, not import(): under tsx's CommonJS hook a dynamic import goes to Node's ESM resolver, which
  // does not find an extensionless './server' (the worker then crashed and was forked again, forever).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startGateway } = require('./server') as typeof import('./server');
  const handle = await startGateway(config, logger);
  logger.info({ url: handle.url, worker: cluster.worker?.id }, 'gateway listening');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Apollo's drain gives in-flight requests 10 s; a stop that has not finished 5 s later will not finish (seen in
    // node:cluster workers whose subgraphs were down: the server closed, the stop promise never settled, the worker
    // lived on as an orphan). Exiting then is safe: a response whose audit entries are not committed is never sent.
    setTimeout(() => {
      logger.warn({ worker: cluster.worker?.id }, 'gateway stop did not finish in 15 s; exiting');
      process.exit(1); // an unclean stop: the exit status says so
    }, 15_000).unref();
    void handle.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by `npm start`'s supervisor: stop when it is gone, so no orphan survives it.
  stopWithParent(stop);
}

void main();
