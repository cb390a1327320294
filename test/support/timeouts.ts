import os from 'node:os';

/**
 * A timeout that grows with the machine's load: `baseMs` is what the work
 * needs on an idle machine; with more runnable processes than cores (CI
 * runners shared by several jobs) it is multiplied by the load per core,
 * and by TEST_TIMEOUT_FACTOR when set. Bounded to 10 minutes.
 */
export function scaledTimeout(baseMs: number): number {
  const cores = Math.max(1, os.cpus().length);
  const loadPerCore = os.loadavg()[0] / cores;
  const factor = Number(process.env.TEST_TIMEOUT_FACTOR) > 0 ? Number(process.env.TEST_TIMEOUT_FACTOR) : 1;
  return Math.min(600_000, Math.round(baseMs * Math.max(1, loadPerCore) * factor));
}
