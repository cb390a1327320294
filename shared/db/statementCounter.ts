import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

const background = new AsyncLocalStorage<true>();

/**
 * Run a module's background work (ASMI's notification dispatcher) without
 * counting its statements: the counter measures what requests cost.
 */
export function uncounted<T>(fn: () => T): T {
  return background.run(true, fn);
}

/** Whether the current work is background work (its module-to-module calls say so, so the called module does not count them either). */
export function isUncounted(): boolean {
  return background.getStore() === true;
}

/** Header a module-to-module call made by background work carries (shared/graphql/serviceClient.ts, subgraphServer.ts). */
export const BACKGROUND_HEADER = 'x-sirmi-background';

/**
 * Counts the SQL statements a module sends (tests assert "N references → 1
 * query" and the constant statement count of the history query). Counting
 * never depends on the machine, unlike timings.
 */
export class StatementCounter {
  private count = 0;
  get value(): number {
    return this.count;
  }
  increment(): void {
    this.count += 1;
  }
  reset(): void {
    this.count = 0;
  }
}

/** TypeORM logger that counts statements and logs nothing (SQL parameters may hold personal data). */
export function countingLogger(counter: StatementCounter): TypeOrmLogger {
  return {
    logQuery: () => {
      if (!background.getStore()) counter.increment();
    },
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
}
