import type { Logger } from 'pino';
import { uncounted } from '@shared/db';
import { describeError } from '@shared/errors';
import { msUntilNextRomeMidnight } from '@shared/time';

/** A pending timer of the schedule; `cancel` clears it. */
export interface ScheduleTimer {
  cancel(): void;
}

/** What the schedule needs of the stored flags (qualityService.ts): are they for another day, and the whole rewrite (refreshAll). */
export interface DailyQualityJob {
  isStale(): Promise<boolean>;
  refreshAll(): Promise<number>;
}

export interface QualityScheduleOptions {
  readonly job: DailyQualityJob;
  readonly logger: Logger;
  /** The current instant (the delay to the next Rome midnight is computed from it). */
  readonly now?: () => Date;
  /** Runs `run` (one tick; its promise settles when the run has ended) after `ms`; the default is an unref'd setTimeout, so the schedule never keeps the process alive. */
  readonly setTimer?: (run: () => Promise<void>, ms: number) => ScheduleTimer;
  /** Milliseconds from `now` to the next daily run; default: the next midnight Europe/Rome plus `AFTER_MIDNIGHT_MS`. */
  readonly delayToNextDay?: (now: Date) => number;
  /** First run after start-up (the other modules may still be starting). */
  readonly startDelayMs?: number;
  /** Back-off after a failed run (SINBA or ASSO not answering, the database away): doubles from `firstMs` up to `maxMs`. */
  readonly retry?: { readonly firstMs: number; readonly maxMs: number };
}

export interface QualitySchedule {
  /** One run now: the whole rewrite if the flags are for another day, then the next run is scheduled (the next day, or a retry). */
  tick(): Promise<void>;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  /** Clears the timer; waits up to `STOP_WAIT_MS` for a run in progress (a longer one is rolled back when the pool closes). */
  stop(): Promise<void>;
}

/** A few minutes after midnight: the day has changed on every replica's clock, whatever their drift. */
export const AFTER_MIDNIGHT_MS = 5 * 60_000;
export const STOP_WAIT_MS = 5_000;

/** The next daily run: a few minutes after the next midnight in Europe/Rome, computed again every day (23- and 25-hour days). */
export function delayToNextDailyRun(now: Date): number {
  return msUntilNextRomeMidnight(now) + AFTER_MIDNIGHT_MS;
}

function unrefTimer(fn: () => unknown, ms: number): ScheduleTimer {
  const t = setTimeout(() => void fn(), ms);
  t.unref();
  return { cancel: () => clearTimeout(t) };
}

/**
 * ASMI's own daily rewrite of the stored data-quality flags
 * (docs/architecture.md "Data-quality listings"): they depend on today, and
 * without a scheduler the first list read of the day would rewrite the whole
 * region inside its request (about 10 s at 200,000 minors, the gateway's
 * subgraph timeout). Started with the module (server.ts, QUALITY_SCHEDULE),
 * it runs shortly after start-up, then a few minutes after every midnight
 * Europe/Rome; a failed run is retried with back-off. Safe on any number of
 * replicas: the rewrite takes the flags' advisory lock, and a replica that
 * comes second finds them fresh and does nothing. Statements are background
 * work (not counted as a request's).
 */
export function startQualitySchedule(options: QualityScheduleOptions): QualitySchedule {
  const { job, logger } = options;
  const now = options.now ?? (() => new Date());
  const setTimer = options.setTimer ?? unrefTimer;
  const delayToNextDay = options.delayToNextDay ?? delayToNextDailyRun;
  const retry = options.retry ?? { firstMs: 5_000, maxMs: 60_000 };
  let timer: ScheduleTimer | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let failures = 0;

  const schedule = (ms: number) => {
    timer?.cancel();
    timer = stopped ? null : setTimer(tick, ms);
  };

  async function runOnce(): Promise<void> {
    try {
      if (await job.isStale()) {
        const started = Date.now();
        logger.info('data-quality flags: daily rewrite started');
        const placements = await job.refreshAll();
        logger.info({ placements, durationMs: Date.now() - started }, 'data-quality flags: daily rewrite finished');
      }
      failures = 0;
      schedule(delayToNextDay(now()));
    } catch (err) {
      if (stopped) return;
      const delay = Math.min(retry.maxMs, retry.firstMs * 2 ** failures);
      failures += 1;
      // Names and codes only, never a message (a database error's carries values).
      const { name, sqlState } = describeError(err);
      const code = (err as { extensions?: { code?: unknown } }).extensions?.code;
      logger.warn({ err: { name, code, sqlState }, retryInMs: delay }, 'data-quality flags: daily rewrite failed; retrying');
      schedule(delay);
    }
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) return running; // one run at a time
    running = uncounted(runOnce).finally(() => {
      running = null;
    });
    return running;
  }

  schedule(options.startDelayMs ?? 5_000);

  return {
    tick,
    idle: () => running ?? Promise.resolve(),
    async stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
      if (running) {
        let cancelWait = () => {};
        const waited = new Promise<void>((resolve) => {
          cancelWait = unrefTimer(resolve, STOP_WAIT_MS).cancel;
        });
        await Promise.race([running.catch(() => undefined), waited]);
        cancelWait();
      }
    },
  };
}
