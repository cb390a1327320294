import net from 'node:net';
import { createLogger } from '../../shared/logging/logger';
import type { ModuleHandle } from '../../shared/graphql/subgraphServer';
import { startAsmi } from '../../subgraphs/asmi/src/server';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

const TIMEOUT_MS = 1500;
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
        input: { minorId, structureCode: 'UPS-C001', admissionDate: '2024-03-01', kind: 'ORDINARY', referringService: 'S-UPS' },
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
});
