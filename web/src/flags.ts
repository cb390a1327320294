import { addMonths, daysBetween } from './dates';

/*
 * Flags on today's guests. EMERGENCY_OVER_LIMIT is the hub's own quality flag
 * (subgraphs/asmi qualityRules: seed 003 §3.9.6, pronta accoglienza at most 2
 * months, 6 for an unaccompanied foreign minor). "Near the limit" is the
 * client's early warning (decision: 14 days before), computed with the same
 * rule from the minor's current unaccompanied flag (the hub uses the flag as
 * at admission; they differ only if it changed since).
 */
export const NEAR_LIMIT_DAYS = 14;

export type GuestFlag =
  | { readonly kind: 'overLimit'; readonly months: number }
  | { readonly kind: 'nearLimit'; readonly months: number; readonly limitDate: string }
  | { readonly kind: 'away'; readonly since: string }
  | { readonly kind: 'missing'; readonly since: string }
  /** Any other quality flag the hub computes (QualityFlag in subgraphs/asmi/schema/quality.graphql). */
  | { readonly kind: 'quality'; readonly code: string };

export interface FlagFacts {
  readonly kind: string;
  readonly admissionDate: string;
  readonly qualityFlags: readonly string[] | null;
  readonly unaccompanied: boolean | null;
  readonly absences: readonly { readonly kind: string; readonly startDate: string; readonly endDate: string | null }[] | null;
}

export function guestFlags(p: FlagFacts, today: string): GuestFlag[] {
  const flags: GuestFlag[] = [];
  if (p.kind === 'EMERGENCY') {
    const months = p.unaccompanied === true ? 6 : 2;
    const limitDate = addMonths(p.admissionDate, months);
    if (p.qualityFlags?.includes('EMERGENCY_OVER_LIMIT') || today > limitDate) flags.push({ kind: 'overLimit', months });
    else if (daysBetween(today, limitDate) <= NEAR_LIMIT_DAYS) flags.push({ kind: 'nearLimit', months, limitDate });
  }
  for (const code of p.qualityFlags ?? []) if (code !== 'EMERGENCY_OVER_LIMIT') flags.push({ kind: 'quality', code });
  for (const a of p.absences ?? []) {
    if (a.endDate === null && a.startDate <= today) flags.push(a.kind === 'UNAUTHORISED_DEPARTURE' ? { kind: 'missing', since: a.startDate } : { kind: 'away', since: a.startDate });
  }
  return flags;
}
