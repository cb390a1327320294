import type { Resolvers } from '../generated/graphql';

/** Acts and inspections are written through the supervisor's mutations; their fields are plain columns. */
export const actResolvers: Resolvers = {
  Mutation: {
    recordAct: (_p, args, ctx) => ctx.services.asmiQuality.afterChange(ctx.services.acts.record(args.input), (a) => a.structureCode),
    recordActDocument: (_p, args, ctx) => ctx.services.actDocuments.record(args.input),
    recordInspectionFollowUp: (_p, args, ctx) => ctx.services.inspections.recordFollowUp(args.input),
    recordInspection: (_p, args, ctx) => ctx.services.inspections.record(args.input),
  },
  Query: {
    overdueFollowUps: (_p, args, ctx) => ctx.services.inspections.overdue(args),
    actDocument: (_p, args, ctx) => ctx.services.actDocuments.content(args.actId),
  },
  Act: {
    document: (a, _a, ctx) => ctx.services.actDocuments.metadata(a.id),
  },
  Inspection: {
    structure: (i, _a, ctx) => ctx.services.structures.byCode(i.structureCode),
  },
  ActDocument: {
    uploadedAt: (d) => d.uploadedAt.toISOString(),
  },
};
