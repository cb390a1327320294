/**
 * Small-cell suppression of docs/privacy.md §10, applied to every aggregate report
 * after the SQL and before anything leaves the subgraph.
 *
 * Primary: a cell with a count between 1 and minCellSize - 1 is published as
 * `count: null, suppressed: true`. Zero cells stay 0 (the SQL returns no row
 * for them; a missing row means 0).
 *
 * Secondary: a client can add up published cells along any "line" of the
 * table and compare the sum with a marginal it knows: the report's grand
 * total, or a marginal published by a coarser report (the same query with one
 * dimension less). So for every line — the whole table against the grand
 * total, and, for each dimension, the cells that share every other key —
 * there must be either no suppressed cell or at least two. Repeat until
 * stable: when a line holds exactly one suppressed cell, also suppress its
 * smallest published non-zero cell (ties broken by the keys, so the result is
 * deterministic). Two refinements: a line whose own sum is a small count
 * needs nothing (its marginal is primary-suppressed wherever it is
 * published); a cell that is the only non-zero cell of some line with a
 * published marginal is chosen as the second cell only when the line has no
 * other published non-zero cell (its value is that marginal, so hiding it
 * hides little, but a lone suppressed cell next to the grand total of the
 * same response would be given back by subtraction).
 *
 * The grand total is suppressed when it is itself a small count. This is the
 * classic "0 or ≥ 2 per row and column" heuristic: it stops recomputation by
 * subtraction; it does not solve the general interval-disclosure problem of
 * linked tables (documented in docs/privacy.md).
 */

export interface CountRow {
  readonly keys: readonly string[];
  readonly count: number;
}

export interface PublishedRow {
  readonly keys: string[];
  readonly count: number | null;
  readonly suppressed: boolean;
}

export interface SuppressedTable {
  readonly rows: PublishedRow[];
  readonly total: number | null;
  readonly totalSuppressed: boolean;
}

/** A count that may not be published on its own (docs/privacy.md §10). */
export function isSmallCount(count: number, minCellSize: number): boolean {
  return count >= 1 && count < minCellSize;
}

const keyOf = (keys: readonly string[]) => JSON.stringify(keys);

/**
 * The lines of a table: the whole table, and for each dimension the groups of
 * cells that agree on every other key (only when there are two dimensions or
 * more: with one, the only line is the whole table).
 */
export function linesOf(rows: readonly CountRow[]): number[][] {
  const width = rows[0]?.keys.length ?? 0;
  const lines: number[][] = [rows.map((_r, i) => i)];
  if (width < 2) return lines;
  for (let d = 0; d < width; d++) {
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const rest = keyOf(r.keys.filter((_k, j) => j !== d));
      const g = groups.get(rest) ?? [];
      g.push(i);
      groups.set(rest, g);
    });
    lines.push(...groups.values());
  }
  return lines;
}

/**
 * `forced` (optional, by row index) hides non-zero cells on top of the small
 * counts, for a caller whose table is linked to another one (the ISTAT
 * table's breakdowns against its hosted column); the secondary step then
 * runs on them as on primary cells.
 */
export function suppress(rows: readonly CountRow[], total: number, minCellSize: number, forced: readonly boolean[] = []): SuppressedTable {
  const suppressed = rows.map((r, i) => isSmallCount(r.count, minCellSize) || (forced[i] === true && r.count > 0));
  const lines = linesOf(rows);
  const sums = lines.map((line, li) => (li === 0 ? total : line.reduce((s, i) => s + rows[i].count, 0)));
  // A cell that is the only non-zero cell of a line whose marginal is
  // published (at least minCellSize) is known anyway: hiding it hides nothing.
  const pinned = rows.map(() => false);
  lines.forEach((line, li) => {
    const nonZero = line.filter((i) => rows[i].count > 0);
    if (nonZero.length === 1 && sums[li] >= minCellSize) pinned[nonZero[0]] = true;
  });
  const order = (a: number, b: number) => rows[a].count - rows[b].count || keyOf(rows[a].keys).localeCompare(keyOf(rows[b].keys));
  let changed = suppressed.some(Boolean);
  while (changed) {
    changed = false;
    lines.forEach((line, li) => {
      // A line whose marginal is itself a small count is suppressed wherever it is published.
      if (sums[li] < minCellSize) return;
      if (line.filter((i) => suppressed[i]).length !== 1) return;
      // A pinned cell is taken only when nothing else is left: a marginal
      // "published" elsewhere may itself be hidden there, and the grand total
      // is in this very response (line 0), so the lone cell must not stay alone.
      const open = line.filter((i) => !suppressed[i] && rows[i].count > 0).sort(order);
      const candidate = open.find((i) => !pinned[i]) ?? open[0];
      if (candidate === undefined) return;
      suppressed[candidate] = true;
      changed = true;
    });
  }
  const totalSuppressed = isSmallCount(total, minCellSize);
  return {
    rows: rows.map((r, i) => ({ keys: [...r.keys], count: suppressed[i] ? null : r.count, suppressed: suppressed[i] })),
    total: totalSuppressed ? null : total,
    totalSuppressed,
  };
}

/** One published count (the ISTAT table's single cells: entries, exits). */
export function suppressCell(count: number, minCellSize: number): { count: number | null; suppressed: boolean } {
  return isSmallCount(count, minCellSize) ? { count: null, suppressed: true } : { count, suppressed: false };
}
