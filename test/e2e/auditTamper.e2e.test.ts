/**
 * docs/privacy.md §7 tamper evidence: the database stamps each entry's time
 * and chains it by hash to the previous one; editing, deleting or inserting
 * rows as the database superuser (triggers switched off, as an intruder
 * would) is detected by verifyAuditTrail (PRIVACY_OFFICER) and by
 * `npm run audit:verify`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { entryHash } from '../../gateway/audit/chain';
import { covers } from '../support/coverage';
import { startTestHub, type TestHub } from '../support/startHub';
import { expectNoErrors, registerMinorWithCase } from '../support/fixtures';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

describe('audit trail tamper evidence (docs/privacy.md §7)', () => {
  let hub: TestHub;
  let minorId: string;
  const dpo = () => hub.token({ role: 'PRIVACY_OFFICER', sub: 'dpo-chain' });
  const VERIFY = 'query($from: String, $to: String) { verifyAuditTrail(from: $from, to: $to) { ok entriesChecked firstBrokenEntryAt lastHash } }';

  /** SQL as the cluster superuser with the log's triggers off (session_replication_role = replica). */
  const asIntruder = async <T = any>(sql: string, values: unknown[] = []): Promise<T[]> => {
    const c = new Client({ connectionString: hub.db.adminUrl });
    await c.connect();
    try {
      await c.query('SET session_replication_role = replica');
      return (await c.query(sql, values)).rows as T[];
    } finally {
      await c.end();
    }
  };
  const verify = async (range: { from?: string; to?: string } = {}) => {
    const res = await hub.gql<{ verifyAuditTrail: { ok: boolean; entriesChecked: number; firstBrokenEntryAt: string | null; lastHash: string | null } }>(dpo(), VERIFY, range);
    expectNoErrors(res);
    return covers<{ ok: boolean; entriesChecked: number; firstBrokenEntryAt: string | null; lastHash: string | null }>('Query.verifyAuditTrail', 'PRIVACY_OFFICER', res);
  };
  const cli = async (): Promise<{ code: number; out: Record<string, unknown> }> => {
    const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: hub.db.adminUrl, LOG_LEVEL: 'silent' };
    try {
      const { stdout } = await run(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'gateway/audit/verifyCli.ts')], { env, cwd: ROOT });
      return { code: 0, out: JSON.parse(stdout) };
    } catch (err) {
      const e = err as { code: number; stdout: string };
      return { code: e.code, out: e.stdout ? JSON.parse(e.stdout) : {} };
    }
  };
  const atOf = async (seq: number) => (await asIntruder<{ at: string }>(`SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM audit.access_log WHERE seq = $1`, [seq]))[0].at;

  beforeAll(async () => {
    hub = await startTestHub();
    ({ minorId } = await registerMinorWithCase(hub, 'S-CHAIN'));
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-chain', service: 'S-CHAIN' });
    for (let i = 0; i < 3; i++) expectNoErrors(await hub.gql(sw, 'query($id: ID!) { minor(id: $id) { firstName } }', { id: minorId }));
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('the untouched trail verifies, through the gateway and on the command line', async () => {
    const count = Number((await asIntruder<{ n: string }>('SELECT count(*) AS n FROM audit.access_log'))[0].n);
    expect(count).toBeGreaterThanOrEqual(5);
    const v = await verify();
    expect(v).toMatchObject({ ok: true, entriesChecked: count, firstBrokenEntryAt: null, lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await cli()).toEqual({ code: 0, out: expect.objectContaining({ ok: true, entriesChecked: count }) });
    // A range checks its own entries, linked to the entry before it.
    expect((await verify({ from: await atOf(3) })).entriesChecked).toBe(count - 2);
  });

  it('is readable by the privacy officer only', async () => {
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-chain', service: 'S-CHAIN' });
    const res = await hub.gql(sw, VERIFY);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the time of an entry is the database\'s, whatever the application sends', async () => {
    const c = new Client({ connectionString: hub.config.database.moduleUrls.audit });
    await c.connect();
    try {
      await c.query(`INSERT INTO audit.access_log (at, subject, role, operation_hash, minor_id, action) VALUES ('2001-01-01T00:00:00Z', 'x', 'SOCIAL_WORKER', 'h', $1, 'READ')`, [minorId]);
    } finally {
      await c.end();
    }
    const [row] = await asIntruder<{ recent: boolean }>(`SELECT at > now() - interval '1 minute' AS recent FROM audit.access_log ORDER BY seq DESC LIMIT 1`);
    expect(row.recent).toBe(true);
    expect((await verify()).ok).toBe(true);
  });

  it('detects an edited entry', async () => {
    const [orig] = await asIntruder<{ subject: string }>('SELECT subject FROM audit.access_log WHERE seq = 2');
    await asIntruder(`UPDATE audit.access_log SET subject = 'someone-else' WHERE seq = 2`);
    try {
      expect(await verify()).toMatchObject({ ok: false, firstBrokenEntryAt: await atOf(2) });
      expect(await cli()).toEqual({ code: 1, out: expect.objectContaining({ ok: false, firstBrokenEntryAt: await atOf(2) }) });
    } finally {
      await asIntruder('UPDATE audit.access_log SET subject = $1 WHERE seq = 2', [orig.subject]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects an edited entry whose hash was recomputed (the next link breaks)', async () => {
    const [orig] = await asIntruder<{ subject: string; hash: string }>('SELECT subject, hash FROM audit.access_log WHERE seq = 2');
    await asIntruder(`UPDATE audit.access_log SET subject = 'someone-else' WHERE seq = 2`);
    await asIntruder(`UPDATE audit.access_log SET hash = encode(sha256(convert_to(audit.entry_text(access_log), 'UTF8')), 'hex') WHERE seq = 2`);
    try {
      expect(await verify()).toMatchObject({ ok: false, firstBrokenEntryAt: await atOf(3) });
    } finally {
      await asIntruder('UPDATE audit.access_log SET subject = $1, hash = $2 WHERE seq = 2', [orig.subject, orig.hash]);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted entry', async () => {
    await asIntruder('CREATE TABLE public.deleted_entry AS SELECT * FROM audit.access_log WHERE seq = 3');
    await asIntruder('DELETE FROM audit.access_log WHERE seq = 3');
    try {
      expect(await verify()).toMatchObject({ ok: false, firstBrokenEntryAt: await atOf(4) });
    } finally {
      await asIntruder('INSERT INTO audit.access_log SELECT * FROM public.deleted_entry; DROP TABLE public.deleted_entry');
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects an inserted entry, forged hash or back-dated with a correct one', async () => {
    const [last] = await asIntruder<{ seq: string; hash: string }>('SELECT seq::text AS seq, hash FROM audit.access_log ORDER BY seq DESC LIMIT 1');
    const next = String(Number(last.seq) + 1);
    const insert = (at: string, hash: string) =>
      asIntruder(
        `INSERT INTO audit.access_log (seq, at, subject, role, operation_hash, minor_id, action, prev_hash, hash) VALUES ($1, $2, 'ghost', 'SOCIAL_WORKER', 'h', $3, 'READ', $4, $5)`,
        [next, at, minorId, last.hash, hash],
      );
    await insert(new Date().toISOString(), 'f'.repeat(64));
    expect((await verify()).ok).toBe(false);
    await asIntruder('DELETE FROM audit.access_log WHERE seq = $1', [next]);

    // Back-dated into the middle of the trail, with the hash computed as the database would.
    const at = '2020-01-01T00:00:00.000000Z';
    const forged = entryHash({ seq: next, at_text: at, subject: 'ghost', role: 'SOCIAL_WORKER', organisation: null, operation_name: null, operation_hash: 'h', minor_id: minorId, classes_returned: '', classes_denied: '', action: 'READ', request_id: null, outcome: null, outcome_code: null, purpose: null, detail: null, prev_hash: last.hash, hash: '' });
    await insert(at, forged);
    expect((await verify()).ok).toBe(false);
    await asIntruder('DELETE FROM audit.access_log WHERE seq = $1', [next]);
    expect((await verify()).ok).toBe(true);
  });

  it('keeps one unbroken chain when many requests append at once (group commit)', async () => {
    const before = Number((await asIntruder<{ n: string }>('SELECT count(*) AS n FROM audit.access_log'))[0].n);
    const sw = hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-chain', service: 'S-CHAIN' });
    const results = await Promise.all(Array.from({ length: 20 }, () => hub.gql(sw, 'query($id: ID!) { minor(id: $id) { firstName } }', { id: minorId })));
    for (const r of results) expectNoErrors(r);
    const after = Number((await asIntruder<{ n: string }>('SELECT count(*) AS n FROM audit.access_log'))[0].n);
    expect(after - before).toBe(20);
    expect(await verify()).toMatchObject({ ok: true, entriesChecked: after });
  });
});
