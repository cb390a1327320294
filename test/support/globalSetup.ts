import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Client } from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../infra/db/embedded';
import { freePort } from './ports';

declare global {
  var __SIRMI_EMBEDDED__: { db: EmbeddedDatabase; dir: string } | undefined;
}

/**
 * Create the database named in `url` when it is missing, connecting to the
 * cluster's `postgres` database (a fresh CI machine has only that one).
 */
export async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  if (name === 'postgres') return;
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`Test database name "${name}" must be letters, digits and _`);
  const cluster = new URL(url);
  cluster.pathname = '/postgres';
  const admin = new Client({ connectionString: cluster.toString() });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) {
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } catch (err) {
        // another run created it between the check and here
        if ((err as { code?: string }).code !== '42P04') throw err;
      }
    }
  } finally {
    await admin.end();
  }
}

/**
 * Tests use the machine's PostgreSQL when DATABASE_URL is set (CI; the
 * database it names is created when missing), or start one embedded server
 * for the whole run, on a free port and in a directory of its own (removed by
 * globalTeardown), so two runs and a running hub never collide. Either way,
 * each test file creates its own database (test/support/testDatabase.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    await ensureDatabaseExists(process.env.DATABASE_URL);
    return;
  }
  // Under the system temp dir when it is reachable by the postgres user (root runs PostgreSQL as `postgres`).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sirmi-test-postgres-${process.pid}-`));
  const dataDir = path.join(dir, 'data');
  if (typeof process.getuid === 'function' && process.getuid() === 0) fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const db = await startEmbeddedDatabase({ dir: dataDir, port });
  globalThis.__SIRMI_EMBEDDED__ = { db, dir };
  process.env.SIRMI_TEST_DATABASE_URL = db.adminUrl;
}
