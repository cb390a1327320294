export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__SIRMI_EMBEDDED__;
  if (db) await db.stop();
}
