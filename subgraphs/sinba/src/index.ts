import { loadConfig } from '../../../shared/config/config';
import { createLogger } from '../../../shared/logging/logger';
import { startSinba } from './server';

/** Standalone SINBA process (`npm run start:sinba`). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('sinba', config.logLevel);
  for (const warning of config.warnings) logger.warn(warning);
  if (!config.database.moduleUrls.sinba) {
    logger.error('SINBA needs a database: set DATABASE_URL (or SINBA_DATABASE_URL) and run the migrations');
    process.exit(1);
  }
  const handle = await startSinba(config, logger);
  logger.info({ url: handle.url }, 'SINBA subgraph ready');
  const stop = async () => {
    await handle.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  // Start-up errors carry configuration problems, never personal data.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
