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

/** The items by key, each group in the input order (one pass: a lookup per key afterwards is O(1)). */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Rows grouped by key, in key order; rows keep their SQL order within a group. */
export function groupByKey<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string, normalise: (key: string) => string = same): T[][] {
  const map = groupBy(rows, keyOf);
  return keys.map((k) => map.get(normalise(k)) ?? []);
}
