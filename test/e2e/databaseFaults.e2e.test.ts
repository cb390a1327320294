import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startPostgresProcess, type PostgresProcess } from '../support/postgresProcess';
import { startTestHub, type TestHub } from '../support/startHub';
import { freePort } from '../support/ports';
import { expectNoErrors, nextFiscalCode, registerActiveStructure, registerMinorWithCase } from '../support/fixtures';

const TIMEOUT_MS = 3000;
const STRUCTURES = '{ structures(first: 5) { nodes { code } } }';
const REGISTER = 'mutation($input: RegisterMinorInput!) { registerMinor(input: $input) { id } }';

/**
 * Issue 16 finding 1: a database outage never kills the hub. Dropped
 * connections are survived, a stopped PostgreSQL answers
 * DATABASE_UNAVAILABLE (503) within the timeout, and the hub recovers by
 * itself when it is back; every acknowledged write is then present once.
 * PostgreSQL here is the test's own embedded server (free port, own
 * directory), so stopping it disturbs no other test file.
 */
describe('a database outage (issue 16)', () => {
  const dir = path.join(process.cwd(), '.data', `fault-pg-${process.pid}`);
  let port: number;
  let pg: PostgresProcess | undefined;
  let hub: TestHub;
  let sw: string;
  let sup: string;
  beforeAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    port = await freePort();
    pg = await startPostgresProcess(dir, port);
    hub = await startTestHub({ clusterUrl: pg.adminUrl, env: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } });
    sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-dbf', service: 'S-DBF' });
    sup = hub.token({ role: 'SUPERVISOR', sub: 'sup-dbf', territory: '058' });
    await registerActiveStructure(hub, 'DBF-C001');
  }, 180_000);
  afterAll(async () => {
    await hub?.stop().catch(() => undefined);
    await pg?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const sql = async <T>(query: string, params: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: hub.db.adminUrl });
    await c.connect();
    try {
      return (await c.query(query, params)).rows as T[];
    } finally {
      await c.end();
    }
  };

  it('survives every connection being dropped by the server (57P01) and answers the next request', async () => {
    // Fill the pools: a minor read (audit entry), a registry read.
    const { minorId } = await registerMinorWithCase(hub, 'S-DBF', { firstName: 'Marta' });
    expectNoErrors(await hub.gql(sw, 'query($id: ID!) { minor(id: $id) { firstName } }', { id: minorId }));
    expectNoErrors(await hub.gql(sup, STRUCTURES));
    // pg emits 'error' on a pool whose idle client the server dropped: without a listener that kills the process.
    for (const pool of [(hub.handle.gateway.audit as unknown as { pool: { listenerCount(e: string): number } }).pool]) expect(pool.listenerCount('error')).toBeGreaterThan(0);
    const [{ n }] = await sql<{ n: number }>('SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    expect(n).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    const read = await hub.gql(sw, 'query($id: ID!) { minor(id: $id) { firstName } }', { id: minorId });
    expectNoErrors(read);
    expect(read.data!.minor.firstName).toBe('Marta');
  });

  it('answers DATABASE_UNAVAILABLE (503) within the timeout while PostgreSQL is stopped, recovers when it is back, and keeps every acknowledged write once', async () => {
    const acknowledged: { id: string; fiscalCode: string }[] = [];
    const seen = new Map<string, number>();
    let running = true;
    const writer = async () => {
      while (running) {
        const fiscalCode = nextFiscalCode('2013-04-02', 'M');
        const t0 = Date.now();
        const res = await hub.gql<{ registerMinor: { id: string } }>(sw, REGISTER, {
          input: { fiscalCode, firstName: 'Carico', lastName: 'Prova', birthDate: '2013-04-02', sex: 'M', citizenship: '100' },
        });
        expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS + 5000);
        expect(res.status).toBeLessThan(500 + (res.status === 503 ? 4 : 0));
        expect(res.text).not.toMatch(/<html|ECONNREFUSED| {4}at /);
        if (!res.errors?.length && res.data?.registerMinor?.id) acknowledged.push({ id: res.data.registerMinor.id, fiscalCode });
        for (const e of res.errors ?? []) seen.set(String(e.extensions?.code), (seen.get(String(e.extensions?.code)) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const writers = [writer(), writer()];
    await new Promise((r) => setTimeout(r, 500));

    await pg!.stop();
    pg = undefined;
    const t0 = Date.now();
    const down = await hub.gql(sup, STRUCTURES);
    expect(Date.now() - t0).toBeLessThan(TIMEOUT_MS + 2000);
    expect(down.status).toBe(503);
    expect(down.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
    const health = await fetch(hub.url.replace(/graphql$/, 'health'));
    expect(health.status).toBe(503);
    await new Promise((r) => setTimeout(r, 1000));

    pg = await startPostgresProcess(dir, port);
    let recovered = false;
    for (let i = 0; i < 60 && !recovered; i++) {
      const res = await hub.gql(sup, STRUCTURES);
      recovered = !res.errors?.length;
      if (!recovered) await new Promise((r) => setTimeout(r, 500));
    }
    expect(recovered).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await Promise.all(writers);

    expect([...seen.keys()].every((c) => ['DATABASE_UNAVAILABLE', 'AUDIT_UNAVAILABLE'].includes(c))).toBe(true);
    expect(seen.size).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(0);
    const rows = await sql<{ id: string; fiscal_code: string }>('SELECT id, fiscal_code FROM sinba.minor WHERE fiscal_code = ANY($1)', [acknowledged.map((a) => a.fiscalCode)]);
    expect(rows).toHaveLength(acknowledged.length);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(acknowledged.map((a) => a.id)));
    expect((await fetch(hub.url.replace(/graphql$/, 'health'))).status).toBe(200);
  });
});
