/**
 * bench/dataQuality: the data-quality lists of issue 8 through the gateway
 * (HTTP, privacy engine, audit on) against a database filled by
 * `npm run generate`, as a REGIONAL_ANALYST. Starts the three subgraphs and
 * the gateway in this process (no demo data), as bench/reports.ts, then times
 * sequential requests:
 *   - placementQualityIssues: the first page (100 lines; the first call is
 *     reported apart as "cold") and a later page (the 2nd, from the first
 *     page's cursor);
 *   - before them, the daily rewrite of the stored flags (`npm run
 *     quality:recompute`; ASMI runs the same rewrite itself after midnight,
 *     QUALITY_SCHEDULE, off in benchmarks unless set), timed apart; BENCH_RECOMPUTE=0 leaves it to the first
 *     call, which then does it inside the request;
 *   - caseQualityIssues: first page and a later page;
 *   - GET /reports/data-quality.csv: the whole download (every page of both
 *     lists), given up after BENCH_DOWNLOAD_TIMEOUT_MS (default 600,000).
 *
 *   npx tsx bench/dataQuality.ts --database-urls postgres://postgres@127.0.0.1:5432/sirmi_bench_20k,postgres://postgres@127.0.0.1:5432/sirmi_bench
 *   BENCH_RUNS=5 BENCH_DOWNLOADS=1 npx tsx bench/dataQuality.ts   (DATABASE_URL=...)
 *   BENCH_SAVE_CSV=/tmp/dq npx tsx bench/dataQuality.ts ...   (also writes each download to /tmp/dq.<database>.csv, to compare two versions)
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { recomputeQualityFlagsFor } from '../subgraphs/asmi/src/reporting/recomputeQualityFlags';
import { migratedConfig, startHubOnDatabase } from './support/hubOnDatabase';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RECOMPUTE = process.env.BENCH_RECOMPUTE !== '0';
const DOWNLOADS = Number(process.env.BENCH_DOWNLOADS ?? 1);
const DOWNLOAD_TIMEOUT_MS = Number(process.env.BENCH_DOWNLOAD_TIMEOUT_MS ?? 600_000);

const PLACEMENTS = `query P($first: Int, $after: String) { placementQualityIssues(first: $first, after: $after) {
  nodes { placementId minorPseudonym structureCode flag since } pageInfo { endCursor hasNextPage } } }`;
const CASES = `query C($first: Int, $after: String) { caseQualityIssues(first: $first, after: $after) {
  nodes { minorPseudonym serviceId flag since } pageInfo { endCursor hasNextPage } } }`;

type Page = { nodes: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<Page> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, Page | null>; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; '));
  const page = body.data ? Object.values(body.data)[0] : null;
  if (!page) throw new Error(`HTTP ${res.status}: no data`);
  return page;
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

const fmt = (v: number) => (Number.isNaN(v) ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(0)} ms`);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] : NaN);
const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] : NaN);

async function benchDatabase(adminUrl: string): Promise<void> {
  const name = new URL(adminUrl).pathname.slice(1);
  const base = await migratedConfig(adminUrl);
  const sql = new Client({ connectionString: adminUrl });
  await sql.connect();
  const counts = (await sql.query<Record<string, string>>('SELECT (SELECT count(*) FROM sinba.minor) AS minors, (SELECT count(*) FROM asmi.placement) AS placements, (SELECT count(*) FROM asso.structure) AS structures')).rows[0];
  await sql.end();
  const hub = await startHubOnDatabase(base, adminUrl);
  try {
    const { url, analystToken: token } = hub;
    console.log(`\n${name}: ${counts.minors} minors, ${counts.placements} placements, ${counts.structures} structures; ${RUNS} timed requests per line (median, max)`);
    const rows: [string, number, number, string][] = [];
    if (RECOMPUTE) {
      const daily = await timed(() => recomputeQualityFlagsFor(hub.config));
      rows.push(['daily rewrite of the flags (quality:recompute)', daily.ms, daily.ms, `${daily.value} placements recomputed`]);
    }
    for (const [label, query] of [
      ['placementQualityIssues', PLACEMENTS],
      ['caseQualityIssues', CASES],
    ] as const) {
      const cold = await timed(() => post(url, token, query, { first: 100 }));
      rows.push([`${label} first page, cold (first call)`, cold.ms, cold.ms, `${cold.value.nodes.length} lines`]);
      const firsts: number[] = [];
      const laters: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const first = await timed(() => post(url, token, query, { first: 100 }));
        firsts.push(first.ms);
        if (first.value.pageInfo.hasNextPage) laters.push((await timed(() => post(url, token, query, { first: 100, after: first.value.pageInfo.endCursor }))).ms);
      }
      rows.push([`${label} first page`, median(firsts), firsts.length ? Math.max(...firsts) : NaN, `p95 ${fmt(p95(firsts))}`]);
      rows.push([`${label} later page (2nd)`, laters.length ? median(laters) : NaN, laters.length ? Math.max(...laters) : NaN, laters.length ? '' : 'no 2nd page']);
    }
    const downloads: number[] = [];
    let note = '';
    for (let i = 0; i < DOWNLOADS; i++) {
      try {
        const d = await timed(async () => {
          const res = await fetch(url.replace(/\/graphql$/, '/reports/data-quality.csv'), { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
          const text = await res.text();
          if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 160)}`);
          return text;
        });
        downloads.push(d.ms);
        if (process.env.BENCH_SAVE_CSV) writeFileSync(`${process.env.BENCH_SAVE_CSV}.${name}.csv`, d.value);
        const lines = d.value.split('\n').filter((l) => l.length > 0);
        note = `${lines.length - 1} lines (${lines.filter((l) => l.startsWith('PLACEMENT')).length} PLACEMENT, ${lines.filter((l) => l.startsWith('CASE')).length} CASE${lines.some((l) => l.startsWith('NOTE')) ? ', NOTE' : ''}), ${(d.value.length / 1e6).toFixed(1)} MB`;
      } catch (err) {
        note = `gave up: ${(err as Error).message.slice(0, 120)}`;
        break;
      }
    }
    rows.push(['GET /reports/data-quality.csv (whole download)', downloads.length ? median(downloads) : NaN, downloads.length ? Math.max(...downloads) : NaN, note]);
    console.log(`  ${'request'.padEnd(52)} ${'median'.padStart(9)} ${'max'.padStart(9)}`);
    for (const [l, m, x, n] of rows) console.log(`  ${l.padEnd(52)} ${fmt(m).padStart(9)} ${fmt(x).padStart(9)}  ${n}`);
  } finally {
    await hub.stop();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--database-urls');
  const list = i >= 0 ? argv[i + 1] : process.env.DATABASE_URL;
  const urls = (list ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (!urls.length) throw new Error('Give the generated database(s): DATABASE_URL=... or --database-urls url1,url2');
  for (const url of urls) await benchDatabase(url);
}

main().catch((err) => {
  console.error(`bench:dataQuality: ${(err as Error).message}`);
  process.exit(1);
});
