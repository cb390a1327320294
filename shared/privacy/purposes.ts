/**
 * Purposes of docs/privacy.md §11, shared by the gateway (which decides them)
 * and the modules (which must not contradict them).
 */
export type PurposeName = 'PROSECUTOR_LIST' | 'ISTAT_TRANSMISSION';

/**
 * PROSECUTOR_LIST window: from the half-year's first day until the end of the
 * following half-year (the list is due after the half-year ends; the duty
 * lasts until the next one is owed). Undefined for an impossible period.
 */
export function prosecutorListWindow(year: number, half: number): { from: string; to: string } | undefined {
  if (!Number.isInteger(year) || year < 1900 || year > 9998 || (half !== 1 && half !== 2)) return undefined;
  return half === 1 ? { from: `${year}-01-01`, to: `${year}-12-31` } : { from: `${year}-07-01`, to: `${year + 1}-06-30` };
}

export function inProsecutorListWindow(year: number, half: number, today: string): boolean {
  const w = prosecutorListWindow(year, half);
  return !!w && today >= w.from && today <= w.to;
}
