/**
 * bench/load: a bounded mixed load through the gateway — admissions,
 * discharges, minor-history reads and reports — from CONCURRENCY clients for
 * SECONDS, then the invariants checked in the database. Prints throughput,
 * p50/p95/p99 per kind, errors by code, and exits 1 if an invariant fails:
 * no structure over capacity (ordinary + emergency places) on any day, no
 * overlapping placements of a minor, every acknowledged admission stored
 * once and every acknowledged discharge stored.
 *
 *   npm run bench:load               (DATABASE_URL or an embedded PostgreSQL)
 *   BENCH_SECONDS=30 BENCH_CONCURRENCY=40 npm run bench:load
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../infra/db/embedded';
import { startTestHub, type TestHub } from '../test/support/startHub';
import { freePort } from '../test/support/ports';
import { firstCode, registerActiveStructure, registerMinorWithCase } from '../test/support/fixtures';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const STRUCTURES = Number(process.env.BENCH_STRUCTURES ?? 6);
const MINORS = Number(process.env.BENCH_MINORS ?? 60);
const SERVICES = 4;
/** Small structures fill up: the capacity rule is exercised, not only the happy path. */
const CAPACITY = 3;
const EMERGENCY = 1;

const HISTORY = `query History($id: ID!) { minor(id: $id) { id firstName cases { startDate } placements { admissionDate dischargeDate structure { name } } } }`;
const ADMIT = 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }';
const REQUEST = 'mutation($input: RequestPlacementInput!) { requestPlacement(input: $input) { id } }';
const DISCHARGE = 'mutation($input: DischargeMinorInput!) { dischargeMinor(input: $input) { id } }';
const STOCK = 'query($on: Date!) { placementStock(on: $on, groupBy: [STRUCTURE_TYPE]) { total } }';

type Kind = 'admission' | 'discharge' | 'history' | 'report';

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}
const day = (offset: number) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);

async function main(): Promise<void> {
  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL && !process.env.SIRMI_TEST_DATABASE_URL) {
    const dir = path.join(process.cwd(), '.data', 'bench-load-postgres');
    fs.rmSync(dir, { recursive: true, force: true });
    embedded = await startEmbeddedDatabase({ dir, port: await freePort() });
    process.env.SIRMI_TEST_DATABASE_URL = embedded.adminUrl;
  }
  const hub: TestHub = await startTestHub();
  try {
    const codes = await Promise.all(Array.from({ length: STRUCTURES }, async (_x, i) => {
      const code = `LOAD-C${String(i).padStart(3, '0')}`;
      await registerActiveStructure(hub, code, { capacity: CAPACITY, emergencyCapacity: EMERGENCY });
      return code;
    }));
    const minors: { minorId: string; service: string }[] = [];
    for (let i = 0; i < MINORS; i++) {
      const service = `S-LOAD-${i % SERVICES}`;
      minors.push({ minorId: (await registerMinorWithCase(hub, service)).minorId, service });
    }
    const outcome = await firstCode(hub, 'DISCHARGE_OUTCOME');
    const sw = (service: string) => hub.token({ role: 'SOCIAL_WORKER', sub: `sw-${service}`, service });
    const so = (code: string) => hub.token({ role: 'STRUCTURE_OPERATOR', sub: `so-${code}`, structure: code });
    const sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-load', territory: '058' });

    const latencies: Record<Kind, number[]> = { admission: [], discharge: [], history: [], report: [] };
    const errors = new Map<string, number>();
    const admitted: { id: string; structure: string; admissionDate: string; minorId: string }[] = [];
    const discharged = new Map<string, string>();
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];

    const until = performance.now() + SECONDS * 1000;
    const worker = async () => {
      while (performance.now() < until) {
        const r = rnd();
        const kind: Kind = r < 0.35 ? 'admission' : r < 0.55 ? 'discharge' : r < 0.9 ? 'history' : 'report';
        let token: string;
        let query: string;
        let variables: Record<string, unknown>;
        let open: (typeof admitted)[number] | undefined;
        if (kind === 'admission') {
          const m = pick(minors);
          const structure = pick(codes);
          const admissionDate = day(Math.floor(rnd() * 300));
          // The case-holding service asks the structure first: an admission fulfils a pending placement request.
          const asked = await hub.gql<{ requestPlacement: { id: string } }>(sw(m.service), REQUEST, { input: { minorId: m.minorId, structureCode: structure, requestedAdmissionDate: admissionDate, kind: 'ORDINARY' } });
          for (const e of asked.errors ?? []) errors.set(`request:${String(e.extensions?.code)}`, (errors.get(`request:${String(e.extensions?.code)}`) ?? 0) + 1);
          if (!asked.data?.requestPlacement) continue;
          token = so(structure);
          query = ADMIT;
          variables = { input: { minorId: m.minorId, structureCode: structure, admissionDate, kind: 'ORDINARY', referringService: m.service, requestId: asked.data.requestPlacement.id } };
        } else if (kind === 'discharge') {
          const candidates = admitted.filter((a) => !discharged.has(a.id));
          open = candidates.length ? pick(candidates) : undefined;
          if (!open) continue;
          const from = Math.round((Date.parse(open.admissionDate) - Date.UTC(2024, 0, 1)) / 86_400_000);
          token = so(open.structure);
          query = DISCHARGE;
          variables = { input: { placementId: open.id, dischargeDate: day(from + 1 + Math.floor(rnd() * 30)), dischargeOutcome: outcome } };
        } else if (kind === 'history') {
          const m = pick(minors);
          token = sw(m.service);
          query = HISTORY;
          variables = { id: m.minorId };
        } else {
          token = sup;
          query = STOCK;
          variables = { on: day(Math.floor(rnd() * 300)) };
        }
        const t0 = performance.now();
        let res: { status: number; data?: Record<string, any> | null; errors?: { extensions?: Record<string, any> }[] };
        try {
          res = await hub.gql(token, query, variables);
        } catch {
          errors.set('NETWORK', (errors.get('NETWORK') ?? 0) + 1);
          continue;
        }
        latencies[kind].push(performance.now() - t0);
        for (const e of res.errors ?? []) errors.set(String(e.extensions?.code), (errors.get(String(e.extensions?.code)) ?? 0) + 1);
        if (res.status >= 500) errors.set(`HTTP_${res.status}`, (errors.get(`HTTP_${res.status}`) ?? 0) + 1);
        // A masked field (UNAUTHORIZED_FIELD_OR_TYPE) in the answer does not make a write unacknowledged.
        if (!res.data || Object.values(res.data).some((v) => v === null) || res.errors?.some((e) => e.extensions?.code !== 'UNAUTHORIZED_FIELD_OR_TYPE')) continue;
        if (kind === 'admission') {
          const input = variables.input as { structureCode: string; admissionDate: string; minorId: string };
          admitted.push({ id: res.data!.admitMinor.id, structure: input.structureCode, admissionDate: input.admissionDate, minorId: input.minorId });
        }
        if (kind === 'discharge' && open) discharged.set(open.id, (variables.input as { dischargeDate: string }).dischargeDate);
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const elapsed = (performance.now() - t0) / 1000;

    const all = Object.values(latencies).flat().sort((a, b) => a - b);
    console.log(`bench/load: ${CONCURRENCY} clients, ${SECONDS} s, ${STRUCTURES} structures of ${CAPACITY}+${EMERGENCY} places, ${MINORS} minors`);
    console.log(`  throughput ${(all.length / elapsed).toFixed(1)} requests/s (${all.length} requests)`);
    const row = (name: string, xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      console.log(`  ${name.padEnd(10)} n=${String(s.length).padStart(5)}  p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  p99 ${percentile(s, 99).toFixed(1)} ms`);
    };
    row('all', all);
    for (const k of Object.keys(latencies) as Kind[]) row(k, latencies[k]);
    console.log(`  errors by code: ${[...errors].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`);
    console.log(`  acknowledged: ${admitted.length} admissions, ${discharged.size} discharges`);

    const sql = new Client({ connectionString: hub.db.adminUrl });
    await sql.connect();
    const problems: string[] = [];
    try {
      const over = await sql.query(
        `SELECT p.structure_code, d::date AS day, count(*)::int AS n, s.capacity + s.emergency_capacity AS places
           FROM asmi.placement p JOIN asso.structure s ON s.code = p.structure_code
           CROSS JOIN generate_series('2024-01-01'::date, '2025-03-01'::date, '1 day') d
          WHERE p.admission_date <= d AND (p.discharge_date IS NULL OR p.discharge_date > d)
          GROUP BY 1, 2, 4 HAVING count(*) > s.capacity + s.emergency_capacity LIMIT 5`,
      );
      if (over.rowCount) problems.push(`structure over capacity: ${JSON.stringify(over.rows)}`);
      const overlap = await sql.query(
        `SELECT a.id, b.id FROM asmi.placement a JOIN asmi.placement b ON a.minor_id = b.minor_id AND a.id < b.id
          WHERE daterange(a.admission_date, a.discharge_date, '[)') && daterange(b.admission_date, b.discharge_date, '[)') LIMIT 5`,
      );
      if (overlap.rowCount) problems.push(`overlapping placements: ${overlap.rowCount}`);
      const ids = admitted.map((a) => a.id);
      const stored = await sql.query<{ id: string; discharge_date: string | null }>(`SELECT id, to_char(discharge_date, 'YYYY-MM-DD') AS discharge_date FROM asmi.placement WHERE id = ANY($1::uuid[])`, [ids]);
      if (stored.rowCount !== ids.length || new Set(stored.rows.map((r) => r.id)).size !== ids.length) problems.push(`acknowledged admissions: ${ids.length}, stored: ${stored.rowCount}`);
      const byId = new Map(stored.rows.map((r) => [r.id, r.discharge_date]));
      const lost = [...discharged].filter(([id, date]) => byId.get(id) !== date);
      if (lost.length) problems.push(`acknowledged discharges not stored as acknowledged: ${lost.length}`);
    } finally {
      await sql.end();
    }
    console.log(problems.length ? `  INVARIANTS FAILED:\n   - ${problems.join('\n   - ')}` : '  invariants hold: no structure over capacity on any day, no overlapping placements, every acknowledged write stored once');
    if (problems.length) process.exitCode = 1;
  } finally {
    await hub.stop();
    await embedded?.stop();
  }
}

void main();
