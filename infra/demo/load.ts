import { ConfigError, loadConfig } from '@shared/config';
import { loadDemoDataIfEmpty } from './demoData';

/**
 * `npx tsx infra/demo/load.ts [--gateway http://gateway:4000/graphql]`: load
 * the demo data (the same as `npm start`'s) into DATABASE_URL's empty
 * database, through a running gateway. docker-compose.yml runs it once the
 * gateway is healthy; DEMO_DATA=0 skips it. Refused in production.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.production) throw new Error('demo data is for development: refused with NODE_ENV=production');
  if (!config.demoData) {
    console.log('DEMO_DATA=0: no demo data loaded');
    return;
  }
  const adminUrl = config.database.adminUrl;
  if (!adminUrl) throw new Error('DATABASE_URL (an admin connection) is required to load the demo data');
  const i = process.argv.indexOf('--gateway');
  const gatewayUrl = i > 0 ? process.argv[i + 1] : `http://127.0.0.1:${config.gatewayPort}/graphql`;
  const health = gatewayUrl.replace(/\/graphql$/, '/health');
  for (let attempt = 0; ; attempt++) {
    const ok = await fetch(health).then((r) => r.ok, () => false);
    if (ok) break;
    if (attempt >= 60) throw new Error(`the gateway at ${health} is not healthy`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const loaded = await loadDemoDataIfEmpty(adminUrl, gatewayUrl, config);
  console.log(loaded ? `demo data loaded: ${JSON.stringify(loaded)}` : 'the database already holds data: demo data not loaded');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `demo data: ${(err as Error).message}`);
  process.exit(1);
});
