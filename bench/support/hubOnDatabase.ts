import { createLogger } from '@shared/logging';
import { loadConfig, withDatabase, type HubConfig } from '@shared/config';
import { startAll } from '../../infra/hub';
import { migrateDatabase } from '../../infra/db/migrate';
import { signDevToken } from '@shared/auth';
import { freePorts } from '../../test/support/ports';

/**
 * The configuration for a generated database (`npm run generate`), demo data
 * and logs off, after running the project's migrations on it: later
 * migrations (e.g. report indexes) apply to an older generated database too;
 * idempotent.
 */
export async function migratedConfig(adminUrl: string): Promise<HubConfig> {
  // ASMI's daily data-quality rewrite off unless asked (QUALITY_SCHEDULE=on): at start-up on a stale database it would
  // rewrite the whole region in the background while the benchmark times its requests.
  const base = loadConfig({ ...process.env, DATABASE_URL: adminUrl, DEMO_DATA: '0', LOG_LEVEL: 'silent', QUALITY_SCHEDULE: process.env.QUALITY_SCHEDULE ?? 'off' });
  await migrateDatabase(adminUrl, { rolePassword: base.database.rolePassword, manageRoles: base.database.manageRoles });
  return base;
}

/** The whole hub in-process on the database, on free ports, with a REGIONAL_ANALYST token for its gateway and the configuration it runs with. */
export async function startHubOnDatabase(base: HubConfig, adminUrl: string): Promise<{ url: string; analystToken: string; config: HubConfig; stop: () => Promise<void> }> {
  const [gw, sinba, asso, asmi] = await freePorts(4);
  const local = (p: number) => `http://127.0.0.1:${p}/graphql`;
  const config: HubConfig = Object.freeze({ ...withDatabase(base, adminUrl), gatewayPort: gw, ports: { sinba, asso, asmi }, subgraphUrls: { sinba: local(sinba), asso: local(asso), asmi: local(asmi) } });
  const hub = await startAll(config, createLogger('bench', 'silent'));
  const analystToken = signDevToken({ role: 'REGIONAL_ANALYST', sub: 'bench-analyst' }, config.jwt.secret, { issuer: config.jwt.issuer, audience: config.jwt.audience });
  return { url: hub.gateway.url, analystToken, config, stop: () => hub.stop() };
}
