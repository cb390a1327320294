import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import type { HubConfig } from '@shared/config';
import type { ModuleHandle } from '@shared/graphql';
import { startAsmi } from '../../subgraphs/asmi/src/server';
import { startAsso } from '../../subgraphs/asso/src/server';
import { startSinba } from '../../subgraphs/sinba/src/server';
import { signDevToken } from '@shared/auth';
import { expectNoErrors, nextFiscalCode, registerActiveStructure, registerMinorWithCase, requestPlacement } from '../support/fixtures';
import { freePorts } from '../support/ports';
import type { GatewayResponse, TestHub } from '../support/startHub';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * Scale-out on one machine (issue 17 §7): HAProxy (Debian's package, the
 * configuration of infra/haproxy/haproxy.cfg) in front of two gateway
 * PROCESSES (no memory in common) and two replicas of each subgraph (servers
 * of their own, each with its own pool, loaders and services; in this
 * process to keep the test short). The gateways and the subgraphs reach the
 * subgraphs through HAProxy too, so consecutive requests, and the calls each
 * one makes, land on different replicas. The main flows must not notice:
 * the history query, an admission, paging with cursors another replica
 * issued, a download.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const HAPROXY = process.env.HAPROXY_PATH ?? '/usr/sbin/haproxy';
const haveHaproxy = fs.existsSync(HAPROXY);
if (!haveHaproxy) {
  console.warn(`scale-out test SKIPPED: ${HAPROXY} is missing (apt-get install -y haproxy; .ci/run installs it)`);
}
const describeWithHaproxy = haveHaproxy ? describe : describe.skip;

const HISTORY = `query History($id: ID!) {
  minor(id: $id) { id firstName cases { serviceId startDate endDate } placements { admissionDate kind structure { name status } } }
}`;

async function waitFor(url: string, child: ChildProcess | undefined, ok: (status: number) => boolean, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  let last = 'no answer';
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (ok(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready in ${ms} ms (${last})`);
}

/**
 * Until HAProxy itself has every server of every backend UP (its stats page, CSV): the load balancer
 * answering is not enough, since it answers as soon as ONE gateway is UP, and a gateway that is a
 * node:cluster primary boots more processes and needs two good checks (rise 2) after its first 200,
 * so the tests used to run through the other gateway alone.
 */
async function waitForAllUp(statsUrl: string, haproxy: ChildProcess, log: () => string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  let down: string[] = ['no answer'];
  while (Date.now() < until) {
    if (haproxy.exitCode !== null) throw new Error(`HAProxy exited with ${haproxy.exitCode}\n${log()}`);
    try {
      const csv = await (await fetch(statsUrl)).text();
      const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n').map((l) => l.split(','));
      const col = (name: string) => header.indexOf(name);
      const servers = rows.filter((r) => !['FRONTEND', 'BACKEND'].includes(r[col('svname')]) && r[col('pxname')] !== 'stats');
      down = servers.filter((r) => r[col('status')] !== 'UP').map((r) => `${r[col('pxname')]}/${r[col('svname')]} ${r[col('status')]}`);
      if (servers.length === 8 && down.length === 0) return;
    } catch (err) {
      down = [(err as Error).message];
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`HAProxy: not every server UP in ${ms} ms (${down.join(', ')})\n${log()}`);
}

describeWithHaproxy('two gateways and two replicas of each subgraph behind HAProxy', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];
  const replicas: Record<'sinba' | 'asso' | 'asmi', ModuleHandle[]> = { sinba: [], asso: [], asmi: [] };
  let lbUrl: string;
  let config: HubConfig;
  const servedBy: string[] = [];

  /** A TestHub whose URL is HAProxy's gateway frontend: the shared fixtures run through it. */
  let hub: TestHub;
  async function gql<T = Record<string, any>>(token: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<GatewayResponse<T>> {
    const res = await fetch(lbUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    servedBy.push(res.headers.get('x-served-by') ?? '?');
    const text = await res.text();
    const body = JSON.parse(text) as { data?: T; errors?: GatewayResponse['errors'] };
    return { status: res.status, data: body.data, errors: body.errors, text };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const [lbGw, lbSinba, lbAsso, lbAsmi, gw1, gw2, s1, s2, a1, a2, m1, m2, lbStats] = await freePorts(13);
    const at = (p: number) => `127.0.0.1:${p}`;
    const local = (p: number) => `http://127.0.0.1:${p}/graphql`;
    lbUrl = local(lbGw);
    const haproxy = spawn(HAPROXY, ['-db', '-f', path.join(ROOT, 'infra', 'haproxy', 'haproxy.cfg')], {
      env: {
        PATH: process.env.PATH ?? '',
        SIRMI_LB_GATEWAY: at(lbGw),
        SIRMI_GATEWAY_1: at(gw1),
        SIRMI_GATEWAY_2: at(gw2),
        SIRMI_LB_SINBA: at(lbSinba),
        SIRMI_SINBA_1: at(s1),
        SIRMI_SINBA_2: at(s2),
        SIRMI_LB_ASSO: at(lbAsso),
        SIRMI_ASSO_1: at(a1),
        SIRMI_ASSO_2: at(a2),
        SIRMI_LB_ASMI: at(lbAsmi),
        SIRMI_ASMI_1: at(m1),
        SIRMI_ASMI_2: at(m2),
        SIRMI_LB_STATS: at(lbStats),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let haproxyLog = '';
    haproxy.stderr!.on('data', (d: Buffer) => (haproxyLog += d.toString()));
    children.push(haproxy);
    // Everyone calls the subgraphs through HAProxy.
    const subgraphUrls = { sinba: local(lbSinba), asso: local(lbAsso), asmi: local(lbAsmi) };
    config = Object.freeze({ ...db.config, subgraphUrls });
    const logger = pino({ level: 'silent' });
    for (const [sinba, asso, asmi] of [
      [s1, a1, m1],
      [s2, a2, m2],
    ]) {
      const c: HubConfig = { ...config, ports: { sinba, asso, asmi } };
      replicas.sinba.push(await startSinba(c, logger));
      replicas.asso.push(await startAsso(c, logger));
      replicas.asmi.push(await startAsmi(c, logger));
    }
    // Two gateway processes: nothing in memory in common (TypeScript loaded in-process by tsx/cjs, no build needed),
    // each a node:cluster primary with two workers (GATEWAY_WORKERS=2), as a standalone gateway runs in production.
    for (const [port, workers] of <[number, string][]>[
      [gw1, '2'],
      [gw2, '2'],
    ]) {
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'gateway', 'index.ts')], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          PORT: String(port),
          GATEWAY_WORKERS: workers,
          DATABASE_URL: db.adminUrl,
          SINBA_URL: subgraphUrls.sinba,
          ASSO_URL: subgraphUrls.asso,
          ASMI_URL: subgraphUrls.asmi,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      children.push(child);
    }
    // Six gateway processes booting TypeScript on a shared machine: generous limits.
    await Promise.all([gw1, gw2].map((p, i) => waitFor(`http://127.0.0.1:${p}/health`, children[i + 1], (s) => s === 200, 150_000)));
    await waitForAllUp(`http://127.0.0.1:${lbStats}/stats;csv`, haproxy, () => haproxyLog, 60_000);
    hub = { url: lbUrl, config, gql, token: (args: Parameters<TestHub['token']>[0]) => signDevToken(args, config.jwt.secret) } as unknown as TestHub;
  }, 300_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    for (const list of Object.values(replicas)) for (const r of list) await r.stop();
    await db?.drop();
  });

  let minorId: string;

  it('registers, admits and answers the cross-module history query through any gateway and any replica', async () => {
    await registerActiveStructure(hub, 'SO-C001');
    const created = await registerMinorWithCase(hub, 'S-SO-1', { firstName: 'Giulia' });
    minorId = created.minorId;
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-so', structure: 'SO-C001' });
    // The minor is in S-SO-1's care: the admission fulfils its placement request.
    const requestId = await requestPlacement(hub, 'S-SO-1', minorId, 'SO-C001', { requestedAdmissionDate: '2024-03-01' });
    const admit = await gql(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
      input: { minorId, structureCode: 'SO-C001', admissionDate: '2024-03-01', kind: 'ORDINARY', referringService: 'S-SO-1', requestId },
    });
    expectNoErrors(admit);
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-so', service: 'S-SO-1' });
    // Several times: the answers come from both gateways, each through both replicas of each subgraph, and are the same.
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const res = await gql(sw, HISTORY, { id: minorId });
      expectNoErrors(res);
      answers.push(res.data);
    }
    expect(answers[0]).toEqual({
      minor: {
        id: minorId,
        firstName: 'Giulia',
        cases: [{ serviceId: 'S-SO-1', startDate: '2021-01-01', endDate: null }],
        placements: [{ admissionDate: '2024-03-01', kind: 'ORDINARY', structure: { name: 'Comunità SO-C001', status: 'ACTIVE' } }],
      },
    });
    for (const a of answers) expect(a).toEqual(answers[0]);
  });

  it('pages through lists with cursors issued by the other gateway and the other replica', async () => {
    for (const code of ['SO-C002', 'SO-C003', 'SO-C004', 'SO-C005']) await registerActiveStructure(hub, code);
    const whole = await gql<{ structures: { nodes: { code: string }[] } }>(undefined, '{ structures(first: 100) { nodes { code } } }');
    expectNoErrors(whole);
    const paged: string[] = [];
    const pagedBy: string[] = [];
    for (let after: string | null = null; ; ) {
      const res: GatewayResponse<{ structures: { nodes: { code: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }> = await gql(
        undefined,
        'query($after: String) { structures(first: 1, after: $after) { nodes { code } pageInfo { endCursor hasNextPage } } }',
        { after },
      );
      expectNoErrors(res);
      pagedBy.push(servedBy[servedBy.length - 1]);
      paged.push(...res.data!.structures.nodes.map((n) => n.code));
      if (!res.data!.structures.pageInfo.hasNextPage) break;
      after = res.data!.structures.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole.data!.structures.nodes.map((n) => n.code));
    expect(new Set(pagedBy)).toEqual(new Set(['gateway1', 'gateway2']));

    // The data-quality list (ASMI's stored flags): minors placed without a case for more than 30 days.
    const so = hub.token({ role: 'STRUCTURE_OPERATOR', sub: 'op-so2', structure: 'SO-C002' });
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-so2', service: 'S-SO-2' });
    for (let i = 0; i < 3; i++) {
      const reg = await gql<{ registerMinor: { id: string } }>(sw, 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }', {
        input: { fiscalCode: nextFiscalCode('2010-01-01', 'M'), firstName: 'Nessun', lastName: 'Caso', birthDate: '2010-01-01', sex: 'M', citizenship: '100' },
      });
      expectNoErrors(reg);
      expectNoErrors(await gql(so, 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', { input: { minorId: reg.data!.registerMinor.id, structureCode: 'SO-C002', admissionDate: '2024-01-10', kind: 'ORDINARY' } }));
    }
    const analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'analyst-so' });
    const Q = 'query($after: String) { placementQualityIssues(first: 1, after: $after) { nodes { placementId flag } pageInfo { endCursor hasNextPage } } }';
    const lines: string[] = [];
    for (let after: string | null = null; ; ) {
      const res: GatewayResponse<{ placementQualityIssues: { nodes: { placementId: string; flag: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }> = await gql(analyst, Q, { after });
      expectNoErrors(res);
      lines.push(...res.data!.placementQualityIssues.nodes.map((n) => `${n.placementId}|${n.flag}`));
      if (!res.data!.placementQualityIssues.pageInfo.hasNextPage) break;
      after = res.data!.placementQualityIssues.pageInfo.endCursor;
    }
    expect(lines.filter((l) => l.endsWith('|NO_OPEN_CASE'))).toHaveLength(3);
    expect(new Set(lines).size).toBe(lines.length);
    expect([...lines].sort()).toEqual(lines);
  });

  it('downloads the data-quality report through the load balancer', async () => {
    const analyst = hub.token({ role: 'REGIONAL_ANALYST', sub: 'analyst-so' });
    const res = await fetch(lbUrl.replace(/\/graphql$/, '/reports/data-quality.csv'), { headers: { authorization: `Bearer ${analyst}` } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv.split('\n').filter((l) => l.startsWith('PLACEMENT,NO_OPEN_CASE'))).toHaveLength(3);
  });

  it('spread the requests over both gateways and both replicas of every subgraph', () => {
    expect(new Set(servedBy)).toEqual(new Set(['gateway1', 'gateway2']));
    for (const [name, list] of Object.entries(replicas)) {
      expect([name, list.map((r) => r.counter.value > 0)]).toEqual([name, [true, true]]);
    }
  });
});
