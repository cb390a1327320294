import type { Logger } from 'pino';
import type { ServiceClient } from '@shared/graphql';

/**
 * ASMI stores each placement's data-quality flags (issue 17 §5); two of them
 * read ASSO: STRUCTURE_OVER_CAPACITY (the places registered today) and
 * STRUCTURE_NOT_ACTIVE (the status the acts give). After ASSO commits a
 * change of those (updateStructure, recordAct), ASMI recomputes the flags of
 * the structure's placements (refreshQualityFlags, module-to-module).
 */
export const QUALITY_MUTATIONS = ['updateStructure', 'recordAct'] as const;

const REFRESH = 'mutation AssoRefreshQualityFlags($codes: [ID!]) { refreshQualityFlags(structureCodes: $codes) }';

export function createAsmiQualityNotifier(deps: { asmi: ServiceClient | undefined; logger: Logger | undefined }) {
  return {
    /** A failure does not undo ASSO's write; ASMI's daily rewrite of every flag catches up. Logged with the structure codes only. */
    async structuresChanged(codes: readonly string[]): Promise<void> {
      if (!deps.asmi || codes.length === 0) return;
      try {
        await deps.asmi.query(REFRESH, { codes });
      } catch (err) {
        deps.logger?.error({ structureCodes: codes, err: (err as Error).message }, 'ASMI data-quality refresh failed; the daily rewrite will catch up');
      }
    },
  };
}
export type AsmiQualityNotifier = ReturnType<typeof createAsmiQualityNotifier>;

type Resolver = (parent: unknown, args: unknown, ctx: unknown, info: unknown) => unknown;

/** Wraps the mutations of QUALITY_MUTATIONS present in `mutations` so each tells ASMI once it has succeeded (a Structure's `code`, an Act's `structureCode`). */
export function withAsmiQuality(mutations: Record<string, unknown>, notifierOf: (ctx: unknown) => AsmiQualityNotifier | undefined): Record<string, unknown> {
  const out = { ...mutations };
  for (const name of QUALITY_MUTATIONS) {
    const original = mutations[name] as Resolver | undefined;
    if (typeof original !== 'function') continue;
    out[name] = async (parent: unknown, args: unknown, ctx: unknown, info: unknown) => {
      const result = (await original(parent, args, ctx, info)) as { code?: unknown; structureCode?: unknown } | null;
      const code = typeof result?.structureCode === 'string' ? result.structureCode : typeof result?.code === 'string' ? result.code : null;
      const notifier = notifierOf(ctx);
      if (notifier && code) await notifier.structuresChanged([code]);
      return result;
    };
  }
  return out;
}
