import net from 'node:net';
import { Client, Pool } from 'pg';
import { clientClassWithErrorListener } from '../pgClient';
import { createModuleDataSource } from '../db/dataSource';
import { isDatabaseUnavailable } from '../errors/formatError';
import { testClusterUrl } from '../../test/support/testDatabase';

/*
 * Issue 16: a connection the server terminates (57P01) must never kill the
 * process. The gap the pool's and the holder's listeners leave: a new
 * connection handed out through a promise has no 'error' listener until the
 * promise's continuation runs, and when the server's FATAL arrives in the same
 * read as its ReadyForQuery, pg emits in that gap. This test makes that
 * happen every time, with the real PostgreSQL: a TCP relay in front of it
 * holds back a new connection's ReadyForQuery, terminates its backend
 * (pg_terminate_backend), then delivers ReadyForQuery and the FATAL in one
 * write. Without an 'error' listener on every client the emit is unhandled
 * and the test file fails with "Unhandled error".
 */

/** A TCP relay to PostgreSQL; while armed, each new connection is terminated right after it is ready, as above. */
async function startRelay(target: URL): Promise<{ url: string; arm(n: number): void; close(): Promise<void> }> {
  let armed = 0;
  const sockets = new Set<net.Socket>();
  const terminate = async (pid: number) => {
    const admin = new Client({ connectionString: target.toString() });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
  };
  const server = net.createServer((downstream) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [downstream, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    downstream.pipe(upstream);
    const intercept = armed > 0;
    if (intercept) armed -= 1;
    if (!intercept) {
      upstream.pipe(downstream);
      return;
    }
    // Server messages: a type byte and a length (itself included). Forward until ReadyForQuery ('Z'), hold from there.
    let pending = Buffer.alloc(0);
    let held: Buffer | null = null;
    let pid = 0;
    upstream.on('data', (chunk: Buffer) => {
      if (held) {
        held = Buffer.concat([held, chunk]);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      let at = 0;
      while (pending.length - at >= 5) {
        const type = String.fromCharCode(pending[at]);
        const length = pending.readInt32BE(at + 1);
        if (pending.length - at < 1 + length) break;
        if (type === 'K') pid = pending.readInt32BE(at + 5); // BackendKeyData: the backend's process id
        if (type === 'Z') {
          downstream.write(pending.subarray(0, at));
          held = pending.subarray(at);
          void terminate(pid);
          return;
        }
        at += 1 + length;
      }
    });
    // The backend sent its FATAL and closed: ReadyForQuery and the FATAL go down together.
    upstream.on('end', () => {
      if (held) downstream.end(held);
      else downstream.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    arm: (n) => {
      armed = n;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const codeOf = (err: Error) => (err as { code?: unknown }).code;

describe('a pooled connection the server terminates as it is handed out (issue 16)', () => {
  let relay: Awaited<ReturnType<typeof startRelay>>;
  beforeAll(async () => {
    relay = await startRelay(new URL(testClusterUrl()));
  });
  afterAll(async () => {
    await relay.close();
  });

  it('pool.connect(): the error is reported, the next query fails, the pool discards the client and serves the next query', async () => {
    const reported: Error[] = [];
    const pool = new Pool({ connectionString: relay.url, max: 2, Client: clientClassWithErrorListener((err) => reported.push(err)) });
    pool.on('error', () => undefined);
    try {
      relay.arm(1);
      const client = await pool.connect();
      expect(reported.map(codeOf)).toContain('57P01');
      const failed = await client.query('SELECT 1').then(
        () => undefined,
        (err: Error) => err,
      );
      expect(failed).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(failed)).toBe(true);
      client.release();
      expect(pool.totalCount).toBe(0);
      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  }, 30_000); // without the listener the connect never settles: fail in 30 s rather than at the project's ceiling

  it('a module DataSource (TypeORM): the query on that connection fails as DATABASE_UNAVAILABLE, the others and the next ones succeed', async () => {
    const reported: Error[] = [];
    const ds = createModuleDataSource({ url: relay.url, schema: 'public', poolSize: 4, onPoolError: (err) => reported.push(err) });
    await ds.initialize();
    try {
      // The pool holds one idle connection: the first query takes it, the second opens a new one, which is terminated.
      relay.arm(1);
      const [first, second] = await Promise.allSettled([ds.query('SELECT pg_sleep(0.2), 1 AS one'), ds.query('SELECT 2 AS two')]);
      expect(first.status).toBe('fulfilled');
      expect(second.status).toBe('rejected');
      expect(isDatabaseUnavailable((second as PromiseRejectedResult).reason)).toBe(true);
      expect(reported.map(codeOf)).toContain('57P01');
      expect(await ds.query('SELECT 3 AS three')).toEqual([{ three: 3 }]);
    } finally {
      await ds.destroy();
    }
  });
});

describe('a connection terminated inside a transaction, between two statements (issue 16)', () => {
  it("the transaction's next statement fails as DATABASE_UNAVAILABLE (a 503, not an internal error), and the module serves the next request", async () => {
    const reported: Error[] = [];
    const ds = createModuleDataSource({ url: testClusterUrl(), schema: 'public', poolSize: 2, onPoolError: (err) => reported.push(err) });
    await ds.initialize();
    const admin = new Client({ connectionString: testClusterUrl() });
    await admin.connect();
    try {
      const failures: unknown[] = [];
      await ds
        .transaction(async (tx) => {
          const [{ pid }] = await tx.query('SELECT pg_backend_pid() AS pid');
          await admin.query('SELECT pg_terminate_backend($1)', [pid]);
          // The server's FATAL reaches the idle connection; TypeORM then releases the transaction's query runner.
          for (let i = 0; i < 200 && !tx.queryRunner!.isReleased; i++) await new Promise((r) => setTimeout(r, 25));
          expect(tx.queryRunner!.isReleased).toBe(true);
          // The services' two ways of running a statement: a query builder, and EntityManager.query.
          failures.push(await tx.createQueryBuilder().select('1', 'one').from('pg_class', 'c').limit(1).getRawOne().then(() => 'answered', (err: unknown) => err));
          failures.push(await tx.query('SELECT 1 AS one').then(() => 'answered', (err: unknown) => err));
        })
        .catch(() => undefined);
      expect(failures).toHaveLength(2);
      for (const err of failures) {
        expect(err).toBeInstanceOf(Error);
        expect(isDatabaseUnavailable(err)).toBe(true);
      }
      expect(reported).toEqual([]); // TypeORM listened: nothing for the pool's handler to report
      expect(await ds.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
    } finally {
      await admin.end();
      await ds.destroy();
    }
  });
});
