import type { DataSource } from 'typeorm';
import type { ServiceClient } from '@shared/graphql';

const SYNC = 'mutation SinbaResyncQuasiIdentifiers($minors: [MinorQuasiIdentifiersInput!]!) { syncMinorQuasiIdentifiers(minors: $minors) }';

/**
 * Reconciliation job behind the push of asmiSync.ts: sends every minor's
 * current quasi-identifiers to ASMI, in batches (keyset pagination on the
 * id), after a failed push or to repair copies made before the push existed.
 * Idempotent; ASMI updates only the minors it has placements for. Returns
 * the minors sent and the placements updated.
 *
 * Run: `npm run resync:quasi-identifiers`
 * (same environment as the hub; ASMI must be running).
 */
export async function resyncQuasiIdentifiers(dataSource: DataSource, asmi: ServiceClient, batchSize = 1000): Promise<{ minors: number; placements: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let minors = 0;
  let placements = 0;
  for (;;) {
    const rows: { minorId: string; birthDate: string | null; sex: string | null; citizenship: string | null; unaccompanied: boolean }[] = await dataSource.query(
      `SELECT id AS "minorId", to_char(birth_date, 'YYYY-MM-DD') AS "birthDate", sex, citizenship, unaccompanied
         FROM sinba.minor WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, batchSize],
    );
    if (rows.length === 0) break;
    const data = await asmi.query<{ syncMinorQuasiIdentifiers: number }>(SYNC, { minors: rows });
    minors += rows.length;
    placements += data.syncMinorQuasiIdentifiers;
    after = rows[rows.length - 1].minorId;
  }
  return { minors, placements };
}

if (require.main === module) {
  void (async () => {
    const { loadConfig } = await import('@shared/config');
    const { createModuleDataSource } = await import('@shared/db');
    const { createServiceClient } = await import('@shared/graphql');
    const config = loadConfig();
    const url = config.database.moduleUrls.sinba;
    if (!url) throw new Error('Set DATABASE_URL or SINBA_DATABASE_URL');
    const ds = createModuleDataSource({ url, schema: 'sinba', entities: [], poolSize: 1 });
    await ds.initialize();
    try {
      const asmi = createServiceClient({ caller: 'sinba', target: 'asmi', url: () => config.subgraphUrls.asmi, internalSecret: config.internalSecret });
      const result = await resyncQuasiIdentifiers(ds, asmi);
      process.stdout.write(`Sent ${result.minors} minors; ${result.placements} placements updated in ASMI\n`);
    } finally {
      await ds.destroy();
    }
  })().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
