import { loadConfig } from '../../../shared/config/config';
import { createLogger } from '../../../shared/logging/logger';
import { startAsso } from './server';

/** Standalone ASSO process (`npm run start:asso`). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('asso', config.logLevel);
  for (const warning of config.warnings) logger.warn(warning);
  if (!config.database.moduleUrls.asso) {
    logger.error('ASSO needs a database: set DATABASE_URL (or ASSO_DATABASE_URL) and run the migrations');
    process.exit(1);
  }
  const handle = await startAsso(config, logger);
  logger.info({ url: handle.url }, 'ASSO subgraph ready');
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
