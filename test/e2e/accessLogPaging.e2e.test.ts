/**
 * docs/privacy.md §7 accessLog at scale: pages in chain order with cursors,
 * read from the index (minor_id, seq) whatever the size of the trail.
 */
import { Client } from 'pg';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, registerMinorWithCase } from '../support/fixtures';

describe('accessLog pages (docs/privacy.md §7)', () => {
  let hub: TestHub;
  let minorId: string;
  const dpo = () => hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo-page' });
  const LOG = 'query($id: ID!, $first: Int, $after: String) { accessLog(minorId: $id, first: $first, after: $after) { cursor operationName action } }';

  beforeAll(async () => {
    hub = await startTestHub();
    ({ minorId } = await registerMinorWithCase(hub, 'S-PAGE'));
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-page', service: 'S-PAGE' });
    for (let i = 0; i < 5; i++) expectNoErrors(await hub.gql(sw, `query Read${i}($id: ID!) { minor(id: $id) { firstName } }`, { id: minorId }));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('pages through a minor\'s entries with cursors, oldest first, each entry once', async () => {
    const all = await hub.gql<{ accessLog: { cursor: string; operationName: string }[] }>(dpo(), LOG, { id: minorId });
    expectNoErrors(all);
    const expected = all.data!.accessLog.map((e) => e.cursor);
    expect(expected.length).toBeGreaterThanOrEqual(7);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Awaited<ReturnType<typeof hub.gql<{ accessLog: { cursor: string }[] }>>> = await hub.gql<{ accessLog: { cursor: string }[] }>(dpo(), LOG, { id: minorId, first: 2, after });
      expectNoErrors(page);
      const entries = page.data!.accessLog;
      expect(entries.length).toBeLessThanOrEqual(2);
      seen.push(...entries.map((e) => e.cursor));
      if (entries.length < 2) break;
      after = entries[entries.length - 1].cursor;
    }
    expect(seen).toEqual(expected);
    const bad = await hub.gql(dpo(), LOG, { id: minorId, first: 5000 });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it("reads a minor's page from the (minor_id, seq) index, never a scan of the trail (EXPLAIN on 300,000 entries), and pages a minor with 10,000 of them", async () => {
    const admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    try {
      await admin.query('SET session_replication_role = replica');
      await admin.query(`
        INSERT INTO audit.access_log (seq, at, subject, role, operation_hash, minor_id, action, prev_hash, hash)
        SELECT 1000000 + g, now(), 'bulk', 'SOCIAL_WORKER', 'h',
               ('00000000-0000-4000-8000-' || lpad((CASE WHEN g % 29 = 0 THEN 12 ELSE 100 + g % 29000 END)::text, 12, '0'))::uuid, 'READ', 'x', 'y'
          FROM generate_series(1, 300000) g`);
      await admin.query('ANALYZE audit.access_log');
      const plan = await admin.query(
        `EXPLAIN (FORMAT JSON) SELECT seq FROM audit.access_log
          WHERE minor_id = $1::uuid AND ($2::timestamptz IS NULL OR at >= $2::timestamptz) AND ($3::timestamptz IS NULL OR at < $3::timestamptz)
            AND ($5::bigint IS NULL OR seq > $5::bigint) ORDER BY seq LIMIT $4`,
        ['00000000-0000-4000-8000-000000000177', null, null, 100, null],
      );
      const text = JSON.stringify(plan.rows[0]['QUERY PLAN']);
      expect(text).toContain('access_log_minor_seq');
      expect(text).not.toContain('Seq Scan');
    } finally {
      await admin.end();
    }
    // Speed is what the plan above proves (no timed assertion in tests): the page itself is complete.
    const res = await hub.gql(dpo(), LOG, { id: '00000000-0000-4000-8000-000000000012', first: 100 });
    expectNoErrors(res);
    expect((res.data as any).accessLog).toHaveLength(100);
  });
});
