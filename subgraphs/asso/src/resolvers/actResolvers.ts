import type { Resolvers } from '../generated/graphql';

/** Acts and inspections are written through the supervisor's mutations; their fields are plain columns. */
export const actResolvers: Resolvers = {
  Mutation: {
    recordAct: (_p, args, ctx) => ctx.services.asmiQuality.afterChange(ctx.services.acts.record(ctx.principal, args.input), (a) => a.structureCode),
    recordActDocument: (_p, args, ctx) => ctx.services.actDocuments.record(ctx.principal, args.input),
    recordInspectionFollowUp: (_p, args, ctx) => ctx.services.inspections.recordFollowUp(ctx.principal, args.input),
    recordInspection: (_p, args, ctx) => ctx.services.inspections.record(ctx.principal, args.input),
  },
  Query: {
    overdueFollowUps: (_p, args, ctx) => ctx.services.inspections.overdue(ctx.principal, args),
    actDocument: (_p, args, ctx) => ctx.services.actDocuments.content(args.actId),
  },
  Act: {
    document: (a, _a, ctx) => ctx.services.actDocuments.metadata(ctx.loaders, a.id),
  },
  Inspection: {
    structure: (i, _a, ctx) => ctx.services.structures.byCode(ctx.loaders, i.structureCode),
  },
  ActDocument: {
    uploadedAt: (d) => d.uploadedAt.toISOString(),
  },
};
