/**
 * bench/accessLog: `accessLog(minorId, from, to, first, after)` (docs/privacy.md
 * §7) through the gateway on an audit trail of 1,000,000 entries, 11,000 of
 * them for one minor spread evenly through the trail (issue 17 §4).
 *
 * Works on a database of its own (default `sirmi_bench_audit`, next to the one
 * DATABASE_URL names; created if missing, migrated with the project's
 * migrations). The trail is filled with INSERT ... SELECT FROM generate_series
 * in batches of 100,000, through the chain trigger (audit.chain_entry: seq,
 * time and hash of every row are set by the database, as for the gateway's own
 * entries), so the filled trail is a valid chain; it is verified once after
 * the fill (BENCH_VERIFY=1 verifies a reused trail too). A trail already
 * holding the 1,000,000 bench entries is reused; a partial one is completed.
 *
 * Then starts the hub in-process and times, as the PRIVACY_OFFICER, over
 * BENCH_RUNS (30) sequential runs after 3 warm-up ones:
 *   - the first page (default size, 100 entries);
 *   - a middle page (from the cursor of the 5,500th entry);
 *   - a page within a from/to window (the middle fifth of the minor's entries);
 *   - paging through all 11,000 entries with the default size (111 requests:
 *     each request, and the whole walk) and with first: 1000 (12 requests);
 * and prints EXPLAIN (ANALYZE, BUFFERS) of the SQL of AuditStore.accessLog
 * for the first page, a later page and the window.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:access-log
 *   BENCH_AUDIT_DATABASE=sirmi_bench_audit BENCH_RUNS=30 BENCH_VERIFY=1 npm run bench:access-log
 */
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { signDevToken } from '@shared/auth';
import { ACCESS_LOG_PAGE_SQL } from '../gateway/audit/auditStore';
import { verifyChain } from '../gateway/audit/chain';
import { migratedConfig, startHubOnDatabase } from './support/hubOnDatabase';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 3;
const TOTAL = 1_000_000;
const BATCH = 100_000;
/** Every 90th entry of the first 990,000 is the bench minor's: 11,000 entries spread through the trail. */
const EVERY = 90;
const MINOR_ENTRIES = 11_000;
const MINOR = '00000000-0000-4000-8000-0000000b0001';
const FILL_SUBJECT = 'bench-access-log';

const LOG = `query L($id: ID!, $from: String, $to: String, $first: Int, $after: String) {
  accessLog(minorId: $id, from: $from, to: $to, first: $first, after: $after) { at subject role operationName action outcome cursor dataClasses deniedClasses } }`;

type Entry = { at: string; cursor: string };

async function post(url: string, token: string, variables: Record<string, unknown>): Promise<Entry[]> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: LOG, variables }) });
  const body = (await res.json()) as { data?: { accessLog: Entry[] | null }; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`.trim()).join('; '));
  if (!body.data?.accessLog) throw new Error(`HTTP ${res.status}: no data`);
  return body.data.accessLog;
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => (xs.length ? sorted(xs)[Math.max(0, Math.ceil(xs.length * p) - 1)] : NaN);
const fmt = (v: number) => (Number.isNaN(v) ? '—' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

function databaseUrl(): string {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(base);
  u.pathname = `/${process.env.BENCH_AUDIT_DATABASE ?? 'sirmi_bench_audit'}`;
  return u.toString();
}

async function ensureDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const c = new Client({ connectionString: server.toString() });
  await c.connect();
  try {
    const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`created database ${name}`);
    }
  } finally {
    await c.end();
  }
}

/** Fill the trail up to TOTAL bench entries, through the chain trigger, in batches (resumes a partial fill). */
async function fill(url: string): Promise<boolean> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const have = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM audit.access_log WHERE subject = $1', [FILL_SUBJECT])).rows[0].n);
    if (have >= TOTAL) {
      console.log(`trail already holds ${have.toLocaleString('en')} bench entries: reused`);
      return false;
    }
    console.log(`filling audit.access_log from entry ${(have + 1).toLocaleString('en')} to ${TOTAL.toLocaleString('en')} through the chain trigger, ${BATCH.toLocaleString('en')} per statement`);
    const t0 = performance.now();
    for (let from = have + 1; from <= TOTAL; from += BATCH) {
      const to = Math.min(TOTAL, from + BATCH - 1);
      const t = performance.now();
      // g: the entry's number in the bench trail. The bench minor's entries are every EVERY-th of the first
      // EVERY * MINOR_ENTRIES; the others go to 20,000 other minors. Time, seq and hashes: the trigger.
      await c.query(
        `INSERT INTO audit.access_log (subject, role, organisation, operation_name, operation_hash, minor_id, classes_returned, classes_denied, action, request_id, outcome)
         SELECT $1, r.role, r.org, 'Bench' || (g % 7), md5(g::text),
                CASE WHEN g % $4 = 0 AND g <= $4 * $5 THEN $6::uuid
                     ELSE ('00000000-0000-4000-8000-' || lpad((1000000 + g % 20011)::text, 12, '0'))::uuid END,
                '{IDENTITY,CASE}'::text[], CASE WHEN g % 3 = 0 THEN '{HEALTH}'::text[] ELSE '{}'::text[] END,
                CASE WHEN g % 10 = 0 THEN 'WRITE' ELSE 'READ' END, 'bench-' || g, CASE WHEN g % 10 = 0 THEN 'ACCEPTED' END
           FROM generate_series($2::bigint, $3::bigint) g
           CROSS JOIN LATERAL (SELECT CASE WHEN g % 4 = 0 THEN 'STRUCTURE_OPERATOR' ELSE 'SOCIAL_WORKER' END AS role,
                                      CASE WHEN g % 4 = 0 THEN 'STR-' || (g % 1500) ELSE 'SVC-' || (g % 60) END AS org) r`,
        [FILL_SUBJECT, from, to, EVERY, MINOR_ENTRIES, MINOR],
      );
      console.log(`  entries ${from.toLocaleString('en')}–${to.toLocaleString('en')}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    console.log(`filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const ta = performance.now();
    await c.query('VACUUM ANALYZE audit.access_log');
    console.log(`VACUUM ANALYZE in ${((performance.now() - ta) / 1000).toFixed(1)} s`);
    return true;
  } finally {
    await c.end();
  }
}

async function verify(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const t = performance.now();
    const v = await verifyChain(pool, null, null);
    console.log(`chain verified: ok=${v.ok}, ${v.entriesChecked.toLocaleString('en')} entries, ${((performance.now() - t) / 1000).toFixed(1)} s${v.ok ? '' : `, first broken seq ${v.firstBrokenSeq}`}`);
    if (!v.ok) throw new Error('the filled trail does not verify');
  } finally {
    await pool.end();
  }
}

async function explain(url: string, label: string, params: unknown[]): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    // A prepared statement with its parameters, as pg sends AuditStore.accessLog's (custom plan for these values).
    await c.query(`PREPARE access_log_page(uuid, timestamptz, timestamptz, bigint, bigint) AS ${ACCESS_LOG_PAGE_SQL}`);
    // EXECUTE takes its parameters as literals (no bind parameters in a utility statement).
    const literals = params.map((p) => (p === null ? 'NULL' : typeof p === 'number' ? String(p) : c.escapeLiteral(String(p))));
    const plan = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE access_log_page(${literals.join(', ')})`);
    console.log(`\nEXPLAIN (ANALYZE, BUFFERS), ${label}:`);
    for (const r of plan.rows) console.log(`  ${r['QUERY PLAN']}`);
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const url = databaseUrl();
  await ensureDatabase(url);
  const base = await migratedConfig(url);
  const filled = await fill(url);
  if (filled || process.env.BENCH_VERIFY === '1') await verify(url);

  const meta = new Client({ connectionString: url });
  await meta.connect();
  const total = Number((await meta.query<{ n: string }>('SELECT count(*) AS n FROM audit.access_log')).rows[0].n);
  const seqs = (await meta.query<{ at: string; seq: string }>(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, seq::text AS seq FROM audit.access_log WHERE minor_id = $1 ORDER BY access_log.seq`, [MINOR])).rows;
  await meta.end();
  if (seqs.length !== MINOR_ENTRIES) throw new Error(`the bench minor has ${seqs.length} entries, expected ${MINOR_ENTRIES}`);
  const middleAfter = `seq:${seqs[5499].seq}`;
  const windowFrom = seqs[4400].at;
  const windowTo = seqs[6599].at;
  console.log(`\n${new URL(url).pathname.slice(1)}: ${total.toLocaleString('en')} entries in the trail, ${seqs.length.toLocaleString('en')} of minor ${MINOR} (seq ${seqs[0].seq}–${seqs[seqs.length - 1].seq}); ${RUNS} timed runs after ${WARMUP} warm-up`);

  const hub = await startHubOnDatabase(base, url);
  try {
    const token = signDevToken({ role: 'PRIVACY_OFFICER', sub: 'bench-dpo' }, base.jwt.secret, { issuer: base.jwt.issuer, audience: base.jwt.audience });
    const req = (v: Record<string, unknown>) => post(hub.url, token, { id: MINOR, ...v });
    const lines = new Map<string, { ms: number[]; note: string }>();
    const record = (label: string, ms: number, note = '') => {
      const l = lines.get(label) ?? { ms: [], note };
      l.ms.push(ms);
      if (note) l.note = note;
      lines.set(label, l);
    };
    for (let run = 0; run < WARMUP + RUNS; run++) {
      const keep = run >= WARMUP;
      const first = await timed(() => req({}));
      if (first.value.length !== 100) throw new Error(`first page: ${first.value.length} entries`);
      const middle = await timed(() => req({ after: middleAfter }));
      if (middle.value.length !== 100 || middle.value[0].cursor !== `seq:${seqs[5500].seq}`) throw new Error('middle page: not the 5,501st entry');
      const windowed = await timed(() => req({ from: windowFrom, to: windowTo }));
      if (windowed.value.length !== 100 || windowed.value[0].cursor !== `seq:${seqs[4400].seq}`) throw new Error('window page: not the first entry of the window');
      if (keep) {
        record('first page (default size 100)', first.ms);
        record('middle page (after the 5,500th entry)', middle.ms);
        record('page within from/to (entries 4,401–6,600)', windowed.ms);
      }
      for (const size of [100, 1000]) {
        let after: string | null = null;
        let n = 0;
        let requests = 0;
        const pages: number[] = [];
        const walk = await timed(async () => {
          for (;;) {
            const page: { ms: number; value: Entry[] } = await timed(() => req({ first: size, after }));
            pages.push(page.ms);
            requests++;
            n += page.value.length;
            if (page.value.length < size) break;
            after = page.value[page.value.length - 1].cursor;
          }
        });
        if (n !== MINOR_ENTRIES) throw new Error(`walk of ${size}: ${n} entries`);
        if (keep) {
          for (const ms of pages) record(`walk, each page of ${size}`, ms, `${requests} requests per walk`);
          record(`walk of all 11,000 entries, ${size} per page (whole)`, walk.ms, `${requests} requests`);
        }
      }
    }
    console.log(`\n  ${'request'.padEnd(54)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  n`);
    for (const [label, { ms, note }] of lines) console.log(`  ${label.padEnd(54)} ${fmt(pct(ms, 0.5)).padStart(8)} ${fmt(pct(ms, 0.95)).padStart(8)} ${fmt(Math.max(...ms)).padStart(8)}  ${ms.length}${note ? `  (${note})` : ''}`);
  } finally {
    await hub.stop();
  }

  await explain(url, 'first page', [MINOR, null, null, 100, null]);
  await explain(url, 'later page (after the 5,500th entry)', [MINOR, null, null, 100, seqs[5499].seq]);
  await explain(url, 'last page (after the 10,900th entry)', [MINOR, null, null, 100, seqs[10899].seq]);
  await explain(url, 'from/to window (first page of it)', [MINOR, windowFrom, windowTo, 100, null]);
}

main().catch((err) => {
  console.error(`bench:access-log: ${(err as Error).message}`);
  process.exit(1);
});
