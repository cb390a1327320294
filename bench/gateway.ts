/**
 * bench/gateway: the hub's gateway against the alternatives on the same
 * subgraphs and supergraph (issue 17 §6). `npm run bench:gateway` with
 * DATABASE_URL naming a generated region (`npm run generate -- --minors 20000`).
 *
 * The three subgraphs start once, each in its own process, on the database;
 * then four gateways, each in its own process (bench/support/gatewayProcess.ts):
 * the sirmi gateway with privacy on and off, a bare @apollo/gateway (JWT check
 * and internal token, nothing else) and Hive Gateway. They are loaded one at a
 * time, with autocannon at concurrency 20 and with a sequential client timing
 * each request at concurrency 1, in interleaved rounds (the order rotates each round,
 * so drifts of the machine's load fall on all), with varied requests: each
 * request asks another minor (its case holder's token) or another structure
 * (its operator's token), so no gateway can merge identical in-flight
 * requests. Prints per scenario the median over the rounds of throughput
 * and p50 latency, the ratios, the CPU time per request of each process
 * (gateway, subgraphs, PostgreSQL) and the load average.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sirmi_bench_20k npm run bench:gateway
 *   BENCH_SECONDS=10 BENCH_ROUNDS=6 BENCH_VARIANTS=sirmi,sirmi-noprivacy,apollo,hive npm run bench:gateway
 *   BENCH_BUILD=tsx  runs the hub's TypeScript under tsx instead of the compiled build (default: `npm run build`, then dist/)
 *   BENCH_SCENARIOS=history BENCH_CONCURRENCY=20  one scenario, one level of concurrency
 *   BENCH_CPU_PROF=/tmp/prof  also writes a --cpu-prof profile of the sirmi gateway (privacy on) into /tmp/prof/sirmi;
 *   BENCH_CPU_PROF_VARIANTS=sirmi,sirmi-noprivacy  of those gateways (one folder each)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { withDatabase, type HubConfig } from '@shared/config';
import { signDevToken } from '../infra/token';
import { freePorts } from '../test/support/ports';
import { migratedConfig } from './support/hubOnDatabase';
import { cpuMsOf, postgresCpuBetween, postgresCpuMs } from './support/cpu';
import { BENCH_BUILD, buildIfCompiled } from './support/hubCode';

const ROOT = path.resolve(__dirname, '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'sirmi,sirmi-noprivacy,apollo,hive').split(',');

const HISTORY = `query History($id: ID!) { minor(id: $id) { id firstName lastName birthDate
  cases { serviceId startDate endDate } interventions { type startDate }
  placements { admissionDate dischargeDate kind structure { name status } } } }`;
const GUESTS = `query Guests($code: ID!, $on: Date) { structure(code: $code) { code name
  placements(activeOn: $on) { admissionDate kind minor { id firstName lastName birthDate } } } }`;

interface Item {
  body: string;
  token: string;
}

function env(config: HubConfig, extra: Record<string, string>): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    QUALITY_SCHEDULE: config.qualitySchedule ? 'on' : 'off', // as bench/support/hubOnDatabase.ts: no background rewrite while timing
    DATABASE_URL: config.database.adminUrl ?? '',
    SINBA_URL: config.subgraphUrls.sinba,
    ASSO_URL: config.subgraphUrls.asso,
    ASMI_URL: config.subgraphUrls.asmi,
    ...extra,
  };
}

function start(entry: string, args: string[], e: Record<string, string>, nodeArgs: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...nodeArgs, '--require', 'tsx/cjs', path.join(ROOT, entry), ...args], { cwd: ROOT, env: e, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`${entry} ${args.join(' ')} exited with ${code}`)));
  });
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} never answered`);
}

/**
 * Concurrency 1: one request after the other on one keep-alive connection,
 * each timed with performance.now(). autocannon's latency histogram counts
 * whole milliseconds, too coarse for a 10 % target on requests of about 10 ms.
 */
async function sequential(url: string, items: readonly Item[], seconds: number): Promise<{ rps: number; p50: number; errors: number; total: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const target = new URL(url);
  const times: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const item = items[i % items.length];
    const started = performance.now();
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(item.body), authorization: `Bearer ${item.token}` } },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(item.body);
    });
    times.push(performance.now() - started);
    if (status !== 200) errors++;
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  return { rps: times.length / seconds, p50: times[Math.floor((times.length - 1) / 2)], errors, total: times.length };
}

async function run(url: string, items: readonly Item[], connections: number, seconds: number): Promise<{ rps: number; p50: number; errors: number; total: number }> {
  if (connections === 1) return sequential(url, items, seconds);
  let i = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const item = items[i++ % items.length];
          return { ...req, headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` }, body: item.body };
        },
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, errors: result.errors + result.non2xx + result.timeouts, total: result.requests.total };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL must name a generated database (npm run generate -- --minors 20000)');
  // What production runs (npm run build): the gateways load the hub's compiled code, the subgraphs run from dist/.
  buildIfCompiled();
  const base = await migratedConfig(adminUrl);
  const [sinba, asso, asmi, ...gatewayPorts] = await freePorts(3 + VARIANTS.length);
  const local = (p: number) => `http://127.0.0.1:${p}/graphql`;
  const config: HubConfig = { ...withDatabase(base, adminUrl), ports: { sinba, asso, asmi }, subgraphUrls: { sinba: local(sinba), asso: local(asso), asmi: local(asmi) } };
  const sign = (args: Parameters<typeof signDevToken>[0]) => signDevToken(args, config.jwt.secret, { issuer: config.jwt.issuer, audience: config.jwt.audience });

  const sql = new Client({ connectionString: adminUrl });
  await sql.connect();
  const today = new Date().toISOString().slice(0, 10);
  const minors = (
    await sql.query<{ minor_id: string; service_id: string }>(
      `SELECT c.minor_id, c.service_id FROM sinba."case" c WHERE c.end_date IS NULL AND EXISTS (SELECT 1 FROM asmi.placement p WHERE p.minor_id = c.minor_id)
        ORDER BY md5(c.minor_id::text) LIMIT 300`,
    )
  ).rows;
  const structures = (
    await sql.query<{ code: string; n: string }>(
      `SELECT structure_code AS code, count(*) AS n FROM asmi.placement WHERE admission_date <= $1 AND (discharge_date IS NULL OR discharge_date > $1)
        GROUP BY 1 HAVING count(*) >= 3 ORDER BY md5(structure_code) LIMIT 100`,
      [today],
    )
  ).rows;
  const counts = (await sql.query<Record<string, string>>('SELECT (SELECT count(*) FROM sinba.minor) AS minors, (SELECT count(*) FROM asmi.placement) AS placements')).rows[0];
  await sql.end();
  const scenarios: { name: string; items: Item[] }[] = [
    { name: 'history', items: minors.map((m, i) => ({ body: JSON.stringify({ query: HISTORY, variables: { id: m.minor_id } }), token: sign({ role: 'SOCIAL_WORKER', sub: `bench-sw-${i}`, service: m.service_id }) })) },
    { name: 'guests', items: structures.map((s, i) => ({ body: JSON.stringify({ query: GUESTS, variables: { code: s.code, on: today } }), token: sign({ role: 'STRUCTURE_OPERATOR', sub: `bench-op-${i}`, structure: s.code }) })) },
  ];

  const only = process.env.BENCH_SCENARIOS?.split(',');
  if (only) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => only.includes(s.name)));
  const levels = (process.env.BENCH_CONCURRENCY ?? '20,1').split(',').map(Number);
  const children: ChildProcess[] = [];
  /** The processes whose CPU time is counted per request: the gateway under load, the three subgraphs, PostgreSQL. */
  const subgraphPids: Record<string, number | undefined> = {};
  const gatewayPids: Record<string, number | undefined> = {};
  const cpuSnapshot = (v: string): Record<string, number> => ({
    gateway: cpuMsOf(gatewayPids[v]),
    sinba: cpuMsOf(subgraphPids.sinba),
    asso: cpuMsOf(subgraphPids.asso),
    asmi: cpuMsOf(subgraphPids.asmi),
  });
  try {
    for (const [m, port] of [['sinba', sinba], ['asso', asso], ['asmi', asmi]] as const) {
      const entry = BENCH_BUILD === 'dist' ? [path.join(ROOT, 'dist', 'subgraphs', m, 'src', 'index.js')] : ['--require', 'tsx/cjs', path.join(ROOT, 'subgraphs', m, 'src', 'index.ts')];
      const child = spawn(process.execPath, entry, { cwd: ROOT, env: env(config, { [`${m.toUpperCase()}_PORT`]: String(port) }), stdio: 'ignore' });
      children.push(child);
      subgraphPids[m] = child.pid;
      await waitHealthy(`http://127.0.0.1:${port}/health`);
    }
    const gateways: Record<string, string> = {};
    for (const [i, v] of VARIANTS.entries()) {
      const profiled = (process.env.BENCH_CPU_PROF_VARIANTS ?? 'sirmi').split(',');
      const prof = process.env.BENCH_CPU_PROF && profiled.includes(v) ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/${v}`] : [];
      const { child, url } = await start('bench/support/gatewayProcess.ts', [v], env(config, { PORT: String(gatewayPorts[i]) }), prof);
      children.push(child);
      gatewayPids[v] = child.pid;
      gateways[v] = url;
    }
    // Every gateway answers every request of the scenario without errors before it is timed.
    for (const s of scenarios) {
      for (const v of VARIANTS) {
        for (const item of s.items.slice(0, 5)) {
          const res = await fetch(gateways[v], { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` }, body: item.body });
          const text = await res.text();
          if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${v} ${s.name}: ${text.slice(0, 300)}`);
        }
      }
    }
    console.log(`bench:gateway — ${counts.minors} minors, ${counts.placements} placements; ${s2(scenarios)}; ${ROUNDS} interleaved rounds of ${SECONDS} s per gateway; ${os.cpus().length} cores; hub code: ${BENCH_BUILD === 'dist' ? 'compiled (dist/)' : 'TypeScript under tsx'}`);
    console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const s of scenarios) {
      for (const connections of levels) {
        const rps: Record<string, number[]> = Object.fromEntries(VARIANTS.map((v) => [v, []]));
        const p50: Record<string, number[]> = Object.fromEntries(VARIANTS.map((v) => [v, []]));
        let errors = 0;
        const cpu: Record<string, Record<string, number>> = Object.fromEntries(VARIANTS.map((v) => [v, {}]));
        const requests: Record<string, number> = Object.fromEntries(VARIANTS.map((v) => [v, 0]));
        for (const v of VARIANTS) await run(gateways[v], s.items, connections, 2); // warm-up
        for (let round = 0; round < ROUNDS; round++) {
          const order = VARIANTS.map((_, k) => VARIANTS[(k + round) % VARIANTS.length]);
          for (const v of order) {
            const before = cpuSnapshot(v);
            const pgBefore = postgresCpuMs();
            const r = await run(gateways[v], s.items, connections, SECONDS);
            const after = cpuSnapshot(v);
            for (const k of Object.keys(after)) cpu[v][k] = (cpu[v][k] ?? 0) + after[k] - before[k];
            cpu[v].postgres = (cpu[v].postgres ?? 0) + postgresCpuBetween(pgBefore, postgresCpuMs());
            requests[v] += r.total;
            rps[v].push(r.rps);
            p50[v].push(r.p50);
            errors += r.errors;
          }
        }
        const m = (v: string) => ({ rps: median(rps[v]), p50: median(p50[v]) });
        console.log(`\n${s.name}, concurrency ${connections}${errors ? ` (${errors} errors!)` : ''}; load average ${os.loadavg()[0].toFixed(2)}`);
        const processes = ['gateway', 'sinba', 'asso', 'asmi', 'postgres'];
        console.log(`  ${'gateway'.padEnd(16)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)}   CPU ms per request: ${processes.map((p) => p.padStart(8)).join(' ')}    total`);
        for (const v of VARIANTS) {
          const per = (k: string) => (requests[v] > 0 ? (cpu[v][k] ?? 0) / requests[v] : 0);
          const total = processes.reduce((t, k) => t + per(k), 0);
          console.log(`  ${v.padEnd(16)} ${m(v).rps.toFixed(0).padStart(8)} ${m(v).p50.toFixed(2).padStart(8)}                       ${processes.map((k) => per(k).toFixed(2).padStart(8)).join(' ')} ${total.toFixed(2).padStart(8)}`);
        }
        const ratio = (a: string, b: string) => (gateways[a] && gateways[b] ? `${(m(a).rps / m(b).rps).toFixed(2)}× throughput, p50 ${(m(a).p50 / m(b).p50).toFixed(2)}` : '—');
        console.log(`  privacy on / off             : ${ratio('sirmi', 'sirmi-noprivacy')}   (targets: throughput ≥ 0.90× at 20, p50 ≤ 1.10 at 1)`);
        console.log(`  sirmi / bare @apollo/gateway : ${ratio('sirmi', 'apollo')}   (target ≥ 1.0×)`);
        console.log(`  sirmi / Hive Gateway         : ${ratio('sirmi', 'hive')}   (target ≥ 1.0×)`);
      }
    }
    console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  } finally {
    for (const c of children) c.kill('SIGINT');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  }
}

function s2(scenarios: { name: string; items: Item[] }[]): string {
  return scenarios.map((s) => `${s.name}: ${s.items.length} distinct requests`).join(', ');
}

main().catch((err) => {
  console.error(`bench:gateway: ${(err as Error).message}`);
  process.exit(1);
});
