import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../infra/db/embedded';

declare global {
  // eslint-disable-next-line no-var
  var __SIRMI_EMBEDDED__: EmbeddedDatabase | undefined;
}

/**
 * Tests use the machine's PostgreSQL when DATABASE_URL is set (CI), or start
 * one embedded server for the whole run. Either way, each test file creates
 * its own database (test/support/testDatabase.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dir = path.join(process.cwd(), '.data', 'test-postgres');
  fs.rmSync(dir, { recursive: true, force: true });
  const port = 54330 + (process.pid % 500);
  const db = await startEmbeddedDatabase({ dir, port });
  globalThis.__SIRMI_EMBEDDED__ = db;
  process.env.SIRMI_TEST_DATABASE_URL = db.adminUrl;
  void os;
}
