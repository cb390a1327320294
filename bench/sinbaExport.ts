/**
 * bench/sinba-export: the pseudonymous regional flow export (GET
 * /exports/sinba/minors.csv, docs/sinba-export.md) of N minors through the
 * gateway, with the three subgraphs and the gateway in this process. Prints
 * the rows and bytes received, the time, and the process's heap and RSS
 * before and at their peak during the download, sampled every 50 ms. The
 * download is read as a stream and never kept, so the figures are the hub's.
 *
 *   npx tsx bench/sinbaExport.ts                 (DATABASE_URL or an embedded PostgreSQL)
 *   BENCH_MINORS=200000 npx tsx bench/sinbaExport.ts
 *   BENCH_MINORS=200000 node --expose-gc -r tsx/cjs bench/sinbaExport.ts   (also the live heap after full GCs)
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startTestHub } from '../test/support/startHub';

const MINORS = Number(process.env.BENCH_MINORS ?? 200_000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const hub = await startTestHub();
  try {
    const admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    await admin.query(
      `INSERT INTO sinba.minor (first_name, last_name, birth_date, sex, citizenship, residence_municipality, created_by)
       SELECT 'Bench' || g, 'Export', DATE '2008-01-01' + (g % 5000), CASE WHEN g % 2 = 0 THEN 'M' ELSE 'F' END, '100', '037006', 'bench'
         FROM generate_series(1, $1::int) g`,
      [MINORS],
    );
    await admin.end();

    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    // Live heap: with --expose-gc, a full collection every 500 ms, so garbage not yet collected does not count.
    let peakLive = before.heapUsed;
    let ticks = 0;
    const sampler = setInterval(() => {
      ticks += 1;
      if (global.gc && ticks % 10 === 0) {
        global.gc();
        peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
      }
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 50);

    const token = hub.token({ role: 'REGIONAL_ANALYST', sub: 'bench-analyst' });
    const t0 = performance.now();
    const res = await fetch(hub.url.replace(/graphql$/, 'exports/sinba/minors.csv'), { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200 || !res.body) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    let bytes = 0;
    let lines = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
      for (const b of value) if (b === 10) lines += 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);

    console.log(`sinba export of ${MINORS} minors: ${lines - 1} rows, ${mb(bytes)} in ${seconds.toFixed(1)} s (${Math.round((lines - 1) / seconds)} rows/s)`);
    console.log(`heap used: ${mb(before.heapUsed)} before, ${mb(peakHeap)} peak (+${mb(peakHeap - before.heapUsed)})`);
    if (global.gc) console.log(`live heap after full GCs: ${mb(peakLive)} peak (+${mb(peakLive - before.heapUsed)})`);
    console.log(`rss:       ${mb(before.rss)} before, ${mb(peakRss)} peak (+${mb(peakRss - before.rss)})`);
  } finally {
    await hub.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
