/**
 * bench/privacy-overhead: the cross-module minor-history query of a case
 * holder through the gateway with the privacy engine on and off, in one run,
 * on loopback. Prints p50/p95 latency and throughput of each and their ratio.
 * Target (issue "privacy engine"): enforcement costs at most 20% at p50.
 *
 *   npm run bench:privacy            (DATABASE_URL or an embedded PostgreSQL)
 *   BENCH_SECONDS=5 BENCH_ROUNDS=4 BENCH_CONCURRENCY=8 npm run bench:privacy
 */
import { performance } from 'node:perf_hooks';
import { createLogger } from '@shared/logging';
import { startGateway } from '../gateway/server';
import { startEmbeddedDatabase } from '../infra/db/embedded';
import { startTestHub } from '../test/support/startHub';
import { freePort } from '../test/support/ports';
import { registerActiveStructure, registerMinorWithCase, expectNoErrors, firstCode, requestPlacement } from '../test/support/fixtures';
import { addDays } from '@shared/time';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const MUTATIONS = Number(process.env.BENCH_MUTATIONS ?? 200);
const HISTORY = `query History($id: ID!) { minor(id: $id) { id firstName lastName fiscalCode birthDate
  cases { serviceId startDate endDate } interventions { type startDate }
  placements { admissionDate dischargeDate kind structure { name status } } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function load(url: string, token: string, body: string, latencies: number[] = []): Promise<{ p50: number; p95: number; rps: number; n: number }> {
  const until = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      const text = await res.text();
      if (res.status !== 200 || text.includes('"errors"')) throw new Error(`unexpected response: ${text.slice(0, 200)}`);
      latencies.push(performance.now() - t);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: latencies.length / elapsed, n: latencies.length };
}

/** Rounds alternate on and off, so drifts in machine load fall on both. */
async function compare(on: string, off: string, token: string, body: string) {
  const lat = { on: [] as number[], off: [] as number[] };
  let seconds = { on: 0, off: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const t0 = performance.now();
      await load(mode === 'on' ? on : off, token, body, lat[mode]);
      seconds = { ...seconds, [mode]: seconds[mode] + (performance.now() - t0) / 1000 };
    }
  }
  const summary = (mode: 'on' | 'off') => {
    const sorted = [...lat[mode]].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), rps: sorted.length / seconds[mode], n: sorted.length };
  };
  return { on: summary('on'), off: summary('off') };
}

async function main(): Promise<void> {
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedDatabase({ dir: `${process.cwd()}/.data/bench-postgres`, port: 54392 });
  if (embedded) process.env.SIRMI_TEST_DATABASE_URL = embedded.adminUrl;
  const hub = await startTestHub();
  try {
    await registerActiveStructure(hub, 'BENCH-1', { capacity: 50 });
    const { minorId, caseId } = await registerMinorWithCase(hub, 'S-BENCH');
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op', structure: 'BENCH-1' });
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw', service: 'S-BENCH' });
    const type = await firstCode(hub, 'INTERVENTION_TYPE', (c) => c.group === '3.9.8');
    let date = '2022-01-01';
    for (let i = 0; i < 5; i++) {
      const a = await hub.gql<{ admitMinor: { id: string } }>(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId, structureCode: 'BENCH-1', admissionDate: date, kind: 'ORDINARY', requestId: await requestPlacement(hub, 'S-BENCH', minorId, 'BENCH-1') } });
      expectNoErrors(a);
      if (i < 4) expectNoErrors(await hub.gql(so, 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }', { input: { placementId: a.data!.admitMinor.id, dischargeDate: addDays(date, 30), dischargeOutcome: 'RETURN_TO_FAMILY' } }));
      date = addDays(date, 60);
      expectNoErrors(await hub.gql(sw, 'mutation($input: AddInterventionInput!) { addIntervention(input: $input) { id } }', { input: { caseId, type, startDate: addDays('2021-06-01', i) } }));
    }
    const logger = createLogger('bench', 'silent');
    const plain = await startGateway({ ...hub.config, gatewayPort: await freePort() }, logger, { unsafeWithoutPrivacyForBenchmark: true });
    const body = JSON.stringify({ query: HISTORY, variables: { id: minorId } });
    try {
      // Warm-up, then alternating rounds.
      await load(hub.url, sw, body);
      await load(plain.url, sw, body);
      const { on, off } = await compare(hub.url, plain.url, sw, body);
      const fmt = (r: typeof on) => `p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  ${r.rps.toFixed(0)} req/s  (${r.n} requests)`;
      console.log(`privacy-overhead: ${ROUNDS} alternating rounds of ${SECONDS}s per mode, ${CONCURRENCY} concurrent clients, history query (5 placements, 5 interventions)`);
      console.log(`  enforcement on : ${fmt(on)}`);
      console.log(`  enforcement off: ${fmt(off)}`);
      console.log(`  ratio on/off   : p50 ${(on.p50 / off.p50).toFixed(3)}  p95 ${(on.p95 / off.p95).toFixed(3)}  throughput ${(on.rps / off.rps).toFixed(3)}`);
      console.log(`  target         : p50 ratio <= 1.20 -> ${on.p50 / off.p50 <= 1.2 ? 'met' : 'NOT met'}`);
      // One audited mutation (docs/privacy.md §7): the audit-store check before it runs and the chained WRITE entry after it.
      const write = JSON.stringify({ query: 'mutation Bench($input: HealthDataInput!) { recordHealthData(input: $input) { __typename } }', variables: { input: { minorId, law104: true } } });
      const sequential = async (url: string) => {
        const lat: number[] = [];
        for (let i = 0; i < MUTATIONS; i++) {
          const t = performance.now();
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${sw}` }, body: write });
          const text = await res.text();
          if (res.status !== 200 || text.includes('"errors"')) throw new Error(`unexpected response: ${text.slice(0, 200)}`);
          lat.push(performance.now() - t);
        }
        return percentile(lat.sort((a, b) => a - b), 50);
      };
      await sequential(hub.url);
      const mOn = await sequential(hub.url);
      const mOff = await sequential(plain.url);
      console.log(`  audited mutation (recordHealthData { __typename }, one client, ${MUTATIONS} each): p50 on ${mOn.toFixed(2)} ms, off ${mOff.toFixed(2)} ms, audit cost ${(mOn - mOff).toFixed(2)} ms`);
    } finally {
      await plain.stop();
    }
  } finally {
    await hub.stop();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
