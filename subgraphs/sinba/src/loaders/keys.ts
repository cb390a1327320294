import { byKey as byKeyIn, groupByKey as groupByKeyIn } from '@shared/db';
import { isUuid } from '@shared/ids';

/** Ids are compared lower-case (UUIDs may be asked in either case). */
export const lower = (k: string) => k.toLowerCase();

/** The distinct well-formed ids among `keys`, lower-case: what one statement asks for (anything else matches no row). */
export function uuids(keys: readonly string[]): string[] {
  return [...new Set(keys.filter(isUuid).map(lower))];
}

/** One row (or null) per key, in key order, keys compared lower-case. */
export const byKey = <T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string) => byKeyIn(keys, rows, keyOf, lower);

/** The rows of each key, in key order, keys compared lower-case. */
export const groupByKey = <T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string) => groupByKeyIn(keys, rows, keyOf, lower);
