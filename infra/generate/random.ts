/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the
 * generator needs. Same seed, same sequence, so a data set is reproducible.
 * faker (seeded from the same number) is used only for names and addresses.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Log-normal with the given median and shape (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    return median * Math.exp(sigma * z);
  }

  /** 128-bit random UUID (version 4 layout) from this generator, so ids are reproducible too. */
  uuid(): string {
    const hex = (n: number) => Math.floor(this.next() * 16 ** n).toString(16).padStart(n, '0');
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + this.int(0, 3)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`;
  }
}

/** Draws from a fixed weighted list in O(log n). */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly items: T[] = [];

  constructor(entries: readonly (readonly [T, number])[]) {
    let total = 0;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
    if (!this.items.length) throw new Error('Weighted: no entry with a positive weight');
    for (let i = 0; i < this.cumulative.length; i++) this.cumulative[i] /= total;
  }

  draw(rng: Rng): T {
    const r = rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** Days since 1970-01-01 (UTC) for an ISO date, and back: the generator works on day numbers. */
export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

const isoCache = new Map<number, string>();

export function dayToIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** The day a person born on `birthDay` turns `years` (29 February → 1 March in common years, as ageOn counts). */
export function birthdayDay(birthDay: number, years: number): number {
  const d = new Date(birthDay * 86_400_000);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const dd = d.getUTCDate();
  const candidate = Date.UTC(y, m, dd);
  const check = new Date(candidate);
  // Feb 29 in a common year rolls to Mar 1 (Date.UTC does this by itself).
  return Math.floor((check.getUTCMonth() === m ? candidate : Date.UTC(y, m + 1, 1)) / 86_400_000);
}

/** Age in whole years on a day. */
export function ageOnDay(birthDay: number, day: number): number {
  const b = new Date(birthDay * 86_400_000);
  const d = new Date(day * 86_400_000);
  let age = d.getUTCFullYear() - b.getUTCFullYear();
  if (d.getUTCMonth() < b.getUTCMonth() || (d.getUTCMonth() === b.getUTCMonth() && d.getUTCDate() < b.getUTCDate())) age--;
  return age;
}
