/**
 * bench/overhead: the sirmi gateway's latency against the subgraph calls it
 * makes (issue 17 §3, target p50 ≤ 1.3). `npm run bench:overhead` with
 * DATABASE_URL naming a generated region.
 *
 * The subgraphs and two sirmi gateways (privacy on) run in this process. The
 * first gateway reaches the subgraphs through a recording proxy: for each
 * request it records every subgraph call of the query plan and of the
 * privacy engine (relationship lookups), with their exact bodies and
 * internal tokens. Those calls are then replayed directly to the subgraphs,
 * one after the other, and their latencies summed; the same request is sent
 * to the second gateway (no proxy) and timed. Sequential requests, so
 * nothing competes. Prints p50 and p95 of both and the ratio per query.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sirmi_bench_20k npm run bench:overhead
 *   BENCH_REQUESTS=200 npm run bench:overhead
 *   BENCH_BUILD=tsx  the hub's sources under tsx instead of the compiled build (default: `npm run build`, then dist/)
 */
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { withDatabase, type HubConfig, type ModuleName } from '@shared/config';
import { createLogger } from '@shared/logging';
import { signDevToken } from '../infra/token';
import { BENCH_BUILD, buildIfCompiled, hubCode } from './support/hubCode';
import { freePorts } from '../test/support/ports';
import { migratedConfig } from './support/hubOnDatabase';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 150);
const HISTORY = `query History($id: ID!) { minor(id: $id) { id firstName lastName birthDate
  cases { serviceId startDate endDate } interventions { type startDate }
  placements { admissionDate dischargeDate kind structure { name status } } } }`;
const GUESTS = `query Guests($code: ID!, $on: Date) { structure(code: $code) { code name
  placements(activeOn: $on) { admissionDate kind minor { id firstName lastName birthDate } } } }`;

interface Call {
  target: string;
  headers: Record<string, string>;
  body: string;
}

/** A proxy in front of one subgraph that records each call into `sink.calls`. */
async function recordingProxy(target: string, sink: { calls: Call[] }): Promise<{ url: string; close: () => Promise<void> }> {
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k)) headers[k] = v;
      sink.calls.push({ target, headers, body });
      const up = http.request(target, { method: req.method, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, agent }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.destroy());
      up.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, close: () => new Promise((r) => server.close(() => r())) };
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body });
  const text = await res.text();
  if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${url}: ${text.slice(0, 200)}`);
  return performance.now() - t;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL must name a generated database (npm run generate -- --minors 20000)');
  buildIfCompiled();
  const { startGateway, startSinba, startAsso, startAsmi } = await hubCode();
  const base = await migratedConfig(adminUrl);
  const [sinba, asso, asmi, gw1, gw2] = await freePorts(5);
  const local = (p: number) => `http://127.0.0.1:${p}/graphql`;
  const direct = { sinba: local(sinba), asso: local(asso), asmi: local(asmi) };
  const config: HubConfig = { ...withDatabase(base, adminUrl), ports: { sinba, asso, asmi }, subgraphUrls: direct };
  const logger = createLogger('bench', 'silent');
  const modules = [await startSinba(config, logger), await startAsso(config, logger), await startAsmi(config, logger)];
  const sink = { calls: [] as Call[] };
  const proxies = await Promise.all((['sinba', 'asso', 'asmi'] as ModuleName[]).map((m) => recordingProxy(direct[m], sink)));
  const proxied = { sinba: proxies[0].url, asso: proxies[1].url, asmi: proxies[2].url };
  const recorder = await startGateway({ ...config, gatewayPort: gw1, subgraphUrls: proxied }, logger);
  const clean = await startGateway({ ...config, gatewayPort: gw2 }, logger);
  const sign = (args: Parameters<typeof signDevToken>[0]) => signDevToken(args, config.jwt.secret, { issuer: config.jwt.issuer, audience: config.jwt.audience });
  const sql = new Client({ connectionString: adminUrl });
  await sql.connect();
  const today = new Date().toISOString().slice(0, 10);
  const minors = (await sql.query<{ minor_id: string; service_id: string }>(`SELECT c.minor_id, c.service_id FROM sinba."case" c WHERE c.end_date IS NULL AND EXISTS (SELECT 1 FROM asmi.placement p WHERE p.minor_id = c.minor_id) ORDER BY md5(c.minor_id::text) LIMIT $1`, [REQUESTS])).rows;
  const structures = (await sql.query<{ code: string }>(`SELECT structure_code AS code FROM asmi.placement WHERE admission_date <= $1 AND (discharge_date IS NULL OR discharge_date > $1) GROUP BY 1 HAVING count(*) >= 3 ORDER BY md5(structure_code) LIMIT $2`, [today, REQUESTS])).rows;
  await sql.end();
  try {
    console.log(`bench:overhead — sequential requests, privacy on; hub code: ${BENCH_BUILD === 'dist' ? 'compiled (dist/)' : 'TypeScript under tsx'}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const [name, items] of [
      ['history', minors.map((m, i) => ({ body: JSON.stringify({ query: HISTORY, variables: { id: m.minor_id } }), token: sign({ role: 'SOCIAL_WORKER', sub: `ov-sw-${i}`, service: m.service_id }) }))],
      ['guests', structures.map((s, i) => ({ body: JSON.stringify({ query: GUESTS, variables: { code: s.code, on: today } }), token: sign({ role: 'STRUCTURE_OPERATOR', sub: `ov-op-${i}`, structure: s.code }) }))],
    ] as const) {
      const gateway: number[] = [];
      const sums: number[] = [];
      const callsPerRequest: number[] = [];
      for (const [i, item] of [...items, ...items.slice(0, 10)].entries()) {
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${item.token}` };
        sink.calls = [];
        await post(recorder.url, headers, item.body);
        const calls = sink.calls;
        let sum = 0;
        for (const c of calls) sum += await post(c.target, c.headers, c.body);
        const g = await post(clean.url, headers, item.body);
        if (i < 10) continue; // warm-up
        gateway.push(g);
        sums.push(sum);
        callsPerRequest.push(calls.length);
      }
      console.log(`\n${name}: ${gateway.length} requests, ${pct(callsPerRequest, 50)} subgraph calls each (median)`);
      console.log(`  gateway latency        p50 ${pct(gateway, 50).toFixed(1)} ms  p95 ${pct(gateway, 95).toFixed(1)} ms`);
      console.log(`  sum of subgraph calls  p50 ${pct(sums, 50).toFixed(1)} ms  p95 ${pct(sums, 95).toFixed(1)} ms`);
      console.log(`  ratio (p50)            ${(pct(gateway, 50) / pct(sums, 50)).toFixed(2)}   (target ≤ 1.3)`);
    }
  } finally {
    await recorder.stop();
    await clean.stop();
    for (const p of proxies) await p.close();
    for (const m of modules) await m.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench:overhead: ${(err as Error).message}`);
    process.exit(1);
  },
);
