import DataLoader from 'dataloader';
import type { DocumentNode } from 'graphql';
import type { DataClass } from '@shared/privacy';
import { guardFields } from '@shared/privacy';
import type { SinbaContext } from '../context';

/**
 * The classes of the Minor row itself. CASE, HEALTH, ABUSE and JUDICIAL
 * records are already read through loaders whose SQL keeps only the case
 * holder's rows (caseVisibilityFor in context.ts), on every path.
 */
const GUARDED = new Set<DataClass>(['IDENTITY', 'DEMOGRAPHIC']);

const hostedLoaders = new WeakMap<object, DataLoader<string, boolean>>();

/** HOSTING of the caller's structure, asked of ASMI once per request for all the minors it touches. */
function hosts(ctx: SinbaContext & { principal: { role: 'STRUCTURE_OPERATOR'; structureCode: string } }, minorId: string): Promise<boolean> {
  let loader = hostedLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const hosted = new Set(await ctx.services.minorSearch.hostedAmong(ctx.principal.structureCode, ids, ctx.today));
      return ids.map((id) => hosted.has(id.toLowerCase()));
    });
    hostedLoaders.set(ctx, loader);
  }
  return loader.load(minorId);
}

/**
 * docs/privacy.md §9: SINBA applies §4 itself on every Minor it returns,
 * `minor(id)` and `_entities` included. A social worker reads the minor's
 * data only as CASE_HOLDER (decided here, in SINBA's own tables); a structure
 * operator reads IDENTITY and DEMOGRAPHIC only while HOSTING (asked of ASMI,
 * which owns placements) and never CASE, HEALTH, ABUSE or JUDICIAL;
 * supervisors, analysts, the privacy officer and anonymous callers read none.
 * Module principals (SERVICE) keep their reads: they are other modules
 * checking write-time rules. The answer to a mutation SINBA accepted is left
 * to the gateway's masking (the write rules already decided who may make it).
 */
export function withMinorGuard<T extends Record<string, unknown>>(resolvers: T, typeDefs: DocumentNode): T {
  return guardFields(resolvers, typeDefs, 'Minor', GUARDED, async (ctx: SinbaContext, minor: { id?: string }, dataClass, info) => {
    const p = ctx.principal;
    if (p.role === 'SERVICE') return true;
    // The answer to a write the module has just accepted from this principal is its receipt (docs/privacy.md §6); the gateway still masks it by §4.
    if (info.operation.operation === 'mutation') return true;
    if (typeof minor?.id !== 'string') return false;
    if (p.role === 'SOCIAL_WORKER') return ctx.loaders.viewerHoldsCase.load(minor.id);
    if (p.role === 'STRUCTURE_OPERATOR') {
      if (!GUARDED.has(dataClass)) return false;
      // docs/privacy.md §11 PROSECUTOR_LIST: the gateway signs the purpose only for the structure's own list within its window, and decides each row.
      if (ctx.purpose === 'PROSECUTOR_LIST') return true;
      return hosts(ctx as never, minor.id);
    }
    return false;
  }) as T;
}
