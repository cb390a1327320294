import type { Logger } from 'pino';
import type { ServiceClient } from '@shared/graphql';

/**
 * ASMI stores each placement's data-quality flags (issue 17 §5); two of them
 * read ASSO: STRUCTURE_OVER_CAPACITY (the places registered today) and
 * STRUCTURE_NOT_ACTIVE (the status the acts give). After ASSO commits a
 * change of those (updateStructure, recordAct: their resolvers call
 * `afterChange`), ASMI recomputes the flags of the structure's placements
 * (refreshQualityFlags, module-to-module).
 */
const REFRESH = 'mutation AssoRefreshQualityFlags($codes: [ID!]) { refreshQualityFlags(structureCodes: $codes) }';

export function createAsmiQualityNotifier(deps: { asmi: ServiceClient | undefined; logger: Logger | undefined }) {
  /** A failure does not undo ASSO's write; ASMI's daily rewrite of every flag catches up. Logged with the structure codes only. */
  async function structuresChanged(codes: readonly string[]): Promise<void> {
    if (!deps.asmi || codes.length === 0) return;
    try {
      await deps.asmi.query(REFRESH, { codes });
    } catch (err) {
      deps.logger?.error({ structureCodes: codes, err: (err as Error).message }, 'ASMI data-quality refresh failed; the daily rewrite will catch up');
    }
  }
  return {
    structuresChanged,
    /** The result of a mutation that changed a structure's places or acts, once ASMI has been told (only when it succeeded). */
    async afterChange<T>(change: Promise<T>, structureCodeOf: (result: T) => string): Promise<T> {
      const result = await change;
      await structuresChanged([structureCodeOf(result)]);
      return result;
    },
  };
}
export type AsmiQualityNotifier = ReturnType<typeof createAsmiQualityNotifier>;
