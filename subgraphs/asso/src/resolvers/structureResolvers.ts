import type { Resolvers } from '../generated/graphql';

/** Structure: the public registry, status derived from the acts, REGISTRY fields behind the access rule. */
export const structureResolvers: Resolvers = {
  Query: {
    structure: (_p, args, ctx) => ctx.services.structures.byCode(ctx.loaders, args.code),
    structures: (_p, args, ctx) => ctx.services.structures.list(ctx.loaders, args),
    structureAsOf: (_p, args, ctx) => ctx.services.history.asOf(args.code, args.date, args.recordedOn ?? null),
  },
  Mutation: {
    registerStructure: (_p, args, ctx) => ctx.services.structures.register(ctx.principal, args.input),
    updateStructure: (_p, args, ctx) => ctx.services.asmiQuality.afterChange(ctx.services.history.update(ctx.principal, args.input), (s) => s.code),
  },
  Structure: {
    __resolveReference: (ref, ctx) => ctx.services.structures.byCode(ctx.loaders, ref.code),
    status: (s, _a, ctx) => ctx.services.structures.status(ctx.loaders, s),
    statusOn: (s, args, ctx) => ctx.services.structures.statusOn(ctx.loaders, s, args.date),
    acts: (s, _a, ctx) => ctx.services.structures.acts(ctx.loaders, s),
    inspections: (s, _a, ctx) => ctx.services.structures.inspections(ctx.principal, ctx.loaders, s),
    history: (s, _a, ctx) => ctx.services.history.history(ctx.principal, ctx.loaders, s),
    contactEmail: (s, _a, ctx) => ctx.services.structures.contactEmail(ctx.principal, s),
    municipalityName: (s, _a, ctx) => ctx.services.structures.municipalityName(s),
  },
  StructureChange: {
    id: (c) => c.id,
    changedAt: (c) => c.changedAt.toISOString(),
    changes: (c) => JSON.stringify(c.changes),
  },
};
