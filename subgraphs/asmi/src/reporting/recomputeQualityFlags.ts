import type { DataSource } from 'typeorm';
import type { HubConfig } from '@shared/config';
import type { Clock } from '@shared/time';
import { createQualityService } from '../services/qualityService';
import type { Upstream } from '../services/upstream';

/**
 * The daily rewrite of every stored data-quality flag (they depend on today:
 * day 30 without a case, the emergency limit, today's occupancy), run shortly
 * after midnight so no request pays for it: by ASMI itself (qualitySchedule.ts,
 * QUALITY_SCHEDULE) and, where one is set up, by a scheduler running this
 * command (infra/k8s/quality-cronjob.yaml); with neither, the first list read
 * of the day does it.
 * Idempotent and safe on any number of replicas: it takes the same advisory
 * lock as every rewrite, and does nothing when the flags are already for
 * today and nothing is queued. Returns the placements recomputed.
 *
 * Run: `npm run quality:recompute` (same environment as ASMI; SINBA and ASSO
 * must be running).
 */
export function recomputeQualityFlags(deps: { dataSource: DataSource; upstream: Upstream; clock: Clock; pseudonymKey: string }): Promise<number> {
  return createQualityService(deps).refreshAll();
}

/**
 * The same rewrite for a running hub's configuration: ASMI's database, SINBA
 * and ASSO reached module-to-module with `timeoutMs` per call (a batch job,
 * not a request: no gateway timeout applies). Used by the command below and by
 * the demo loader after its SQL bulk load (infra/demo/demoData.ts).
 */
/** How long the daily rewrite waits for each SINBA or ASSO call: a batch's wait, not a request's 10 s (the command below and ASMI's own schedule, server.ts). */
export const QUALITY_BATCH_TIMEOUT_MS = 60_000;

export async function recomputeQualityFlagsFor(config: HubConfig, timeoutMs = QUALITY_BATCH_TIMEOUT_MS): Promise<number> {
  const { createModuleDataSource } = await import('@shared/db');
  const { createServiceClient } = await import('@shared/graphql');
  const { systemClock } = await import('@shared/time');
  const { createUpstream } = await import('../services/upstream');
  const url = config.database.moduleUrls.asmi;
  if (!url) throw new Error('Set DATABASE_URL or ASMI_DATABASE_URL');
  const ds = createModuleDataSource({ url, schema: 'asmi', entities: [], poolSize: 2 });
  await ds.initialize();
  try {
    const client = (target: 'asso' | 'sinba') => createServiceClient({ caller: 'asmi', target, url: () => config.subgraphUrls[target], internalSecret: config.internalSecret, timeoutMs });
    return await recomputeQualityFlags({ dataSource: ds, upstream: createUpstream({ asso: client('asso'), sinba: client('sinba') }), clock: systemClock, pseudonymKey: config.pseudonymKey });
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  void (async () => {
    const { loadConfig } = await import('@shared/config');
    const t0 = Date.now();
    const n = await recomputeQualityFlagsFor(loadConfig());
    process.stdout.write(`Data-quality flags: ${n} placements recomputed in ${Date.now() - t0} ms\n`);
  })().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
