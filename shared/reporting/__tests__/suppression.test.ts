import path from 'node:path';
import { linesOf, suppress, suppressCell, type CountRow, type PublishedRow } from '../suppression';
import { ageBandOf, durationBandOf } from '../dimensions';
import { readSubgraphSdl } from '../../graphql/loadSchema';

const K = 5;
const row = (keys: string[], count: number): CountRow => ({ keys, count });
const sum = (rows: readonly CountRow[]) => rows.reduce((s, r) => s + r.count, 0);

/**
 * An attacker who knows the grand total and every marginal a coarser report
 * would publish (the true sum of each line, when that sum is at least K) and
 * solves, again and again, any line with exactly one unknown cell.
 */
function attack(truth: readonly CountRow[], published: readonly PublishedRow[], total: number | null): Map<number, number> {
  const known = new Map<number, number>();
  published.forEach((r, i) => {
    if (r.count !== null) known.set(i, r.count);
  });
  const lines = linesOf(truth);
  const recovered = new Map<number, number>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const [li, line] of lines.entries()) {
      const marginal = li === 0 ? total : sum(line.map((i) => truth[i])) >= K ? sum(line.map((i) => truth[i])) : null;
      if (marginal === null) continue;
      const unknown = line.filter((i) => !known.has(i));
      if (unknown.length !== 1) continue;
      const value = marginal - line.filter((i) => known.has(i)).reduce((s, i) => s + known.get(i)!, 0);
      known.set(unknown[0], value);
      recovered.set(unknown[0], value);
      progress = true;
    }
  }
  return recovered;
}

describe('small-cell suppression (docs/privacy.md §10)', () => {
  it('publishes counts of 0 and of at least MIN_CELL_SIZE, suppresses 1..MIN_CELL_SIZE-1', () => {
    const t = suppress([row(['A'], 0), row(['B'], 4), row(['C'], 5), row(['D'], 1), row(['E'], 30)], 40, K);
    expect(t.rows.map((r) => [r.keys[0], r.count, r.suppressed])).toEqual([
      ['A', 0, false],
      ['B', null, true],
      ['C', 5, false],
      ['D', null, true],
      ['E', 30, false],
    ]);
    expect(t.total).toBe(40);
    expect(suppressCell(3, K)).toEqual({ count: null, suppressed: true });
    expect(suppressCell(0, K)).toEqual({ count: 0, suppressed: false });
  });

  it('secondary step: one small cell and a published total make the next-smallest cell suppressed too', () => {
    const rows = [row(['F'], 3), row(['M'], 12), row(['X'], 7)];
    const t = suppress(rows, sum(rows), K);
    expect(t.rows.map((r) => r.count)).toEqual([null, 12, null]);
    expect(t.total).toBe(22);
  });

  it('a suppressed cell cannot be recomputed from the total and the other cells', () => {
    const rows = [row(['F'], 3), row(['M'], 12), row(['X'], 7)];
    const t = suppress(rows, sum(rows), K);
    // the naive attack: total minus every published cell
    const published = t.rows.filter((r) => !r.suppressed).reduce((s, r) => s + (r.count ?? 0), 0);
    const residue = (t.total ?? 0) - published;
    expect(residue).toBe(10);
    expect(residue).not.toBe(3);
    expect(attack(rows, t.rows, t.total).size).toBe(0);
  });

  it('without the secondary step the attack succeeds (the test can fail)', () => {
    const rows = [row(['F'], 3), row(['M'], 12), row(['X'], 7)];
    const primaryOnly: PublishedRow[] = rows.map((r) => ({ keys: [...r.keys], count: r.count < K ? null : r.count, suppressed: r.count < K }));
    expect(attack(rows, primaryOnly, sum(rows)).get(0)).toBe(3);
  });

  it('protects every line of a three-dimensional table (no zero cells) against the marginals of coarser reports', () => {
    const sexes = ['F', 'M'];
    const bands = ['0-5', '6-10', '11-13', '14-17'];
    const kinds = ['ORDINARY', 'EMERGENCY'];
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let trial = 0; trial < 200; trial++) {
      const cells: CountRow[] = [];
      for (const s of sexes) for (const b of bands) for (const k of kinds) cells.push(row([s, b, k], 1 + Math.floor(rnd() * rnd() * 20)));
      const nonZero = cells.filter((c) => c.count > 0);
      const t = suppress(nonZero, sum(nonZero), K);
      for (const line of linesOf(nonZero)) {
        const n = line.filter((i) => t.rows[i].suppressed).length;
        // one suppressed cell alone is allowed only when the line's marginal is itself a small count, suppressed wherever it is published
        const small = sum(line.map((i) => nonZero[i])) < K;
        expect(n === 0 || n >= 2 || small).toBe(true);
      }
      const recovered = attack(nonZero, t.rows, t.total);
      for (const [i] of recovered) expect(t.rows[i].suppressed && nonZero[i].count >= 1 && nonZero[i].count < K).toBe(false);
    }
  });

  it('the grand total of the same response never gives back a lone suppressed cell, even when every other cell is alone in its lines', () => {
    // (M, 0-5) = 3 is alone in its row and column (small lines); (F, 14-17) = 20 is the only non-zero cell of its row and column.
    const rows = [row(['M', '0-5'], 3), row(['F', '14-17'], 20)];
    const t = suppress(rows, sum(rows), K);
    expect(t.rows[0].suppressed).toBe(true);
    // Within the response: the total minus the published cells must not be the small cell.
    const residue = (t.total ?? NaN) - t.rows.reduce((s, r) => s + (r.count ?? 0), 0);
    expect(residue).not.toBe(3);
    expect(t.rows.filter((r) => r.suppressed).length >= 2 || t.totalSuppressed).toBe(true);
  });

  it('suppresses a small grand total and leaves a table of zeros alone', () => {
    const t = suppress([row(['F'], 2), row(['M'], 1)], 3, K);
    expect(t.total).toBeNull();
    expect(t.totalSuppressed).toBe(true);
    expect(t.rows.every((r) => r.suppressed)).toBe(true);
    expect(suppress([], 0, K)).toEqual({ rows: [], total: 0, totalSuppressed: false });
  });
});

describe('report bands', () => {
  it('age bands 0-5, 6-10, 11-13, 14-17, 18+ in completed years', () => {
    expect([0, 5, 6, 10, 11, 13, 14, 17, 18, 25].map(ageBandOf)).toEqual(['0-5', '0-5', '6-10', '6-10', '11-13', '11-13', '14-17', '14-17', '18+', '18+']);
    expect(ageBandOf(null)).toBe('UNKNOWN');
  });
  it('duration bands in completed months', () => {
    expect([0, 1, 5, 6, 11, 12, 23, 24, 100].map(durationBandOf)).toEqual(['<1M', '1-5M', '1-5M', '6-11M', '6-11M', '12-23M', '12-23M', '24M+', '24M+']);
  });
});

describe('report value types', () => {
  it('come from one shared file that ASMI and SINBA both include (shareable value types must agree)', () => {
    const root = path.resolve(__dirname, '..', '..', '..');
    for (const m of ['asmi', 'sinba']) {
      const sdl = readSubgraphSdl(path.join(root, 'subgraphs', m, 'schema'));
      expect(sdl.match(/^type Report @shareable/gm)).toHaveLength(1);
    }
  });
});
