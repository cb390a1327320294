import pino from 'pino';
import { Writable } from 'node:stream';
import { AppError } from '@shared/errors';
import { todayInRome } from '@shared/time';
import { AFTER_MIDNIGHT_MS, delayToNextDailyRun, startQualitySchedule, type DailyQualityJob } from '../qualitySchedule';

const H = 3_600_000;

/** Timers the test fires by hand (no real waiting). */
function manualTimers() {
  const all: { run: () => Promise<void>; ms: number; cancelled: boolean }[] = [];
  return {
    all,
    setTimer: (run: () => Promise<void>, ms: number) => {
      const t = { run, ms, cancelled: false };
      all.push(t);
      return { cancel: () => void (t.cancelled = true) };
    },
    /** The one pending timer. */
    pending() {
      const live = all.filter((t) => !t.cancelled);
      expect(live.length).toBeLessThanOrEqual(1);
      return live[0];
    },
    /** Fire the pending timer and wait for its run. */
    async fire() {
      const t = this.pending();
      t.cancelled = true;
      await t.run();
    },
  };
}

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    }),
  );
  return { logger, lines };
}

describe('the data-quality schedule', () => {
  it('runs each day a few minutes after midnight Europe/Rome, through both clock changes', () => {
    // A daily chain from 26 March to 28 October 2026: every run falls at 00:05 Rome, on consecutive days.
    let t = new Date('2026-03-26T00:05:00+01:00');
    const days: string[] = [];
    for (let i = 0; i < 217; i++) {
      const next = new Date(t.getTime() + delayToNextDailyRun(t));
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit' }).format(next);
      expect([next.toISOString(), local]).toEqual([next.toISOString(), '00:05']);
      days.push(todayInRome(next));
      t = next;
    }
    expect(days[0]).toBe('2026-03-27');
    expect(days.at(-1)).toBe('2026-10-29');
    expect(new Set(days).size).toBe(days.length);
    expect(delayToNextDailyRun(new Date('2026-03-29T00:05:00+01:00'))).toBe(23 * H);
    expect(delayToNextDailyRun(new Date('2026-10-25T00:05:00+02:00'))).toBe(25 * H);
    expect(AFTER_MIDNIGHT_MS).toBeGreaterThan(0);
  });

  it('rewrites at start-up only when the flags are stale, then waits for the next day', async () => {
    const timers = manualTimers();
    const { logger, lines } = capturingLogger();
    let stale = true;
    const calls: string[] = [];
    const job: DailyQualityJob = {
      isStale: async () => (calls.push('isStale'), stale),
      refreshAll: async () => (calls.push('refreshAll'), (stale = false), 42),
    };
    const now = new Date('2026-06-15T10:00:00+02:00');
    const schedule = startQualitySchedule({ job, logger, setTimer: timers.setTimer, now: () => now, startDelayMs: 5000 });
    expect(timers.pending().ms).toBe(5000);
    await timers.fire();
    expect(calls).toEqual(['isStale', 'refreshAll']);
    expect(timers.pending().ms).toBe(14 * H + AFTER_MIDNIGHT_MS);
    expect(lines.filter((l) => l.level === 30).map((l) => l.msg)).toEqual(['data-quality flags: daily rewrite started', 'data-quality flags: daily rewrite finished']);
    expect(lines.at(-1)).toMatchObject({ placements: 42, durationMs: expect.any(Number) });
    // Fresh (another replica did it): nothing rewritten, still the next day.
    await timers.fire();
    expect(calls).toEqual(['isStale', 'refreshAll', 'isStale']);
    expect(timers.pending().ms).toBe(14 * H + AFTER_MIDNIGHT_MS);
    await schedule.stop();
    expect(timers.pending()).toBeUndefined();
    await schedule.tick(); // stopped: no run, no timer
    expect(calls).toHaveLength(3);
    expect(timers.pending()).toBeUndefined();
  });

  it('retries with back-off while SINBA or ASSO do not answer, logging no message, then goes back to the daily rhythm', async () => {
    const timers = manualTimers();
    const { logger, lines } = capturingLogger();
    let failuresLeft = 7;
    const job: DailyQualityJob = {
      isStale: async () => true,
      refreshAll: async () => {
        if (failuresLeft-- > 0) throw new AppError('UPSTREAM_UNAVAILABLE', 'SINBA did not answer about minor RSSMRA10A01H501X');
        return 3;
      },
    };
    const schedule = startQualitySchedule({ job, logger, setTimer: timers.setTimer, now: () => new Date('2026-06-15T00:00:00+02:00'), retry: { firstMs: 5000, maxMs: 60_000 } });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      await timers.fire();
      delays.push(timers.pending().ms);
    }
    expect(delays).toEqual([5000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000, 24 * H + AFTER_MIDNIGHT_MS]);
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(7);
    expect(warnings[0]).toMatchObject({ err: { name: 'AppError', code: 'UPSTREAM_UNAVAILABLE' }, retryInMs: 5000 });
    expect(JSON.stringify(lines)).not.toContain('RSSMRA');
    // A later failure starts the back-off again from the first delay.
    failuresLeft = 1;
    await timers.fire();
    expect(timers.pending().ms).toBe(5000);
    await schedule.stop();
  });

  it('runs one rewrite at a time, and a stop waits for the run in progress', async () => {
    const timers = manualTimers();
    let release = () => {};
    let runs = 0;
    const job: DailyQualityJob = {
      isStale: async () => true,
      refreshAll: () => new Promise<number>((resolve) => ((runs += 1), (release = () => resolve(1)))),
    };
    const schedule = startQualitySchedule({ job, logger: pino({ level: 'silent' }), setTimer: timers.setTimer, now: () => new Date() });
    const first = schedule.tick();
    const second = schedule.tick();
    await new Promise((r) => setImmediate(r));
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = schedule.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await Promise.all([first, second, stopping]);
    expect(stopped).toBe(true);
    expect(timers.pending()).toBeUndefined();
  });
});
