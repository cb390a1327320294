import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, withDatabase, type HubConfig } from '@shared/config';
import { migrateDatabase } from '../../infra/db/migrate';

/** Cluster URL for tests: DATABASE_URL, or the embedded server started by globalSetup. */
export function testClusterUrl(): string {
  const url = process.env.DATABASE_URL || process.env.SIRMI_TEST_DATABASE_URL;
  if (!url) throw new Error('No test database: set DATABASE_URL or run through jest (globalSetup starts an embedded PostgreSQL)');
  return url;
}

export interface TestDatabase {
  readonly name: string;
  readonly adminUrl: string;
  /** Hub configuration pointing at this database (module roles, development secrets). */
  readonly config: HubConfig;
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database for one test file, so files run in
 * parallel (docs/conventions.md "Tests"). Real PostgreSQL, never a mock.
 */
export async function createTestDatabase(env: Record<string, string> = {}, clusterUrl: string = testClusterUrl()): Promise<TestDatabase> {
  const cluster = new URL(clusterUrl);
  const name = `sirmi_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: cluster.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(cluster.toString());
  dbUrl.pathname = `/${name}`;
  const adminUrl = dbUrl.toString();
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env });
  await migrateDatabase(adminUrl, { rolePassword: base.database.rolePassword, manageRoles: true });
  const config = withDatabase(base, adminUrl);
  return {
    name,
    adminUrl,
    config,
    drop: async () => {
      const c = new Client({ connectionString: cluster.toString() });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
