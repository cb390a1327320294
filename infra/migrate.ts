import { ConfigError, loadConfig } from '@shared/config';
import { migrateDatabase } from './db/migrate';

/** `npm run migrate`: bring DATABASE_URL (admin role) to the current schema. Used by deployments before the services start. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.adminUrl) throw new Error('DATABASE_URL (an admin connection) is required to migrate');
  const applied = await migrateDatabase(config.database.adminUrl, { rolePassword: config.database.rolePassword, manageRoles: config.database.manageRoles });
  console.log(applied.length ? `Applied ${applied.length} migrations:\n${applied.join('\n')}` : 'Database already up to date');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `migrate: ${(err as Error).message}`);
  process.exit(1);
});
