import type { Resolvers } from '../generated/graphql';

/** Structure: the public registry, status derived from the acts, REGISTRY fields behind the access rule. */
export const structureResolvers: Resolvers = {
  Query: {
    structure: (_p, args, ctx) => ctx.services.structures.byCode(args.code),
    structures: (_p, args, ctx) => ctx.services.structures.list(args),
    structureAsOf: (_p, args, ctx) => ctx.services.history.asOf(args.code, args.date, args.recordedOn ?? null),
  },
  Mutation: {
    registerStructure: (_p, args, ctx) => ctx.services.structures.register(args.input),
    updateStructure: (_p, args, ctx) => ctx.services.asmiQuality.afterChange(ctx.services.history.update(args.input), (s) => s.code),
  },
  Structure: {
    __resolveReference: (ref, ctx) => ctx.services.structures.byCode(ref.code),
    status: (s, _a, ctx) => ctx.services.structures.status(s),
    statusOn: (s, args, ctx) => ctx.services.structures.statusOn(s, args.date),
    acts: (s, _a, ctx) => ctx.services.structures.acts(s),
    inspections: (s, _a, ctx) => ctx.services.structures.inspections(s),
    history: (s, _a, ctx) => ctx.services.history.history(s),
    contactEmail: (s, _a, ctx) => ctx.services.structures.contactEmail(s),
    municipalityName: (s, _a, ctx) => ctx.services.structures.municipalityName(s),
  },
  StructureChange: {
    id: (c) => c.id,
    changedAt: (c) => c.changedAt.toISOString(),
    changes: (c) => JSON.stringify(c.changes),
  },
};
