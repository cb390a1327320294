import fs from 'node:fs';

/** Stop the run's embedded PostgreSQL (if globalSetup started one) and remove its directory. */
export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__SIRMI_EMBEDDED__;
  if (!embedded) return;
  try {
    await embedded.db.stop();
  } finally {
    fs.rmSync(embedded.dir, { recursive: true, force: true });
  }
}
