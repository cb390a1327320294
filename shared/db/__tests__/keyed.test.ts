import { byKey, groupBy, groupByKey } from '../keyed';

describe('keyed helpers (DataLoader results in key order)', () => {
  const rows = [
    { k: 'a', n: 1 },
    { k: 'b', n: 2 },
    { k: 'a', n: 3 },
  ];

  it('groupBy keeps the input order within each group', () => {
    const groups = groupBy(rows, (r) => r.k);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('c')).toBeUndefined();
  });

  it('groupByKey answers in key order, [] for a miss, normalising the keys asked', () => {
    expect(groupByKey(['B', 'c', 'A'], rows, (r) => r.k, (k) => k.toLowerCase()).map((g) => g.map((r) => r.n))).toEqual([[2], [], [1, 3]]);
  });

  it('byKey answers in key order, null for a miss', () => {
    expect(byKey(['b', 'x'], rows, (r) => r.k)).toEqual([{ k: 'b', n: 2 }, null]);
  });
});
