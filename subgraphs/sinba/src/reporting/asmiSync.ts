import type { Logger } from 'pino';
import type { ServiceClient } from '@shared/graphql';

/** The quasi-identifiers ASMI copies onto each placement (docs/privacy.md §9: never names nor fiscal codes). */
export interface QuasiIdentifiers {
  readonly id: string;
  readonly birthDate: string | null;
  readonly sex: string | null;
  readonly citizenship: string | null;
  readonly unaccompanied: boolean | null;
}

/**
 * SINBA mutations that may set or correct a minor's birth date, sex,
 * citizenship or MSNA flag and return the minor: after each succeeds, the new
 * values are pushed to ASMI (syncMinorQuasiIdentifiers), so the copies ASMI
 * made at admission — which the reports read — stay current
 * (docs/architecture.md "Reporting data path"). Names not defined by SINBA
 * are skipped, so a correction mutation added later only needs its name here.
 */
export const QUASI_IDENTIFIER_MUTATIONS = ['completeBirth', 'correctMinor', 'updateMinor'] as const;

const SYNC = 'mutation SinbaSyncQuasiIdentifiers($minors: [MinorQuasiIdentifiersInput!]!) { syncMinorQuasiIdentifiers(minors: $minors) }';

/**
 * SINBA mutations that open, close or move a minor's case and return it: after
 * each succeeds, ASMI recomputes the stored data-quality flags of the minor's
 * placements (NO_OPEN_CASE reads the case periods; issue 17 §5).
 */
export const CASE_MUTATIONS = ['openCase', 'closeCase', 'transferCase'] as const;

const REFRESH = 'mutation SinbaRefreshQualityFlags($minorIds: [ID!]) { refreshQualityFlags(minorIds: $minorIds) }';

export function createAsmiSync(deps: { asmi: ServiceClient | undefined; logger: Logger }) {
  return {
    /**
     * After SINBA's own commit, like `push`. A failure does not undo the case
     * write; ASMI recomputes every flag at the next day's rewrite (or a later
     * change of the minor), and it is logged with the minor ids only.
     */
    async refreshQuality(minorIds: readonly string[]): Promise<void> {
      if (!deps.asmi || minorIds.length === 0) return;
      try {
        await deps.asmi.query(REFRESH, { minorIds });
      } catch (err) {
        deps.logger.error({ minorIds, err: (err as Error).message }, 'ASMI data-quality refresh failed; the daily rewrite will catch up');
      }
    },
    /**
     * Push after SINBA's own commit. A failure does not undo the SINBA write
     * (it is committed and correct); it is logged with the minor ids only,
     * and `npx tsx infra/reporting/resyncQuasiIdentifiers.ts` pushes every
     * minor again.
     */
    async push(minors: readonly QuasiIdentifiers[]): Promise<void> {
      if (!deps.asmi || minors.length === 0) return;
      try {
        await deps.asmi.query(SYNC, {
          minors: minors.map((m) => ({ minorId: m.id, birthDate: m.birthDate, sex: m.sex, citizenship: m.citizenship, unaccompanied: m.unaccompanied })),
        });
      } catch (err) {
        deps.logger.error({ minorIds: minors.map((m) => m.id), err: (err as Error).message }, 'ASMI quasi-identifier sync failed; run the resync job');
      }
    },
  };
}
export type AsmiSync = ReturnType<typeof createAsmiSync>;

type Resolver = (parent: unknown, args: unknown, ctx: unknown, info: unknown) => unknown;

function isMinorRow(v: unknown): v is QuasiIdentifiers {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && 'birthDate' in v && 'sex' in v;
}

/** Wraps the quasi-identifier mutations present in `mutations` so each pushes its result to ASMI once it has succeeded. */
export function withAsmiSync(mutations: Record<string, unknown>, syncOf: (ctx: unknown) => AsmiSync | undefined): Record<string, unknown> {
  const out = { ...mutations };
  for (const name of QUASI_IDENTIFIER_MUTATIONS) {
    const original = mutations[name] as Resolver | undefined;
    if (typeof original !== 'function') continue;
    out[name] = async (parent: unknown, args: unknown, ctx: unknown, info: unknown) => {
      const result = await original(parent, args, ctx, info);
      const s = syncOf(ctx);
      if (s && isMinorRow(result)) await s.push([{ ...result, citizenship: result.citizenship ?? null, unaccompanied: result.unaccompanied ?? null }]);
      return result;
    };
  }
  for (const name of CASE_MUTATIONS) {
    const original = mutations[name] as Resolver | undefined;
    if (typeof original !== 'function') continue;
    out[name] = async (parent: unknown, args: unknown, ctx: unknown, info: unknown) => {
      const result = await original(parent, args, ctx, info);
      const s = syncOf(ctx);
      const minorId = (result as { minorId?: unknown } | null)?.minorId;
      if (s && typeof minorId === 'string') await s.refreshQuality([minorId]);
      return result;
    };
  }
  return out;
}
