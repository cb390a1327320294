import type { SinbaContext } from '../context';
import type { MinorEntity } from '../entities/Minor';
import type { RegisterMinorInput } from '../services/minorService';

/** Minor: the row comes from SINBA; CASE and HEALTH lists come through the request's loaders. */
export const minorResolvers = {
  Query: {
    minor: (_p: unknown, args: { id: string }, ctx: SinbaContext) => ctx.services.minors.byId(ctx.principal, ctx.loaders, args.id),
    minors: (_p: unknown, args: { first?: number | null; after?: string | null }, ctx: SinbaContext) =>
      ctx.services.minors.list(ctx.principal, args.first, args.after),
    caseHeldMinors: (_p: unknown, args: { minorIds: string[]; serviceId: string; on: string }, ctx: SinbaContext) =>
      ctx.services.minors.heldMinors(ctx.principal, args.minorIds, args.serviceId, args.on),
  },
  Mutation: {
    registerMinor: (_p: unknown, args: { input: RegisterMinorInput }, ctx: SinbaContext) => ctx.services.minors.register(ctx.principal, args.input),
  },
  Minor: {
    __resolveReference: (ref: { id: string }, ctx: SinbaContext) => ctx.services.minors.byId(ctx.principal, ctx.loaders, ref.id),
    pseudonym: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.services.minors.pseudonymOf(m.id),
    cases: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.casesByMinorId.load(m.id),
    interventions: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.interventionsByMinorId.load(m.id),
    healthData: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.healthDataByMinorId.load(m.id),
    viewerIsCaseHolder: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.viewerHoldsCase.load(m.id),
  },
};
