import { ListingCache } from '../qualityService';

/** The in-process cache of data-quality listings (services/qualityService.ts): bounded by age and by lines held. */
describe('ListingCache', () => {
  it('serves a listing until it is ttlMs old, then forgets it', () => {
    let now = 1_000;
    const cache = new ListingCache<number>({ ttlMs: 60_000, maxLines: 100 }, () => now);
    const lines = [1, 2, 3];
    cache.set('a', lines);
    now += 59_999;
    expect(cache.get('a')).toBe(lines);
    // Served from the cache: set with the same lines keeps the computation's age.
    cache.set('a', lines);
    now += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size()).toEqual({ listings: 0, lines: 0 });
  });

  it('evicts the oldest listings while the lines held exceed maxLines, and keeps no listing larger than maxLines', () => {
    const cache = new ListingCache<number>({ ttlMs: 60_000, maxLines: 10 }, () => 0);
    cache.set('a', [1, 2, 3, 4]);
    cache.set('b', [1, 2, 3]);
    cache.set('c', [1, 2, 3]);
    expect(cache.size()).toEqual({ listings: 3, lines: 10 });
    cache.set('d', [1, 2]);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeDefined();
    expect(cache.size()).toEqual({ listings: 3, lines: 8 });
    cache.set('e', Array.from({ length: 11 }, (_, i) => i));
    expect(cache.get('e')).toBeUndefined();
    expect(cache.size()).toEqual({ listings: 3, lines: 8 });
  });

  it('replaces a listing recomputed under the same key, counting its lines once', () => {
    const cache = new ListingCache<number>({ ttlMs: 60_000, maxLines: 10 }, () => 0);
    cache.set('a', [1, 2, 3]);
    const fresh = [1, 2];
    cache.set('a', fresh);
    expect(cache.get('a')).toBe(fresh);
    expect(cache.size()).toEqual({ listings: 1, lines: 2 });
  });

  it('keeps nothing when ttlMs is 0', () => {
    const cache = new ListingCache<number>({ ttlMs: 0 }, () => 0);
    cache.set('a', [1]);
    expect(cache.get('a')).toBeUndefined();
  });
});
