import net from 'node:net';
import { createLogger } from '@shared/logging';
import type { ModuleHandle } from '@shared/graphql';
import { startAsmi } from '../../subgraphs/asmi/src/server';
import { startTestHub, type TestHub } from '../support/startHub';
import { Client } from 'pg';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';

// Short enough to wait for in a test, long enough for a loaded machine running the whole suite.
const TIMEOUT_MS = 3000;
const HISTORY = 'query History($id: ID!) { minor(id: $id) { id firstName cases { startDate } placements { admissionDate } } }';

/**
 * Issue 16 findings 2 and 3: a frozen or dead module never hangs the
 * gateway; its fields answer UPSTREAM_UNAVAILABLE naming the module and the
 * path, the rest of the response is served, and the gateway recovers by
 * itself when the module is back.
 */
describe('a frozen or dead module (issue 16)', () => {
  let hub: TestHub;
  let sw: string;
  let minorId: string;
  let asmiPort: number;
  let restarted: ModuleHandle | undefined;
  beforeAll(async () => {
    hub = await startTestHub({ env: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } });
    asmiPort = hub.config.ports.asmi;
    await registerActiveStructure(hub, 'UPS-C001');
    ({ minorId } = await registerMinorWithCase(hub, 'S-UPS', { firstName: 'Lucia' }));
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'so-ups', structure: 'UPS-C001' });
    expectNoErrors(
      await hub.gql(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
        input: { minorId, structureCode: 'UPS-C001', admissionDate: '2024-03-01', kind: 'ORDINARY', referringService: 'S-UPS', requestId: await requestPlacement(hub, 'S-UPS', minorId, 'UPS-C001') },
      }),
    );
    sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-ups', service: 'S-UPS' });
    await hub.handle.modules.asmi.stop();
  });
  afterAll(async () => {
    await restarted?.stop();
    await hub?.stop();
  });

  const expectPartialHistory = (res: { status: number; data?: Record<string, any> | null; errors?: unknown[]; text: string }) => {
    expect(res.status).toBe(200);
    expect(res.data!.minor).toMatchObject({ id: minorId, firstName: 'Lucia', cases: [{ startDate: '2021-01-01' }], placements: null });
    expect(res.errors).toEqual([expect.objectContaining({ path: ['minor', 'placements'], extensions: { code: 'UPSTREAM_UNAVAILABLE', module: 'asmi' } })]);
    expect(res.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed/);
  };

  it('serves the SINBA parts of a history and UPSTREAM_UNAVAILABLE at the path of the ASMI field when ASMI is down', async () => {
    expectPartialHistory(await hub.gql(sw, HISTORY, { id: minorId }));
  });

  it('answers within the timeout when ASMI accepts connections but never answers (frozen)', async () => {
    const sockets = new Set<net.Socket>();
    const frozen = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => frozen.listen(asmiPort, '127.0.0.1', resolve));
    try {
      const t0 = Date.now();
      const res = await hub.gql(sw, HISTORY, { id: minorId });
      const elapsed = Date.now() - t0;
      expectPartialHistory(res);
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2000);

      const health = await fetch(hub.url.replace(/graphql$/, 'health'));
      expect(health.status).toBe(503);
      const body = (await health.json()) as { checks: Record<string, string>; latencyMs: Record<string, number> };
      expect(body.checks).toMatchObject({ sinba: 'up', asso: 'up', asmi: 'down', database: 'up' });
      expect(body.latencyMs.asmi).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(body.latencyMs.sinba).toBeLessThan(TIMEOUT_MS);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => frozen.close(resolve));
    }
  });

  it('recovers without a gateway restart when ASMI is back', async () => {
    restarted = await startAsmi(hub.config, createLogger('asmi', 'silent'));
    const res = await hub.gql(sw, HISTORY, { id: minorId });
    expectNoErrors(res);
    expect(res.data!.minor).toMatchObject({ placements: [{ admissionDate: '2024-03-01' }] });
    const health = await fetch(hub.url.replace(/graphql$/, 'health'));
    expect(health.status).toBe(200);
  });

  it('keeps serving during traffic while ASMI is stopped and restarted, and stores every acknowledged admission once', async () => {
    await registerActiveStructure(hub, 'UPS-C002', { capacity: 50 });
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'so-ups2', structure: 'UPS-C002' });
    const minors: { minorId: string; requestId: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const m = await registerMinorWithCase(hub, `S-UPS-${i % 3}`);
      // The case-holding service asks the structure first: an admission fulfils a pending placement request.
      minors.push({ ...m, requestId: await requestPlacement(hub, `S-UPS-${i % 3}`, m.minorId, 'UPS-C002') });
    }
    const acknowledged: string[] = [];
    const codes = new Map<string, number>();
    const slow: number[] = [];
    let next = 0;
    let running = true;
    const worker = async () => {
      while (running) {
        const i = next++;
        const m = minors[i % minors.length];
        const t0 = Date.now();
        // Each minor is admitted at most once (the same request four times: later ones are refused as overlaps).
        const res = await hub.gql<{ admitMinor: { id: string } }>(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
          input: { minorId: m.minorId, structureCode: 'UPS-C002', admissionDate: '2024-06-01', kind: 'ORDINARY', referringService: `S-UPS-${(i % minors.length) % 3}`, requestId: m.requestId },
        });
        if (Date.now() - t0 > TIMEOUT_MS + 5000) slow.push(Date.now() - t0); // the timeout, and a margin for a loaded machine
        expect(res.status === 200 || res.status === 409 || res.status === 503).toBe(true);
        for (const e of res.errors ?? []) codes.set(String(e.extensions?.code), (codes.get(String(e.extensions?.code)) ?? 0) + 1);
        if (!res.errors?.length) acknowledged.push(res.data!.admitMinor.id);
        const read = await hub.gql(sw, HISTORY, { id: minorId });
        expect(read.data?.minor?.firstName).toBe('Lucia');
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    const workers = [worker(), worker(), worker()];
    await new Promise((r) => setTimeout(r, 300));
    await restarted!.stop();
    await new Promise((r) => setTimeout(r, 800));
    restarted = await startAsmi(hub.config, createLogger('asmi', 'silent'));
    await new Promise((r) => setTimeout(r, 1500));
    running = false;
    await Promise.all(workers);

    expect(slow).toEqual([]);
    // A repeated admission is refused: the minor is placed (overlap) or its request already fulfilled.
    expect([...codes.keys()].every((c) => ['UPSTREAM_UNAVAILABLE', 'PLACEMENT_OVERLAP', 'REQUEST_NOT_PENDING'].includes(c))).toBe(true);
    expect(codes.get('UPSTREAM_UNAVAILABLE') ?? 0).toBeGreaterThan(0);
    const admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    try {
      const rows = (await admin.query("SELECT id, minor_id FROM asmi.placement WHERE structure_code = 'UPS-C002'")).rows as { id: string; minor_id: string }[];
      // Every acknowledged admission is stored exactly once, and no minor twice.
      expect(rows.filter((r) => acknowledged.includes(r.id))).toHaveLength(acknowledged.length);
      expect(new Set(rows.map((r) => r.minor_id)).size).toBe(rows.length);
      expect(acknowledged.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
  });
});
