import { ConfigError } from '../shared/config/config';
import { createLogger } from '../shared/logging/logger';
import { loadGatewayConfig } from './config';
import { startGateway } from './server';

/** The gateway as its own process (production: several replicas behind a load balancer). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadGatewayConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(2);
  }
  const logger = createLogger('gateway', config.logLevel);
  for (const w of config.warnings) logger.warn(w);
  const handle = await startGateway(config, logger);
  logger.info({ url: handle.url }, 'gateway listening');
  const stop = () => void handle.stop().finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
