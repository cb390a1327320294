import { Writable } from 'node:stream';
import { Client } from 'pg';
import pino from 'pino';
import type { Principal } from '@shared/auth';
import type { ModuleHandle } from '@shared/graphql';
import { freePort, freePorts } from '../../../../test/support/ports';
import { QUALITY_FLAGS_LOCK } from '../repositories/qualityFlagRepository';
import { delayToNextDailyRun } from '../reporting/qualitySchedule';
import { startAsmi } from '../server';
import { startThreeModules, type ThreeModules } from './support/threeModules';

/*
 * ASMI's own daily rewrite of the stored data-quality flags (issue 17 §5,
 * docs/architecture.md "Data-quality listings"): a second ASMI replica with
 * QUALITY_SCHEDULE on, whose timers the test fires by hand, against real
 * PostgreSQL, SINBA and ASSO. The first replica (schedule off, as in every
 * test) serves the reads.
 */
let today = '2024-06-15';
const clock = () => today;
const ANALYST: Principal = { role: 'REGIONAL_ANALYST', sub: 'analyst' };
const op = (structureCode: string): Principal => ({ role: 'STRUCTURE_OPERATOR', sub: `op-${structureCode}`, structureCode });
const ISSUES = `query($filter: QualityIssueFilter) { placementQualityIssues(filter: $filter, first: 100) { nodes { placementId flag since } } }`;

describe("ASMI's data-quality schedule", () => {
  let hub: ThreeModules;
  let replica: ModuleHandle | undefined;
  let admin: Client;
  let placementId: string;
  const timers: { run: () => Promise<void>; ms: number; cancelled: boolean }[] = [];
  const pending = () => timers.filter((t) => !t.cancelled);
  /** Fires the schedule's one pending timer; resolves when its run has ended. */
  const fire = () => {
    const [t] = pending();
    expect(pending()).toHaveLength(1);
    t.cancelled = true;
    return t.run();
  };
  const logs: { level: number; msg: string; placements?: number; retryInMs?: number; err?: Record<string, unknown> }[] = [];
  let now = new Date('2024-07-15T00:05:00+02:00');
  // The replica's view of SINBA, which a test takes away and gives back.
  const subgraphUrls = { sinba: '', asso: '', asmi: '' };

  const ok = <T>(res: { data?: unknown; errors?: unknown[] }): T => {
    if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
    return res.data as T;
  };
  const read = async () =>
    ok<{ placementQualityIssues: { nodes: { placementId: string; flag: string; since: string }[] } }>(await hub.call('asmi', ANALYST, ISSUES, { filter: { structureCode: 'QS-A' } })).placementQualityIssues.nodes;
  const state = async () =>
    (await admin.query(`SELECT to_char(computed_on, 'YYYY-MM-DD') AS "computedOn", computed_at AS "computedAt" FROM asmi.quality_state WHERE id = 1`)).rows[0] as { computedOn: string | null; computedAt: Date };
  const storedFlags = async () =>
    (await admin.query(`SELECT flag, to_char(since, 'YYYY-MM-DD') AS since FROM asmi.placement_quality_flag WHERE placement_id = $1 ORDER BY flag`, [placementId])).rows;
  /** A new day: "today" moves and the stored flags are yesterday's (what midnight leaves). */
  const newDay = async (day: string) => {
    today = day;
    now = new Date(`${day}T00:05:00+02:00`);
    await admin.query(`UPDATE asmi.quality_state SET computed_on = $1::date - 1 WHERE id = 1`, [day]);
  };

  beforeAll(async () => {
    hub = await startThreeModules(clock);
    admin = new Client({ connectionString: hub.db.adminUrl });
    await admin.connect();
    await hub.registerStructure('QS-A');
    // Admitted on 1 June without a case: NO_OPEN_CASE from day 30 (1 July) on, so the flags of 15 June and 15 July differ.
    const minorId = await hub.registerMinor();
    const res = ok<{ admitMinor: { id: string } }>(
      await hub.call('asmi', op('QS-A'), 'mutation($input: AdmitMinorInput!) { admitMinor(input: $input) { id } }', {
        input: { minorId, structureCode: 'QS-A', admissionDate: '2024-06-01', kind: 'ORDINARY', requestId: await hub.requestFor(minorId, 'QS-A') },
      }),
    );
    placementId = res.admitMinor.id;
    expect(await read()).toEqual([]); // computed for 15 June
    Object.assign(subgraphUrls, hub.config.subgraphUrls);
    const [port] = await freePorts(1);
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          logs.push(JSON.parse(chunk.toString()));
          done();
        },
      }),
    );
    replica = await startAsmi({ ...hub.config, qualitySchedule: true, ports: { ...hub.config.ports, asmi: port }, subgraphUrls }, logger, {
      clock,
      qualitySchedule: {
        now: () => now,
        setTimer: (run, ms) => {
          const t = { run, ms, cancelled: false };
          timers.push(t);
          return { cancel: () => void (t.cancelled = true) };
        },
      },
    });
  }, 60_000);
  afterAll(async () => {
    await replica?.stop();
    await admin?.end();
    await hub?.stop();
  });

  it('is off in tests unless asked for (NODE_ENV=test); a replica asked for it plans its first run shortly after start-up', () => {
    expect(hub.config.qualitySchedule).toBe(false);
    expect(pending().map((t) => t.ms)).toEqual([5000]); // the replica's first run, shortly after start-up
  });

  it("rewrites yesterday's flags for today in the background, without any read, and the next read rewrites nothing", async () => {
    await newDay('2024-07-15');
    expect(await storedFlags()).toEqual([]);
    await fire();
    expect(await state()).toMatchObject({ computedOn: '2024-07-15' });
    expect(await storedFlags()).toEqual([{ flag: 'NO_OPEN_CASE', since: '2024-07-01' }]);
    const finished = logs.filter((l) => l.msg === 'data-quality flags: daily rewrite finished');
    expect(finished).toHaveLength(1);
    expect(finished[0].placements).toBeGreaterThanOrEqual(1);
    // The next run: a few minutes after the next midnight in Rome.
    expect(pending().map((t) => t.ms)).toEqual([delayToNextDailyRun(now)]);

    const before = await state();
    hub.sinba.counter.reset();
    expect(await read()).toEqual([{ placementId, flag: 'NO_OPEN_CASE', since: '2024-07-01' }]);
    expect(hub.sinba.counter.value).toBe(0); // no case periods asked: no rewrite
    expect((await state()).computedAt).toEqual(before.computedAt);
  });

  it('retries while SINBA does not answer, warning without personal data, and rewrites once it answers', async () => {
    await newDay('2024-07-16');
    subgraphUrls.sinba = `http://127.0.0.1:${await freePort()}/graphql`; // nothing listens there
    await fire();
    const warning = logs.at(-1)!;
    expect(warning).toMatchObject({ level: 40, err: { code: 'UPSTREAM_UNAVAILABLE' }, retryInMs: 5000 });
    expect(JSON.stringify(warning)).not.toContain(placementId);
    expect(await state()).toMatchObject({ computedOn: '2024-07-15' });
    expect(pending().map((t) => t.ms)).toEqual([5000]);
    subgraphUrls.sinba = hub.config.subgraphUrls.sinba;
    await fire();
    expect(await state()).toMatchObject({ computedOn: '2024-07-16' });
    expect(pending().map((t) => t.ms)).toEqual([delayToNextDailyRun(now)]);
  });

  it('makes a reader who comes during the rewrite wait on the lock, then read the fresh flags without a rewrite of its own', async () => {
    await newDay('2024-07-17');
    const waiters = async () =>
      Number(
        (await admin.query(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`))
          .rows[0].n,
      );
    const until = async (n: number) => {
      for (let i = 0; i < 500 && (await waiters()) < n; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await waiters()).toBe(n);
    };
    // Hold the flags' lock, so both the schedule and the reader queue behind it in that order.
    const holder = new Client({ connectionString: hub.db.adminUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [QUALITY_FLAGS_LOCK]);
      const finishedBefore = logs.filter((l) => l.msg === 'data-quality flags: daily rewrite finished').length;
      const run = fire();
      await until(1);
      hub.sinba.counter.reset();
      const reading = read();
      await until(2);
      await holder.query('COMMIT');
      await run;
      expect(await reading).toEqual([{ placementId, flag: 'NO_OPEN_CASE', since: '2024-07-01' }]);
      const finished = logs.filter((l) => l.msg === 'data-quality flags: daily rewrite finished');
      expect(finished).toHaveLength(finishedBefore + 1);
      expect(finished.at(-1)!.placements).toBeGreaterThanOrEqual(1); // the schedule rewrote
      expect(hub.sinba.counter.value).toBe(0); // the reader, after waiting, did not
      expect(await state()).toMatchObject({ computedOn: '2024-07-17' });
    } finally {
      await holder.end();
    }
  });

  it('clears its timer when the module stops', async () => {
    expect(pending()).toHaveLength(1);
    const stopping = replica?.stop();
    replica = undefined;
    await stopping;
    expect(pending()).toHaveLength(0);
  });
});
