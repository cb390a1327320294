/**
 * DataLoader helpers: batch functions must return results in key order with
 * null (or []) for misses (graphql/dataloader contract). `normalise` maps a
 * requested key to the form the rows carry (e.g. lower-case UUIDs).
 */
const same = (k: string) => k;

export function byKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string, normalise: (key: string) => string = same): (T | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(normalise(k)) ?? null);
}

/** Rows grouped by key, in key order; rows keep their SQL order within a group. */
export function groupByKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string, normalise: (key: string) => string = same): T[][] {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return keys.map((k) => map.get(normalise(k)) ?? []);
}
