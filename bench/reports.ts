/**
 * bench/reports: the reporting queries of issue 8 through the gateway (HTTP
 * POST /graphql, privacy engine, audit and suppression on) against a
 * database filled by `npm run generate`. Starts the three subgraphs and the
 * gateway in this process on the database (no demo data), signs a
 * REGIONAL_ANALYST token, warms up, then times sequential requests:
 *   - placementStock on several dates, grouped by three dimensions (target p95 < 500 ms);
 *   - placementFlows over one year, entries and exits, two dimensions (target p95 < 800 ms);
 *   - caseStock on the same dates, grouped by service and age band.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sirmi_bench npm run bench:reports
 *   npm run bench:reports -- --database-urls postgres://...:5432/sirmi_bench_20k,postgres://...:5432/sirmi_bench
 *   BENCH_RUNS=30 BENCH_WARMUP=5 npm run bench:reports
 *
 * With several databases it prints one table per database, then the table of
 * the sizes side by side (how the cost grows with the number of minors).
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { migratedConfig, startHubOnDatabase } from './support/hubOnDatabase';
import { addDays } from '@shared/time';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);

/** The contract of issue 8 (names and arguments are fixed for reporting clients). */
const REPORT_FIELDS = 'dimensions total minCellSize generatedAt rows { keys count suppressed }';
export const QUERIES = {
  placementStock: `query Stock($on: Date!) { placementStock(on: $on, groupBy: [AGE_BAND, SEX, STRUCTURE_TYPE]) { ${REPORT_FIELDS} } }`,
  placementFlows: `query Flows($from: Date!, $to: Date!, $direction: ReportDirection!) { placementFlows(from: $from, to: $to, direction: $direction, groupBy: [PROVINCE, PLACEMENT_KIND]) { ${REPORT_FIELDS} } }`,
  caseStock: `query Cases($on: Date!) { caseStock(on: $on, groupBy: [SERVICE, AGE_BAND]) { ${REPORT_FIELDS} } }`,
} as const;
type ReportName = keyof typeof QUERIES;

const TARGET_P95_MS: Partial<Record<ReportName, number>> = { placementStock: 500, placementFlows: 800 };

interface Measure {
  readonly name: ReportName;
  readonly label: string;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly runs: number;
  readonly rows: number;
  readonly total: number;
  readonly error?: string;
}

interface SizeResult {
  readonly database: string;
  readonly minors: number;
  readonly placements: number;
  readonly interventions: number;
  readonly structures: number;
  readonly measures: Measure[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function parseArgs(argv: readonly string[]): { urls: string[] } {
  const i = argv.indexOf('--database-urls');
  const inline = argv.find((a) => a.startsWith('--database-urls='));
  const list = inline ? inline.split('=', 2)[1] : i >= 0 ? argv[i + 1] : undefined;
  const urls = (list ?? process.env.DATABASE_URL ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (!urls.length) throw new Error('Give the generated database(s): DATABASE_URL=... or --database-urls url1,url2 (fill them with npm run generate)');
  return { urls };
}

async function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ rows: number; total: number }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: Record<string, { rows: unknown[]; total: number } | null>; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; '));
  const report = body.data ? Object.values(body.data)[0] : null;
  if (!report) throw new Error(`HTTP ${res.status}: no data`);
  return { rows: report.rows.length, total: report.total };
}

/** Warm-up, then RUNS sequential requests cycling through the variable sets. */
async function measure(url: string, token: string, name: ReportName, label: string, variableSets: Record<string, unknown>[]): Promise<Measure> {
  try {
    for (let i = 0; i < WARMUP; i++) await post(url, token, QUERIES[name], variableSets[i % variableSets.length]);
    const times: number[] = [];
    let last = { rows: 0, total: 0 };
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      last = await post(url, token, QUERIES[name], variableSets[i % variableSets.length]);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { name, label, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], runs: times.length, rows: last.rows, total: last.total };
  } catch (err) {
    return { name, label, p50: NaN, p95: NaN, max: NaN, runs: 0, rows: 0, total: 0, error: (err as Error).message.slice(0, 160) };
  }
}

async function benchDatabase(adminUrl: string): Promise<SizeResult> {
  const base = await migratedConfig(adminUrl);
  const sql = new Client({ connectionString: adminUrl });
  await sql.connect();
  let facts: { minors: number; placements: number; interventions: number; structures: number; last: string; stockOnLast: number; openCasesOnLast: number };
  try {
    const r = await sql.query<Record<string, string>>(`SELECT (SELECT count(*) FROM sinba.minor) AS minors, (SELECT count(*) FROM asmi.placement) AS placements,
      (SELECT count(*) FROM sinba.intervention) AS interventions, (SELECT count(*) FROM asso.structure) AS structures,
      (SELECT max(admission_date)::text FROM asmi.placement) AS last`);
    const row = r.rows[0];
    // what the reports must total on the last date (cross-check of the answers timed); a case closed on a day is no longer open on it, as a discharge
    const check = await sql.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM asmi.placement WHERE admission_date <= $1::date AND (discharge_date IS NULL OR discharge_date > $1::date)) AS stock,
              (SELECT count(*) FROM sinba."case" WHERE start_date <= $1::date AND (end_date IS NULL OR end_date > $1::date)) AS cases`,
      [row.last],
    );
    facts = {
      minors: Number(row.minors),
      placements: Number(row.placements),
      interventions: Number(row.interventions),
      structures: Number(row.structures),
      last: row.last,
      stockOnLast: Number(check.rows[0].stock),
      openCasesOnLast: Number(check.rows[0].cases),
    };
  } finally {
    await sql.end();
  }
  if (!facts.placements || !facts.last) throw new Error(`${new URL(adminUrl).pathname.slice(1)} has no placements: fill it with npm run generate`);

  const hub = await startHubOnDatabase(base, adminUrl);
  try {
    const { url, analystToken: token } = hub;
    // Dates spread over the last two years of the history (every quarter end-ish), one year of flows ending on each.
    const dates = Array.from({ length: 6 }, (_, i) => addDays(facts.last, -i * 120));
    const stockVars = dates.map((on) => ({ on }));
    const flowVars = dates.flatMap((to) => (['ENTRIES', 'EXITS'] as const).map((direction) => ({ from: addDays(to, -364), to, direction })));
    const stockTotal = await post(url, token, QUERIES.placementStock, { on: facts.last }).then((r) => r.total, (err: Error) => err.message);
    const caseTotal = await post(url, token, QUERIES.caseStock, { on: facts.last }).then((r) => r.total, (err: Error) => err.message);
    console.log(`\n${new URL(adminUrl).pathname.slice(1)} on ${facts.last}: placementStock total ${stockTotal} (SQL: ${facts.stockOnLast} placements active), caseStock total ${caseTotal} (SQL: ${facts.openCasesOnLast} cases open)`);
    const measures = [
      await measure(url, token, 'placementStock', 'placementStock, 3 dimensions (AGE_BAND, SEX, STRUCTURE_TYPE), 6 dates', stockVars),
      await measure(url, token, 'placementFlows', 'placementFlows, one year, ENTRIES/EXITS by PROVINCE, PLACEMENT_KIND', flowVars),
      await measure(url, token, 'caseStock', 'caseStock, 2 dimensions (SERVICE, AGE_BAND), 6 dates', stockVars),
    ];
    return { database: new URL(adminUrl).pathname.slice(1), ...facts, measures };
  } finally {
    await hub.stop();
  }
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : `${v.toFixed(1)} ms`);

function printSize(r: SizeResult): void {
  console.log(`\n${r.database}: ${r.minors} minors, ${r.placements} placements, ${r.interventions} interventions, ${r.structures} structures; ${WARMUP} warm-up + ${RUNS} timed requests each, sequential`);
  console.log(`  ${'report'.padEnd(72)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}  rows  target`);
  for (const m of r.measures) {
    const target = TARGET_P95_MS[m.name];
    const verdict = m.error ? `ERROR: ${m.error}` : target ? `p95 < ${target} ms: ${m.p95 < target ? 'met' : 'NOT met'}` : '';
    console.log(`  ${m.label.padEnd(72)} ${ms(m.p50).padStart(10)} ${ms(m.p95).padStart(10)} ${ms(m.max).padStart(10)}  ${String(m.rows).padStart(4)}  ${verdict}`);
  }
}

function printGrowth(results: readonly SizeResult[]): void {
  const sorted = [...results].sort((a, b) => a.minors - b.minors);
  console.log('\nCost by size (p95 through the gateway):');
  console.log(`  ${'minors'.padStart(9)} ${'placements'.padStart(11)} ${'placementStock'.padStart(15)} ${'placementFlows'.padStart(15)} ${'caseStock'.padStart(12)}`);
  for (const r of sorted) {
    const p = (n: ReportName) => ms(r.measures.find((m) => m.name === n)?.p95 ?? NaN);
    console.log(`  ${String(r.minors).padStart(9)} ${String(r.placements).padStart(11)} ${p('placementStock').padStart(15)} ${p('placementFlows').padStart(15)} ${p('caseStock').padStart(12)}`);
  }
  if (sorted.length >= 2) {
    const [a, b] = [sorted[0], sorted[sorted.length - 1]];
    const ratio = (n: ReportName) => {
      const x = a.measures.find((m) => m.name === n)?.p95 ?? NaN;
      const y = b.measures.find((m) => m.name === n)?.p95 ?? NaN;
      return Number.isNaN(x / y) ? '—' : `x${(y / x).toFixed(2)}`;
    };
    console.log(`  growth for x${(b.minors / a.minors).toFixed(0)} minors: placementStock ${ratio('placementStock')}, placementFlows ${ratio('placementFlows')}, caseStock ${ratio('caseStock')}`);
  }
}

async function main(): Promise<void> {
  const { urls } = parseArgs(process.argv.slice(2));
  const results: SizeResult[] = [];
  for (const url of urls) {
    const r = await benchDatabase(url);
    printSize(r);
    results.push(r);
  }
  printGrowth(results);
  if (results.some((r) => r.measures.some((m) => m.error))) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`bench:reports: ${(err as Error).message}`);
  process.exit(1);
});
