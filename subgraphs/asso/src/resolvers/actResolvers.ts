import type { AssoContext } from '../context';
import type { ActEntity } from '../entities/Act';
import type { InspectionEntity } from '../entities/Inspection';
import type { ActDocumentMeta } from '../repositories/actDocumentRepository';
import type { RecordActDocumentInput } from '../services/actDocumentService';
import type { RecordActInput } from '../services/actService';
import type { RecordInspectionInput } from '../services/inspectionService';

/** Acts and inspections are written through the supervisor's mutations; their fields are plain columns. */
export const actResolvers = {
  Mutation: {
    recordAct: (_p: unknown, args: { input: RecordActInput }, ctx: AssoContext) => ctx.services.acts.record(ctx.principal, args.input),
    recordActDocument: (_p: unknown, args: { input: RecordActDocumentInput }, ctx: AssoContext) => ctx.services.actDocuments.record(ctx.principal, args.input),
    recordInspectionFollowUp: (_p: unknown, args: { input: { inspectionId: string; doneDate: string } }, ctx: AssoContext) =>
      ctx.services.inspections.recordFollowUp(ctx.principal, args.input),
    recordInspection: (_p: unknown, args: { input: RecordInspectionInput }, ctx: AssoContext) => ctx.services.inspections.record(ctx.principal, args.input),
  },
  Query: {
    overdueFollowUps: (_p: unknown, args: { first?: number | null; after?: string | null }, ctx: AssoContext) => ctx.services.inspections.overdue(ctx.principal, args),
    actDocument: (_p: unknown, args: { actId: string }, ctx: AssoContext) => ctx.services.actDocuments.content(args.actId),
  },
  Act: {
    document: (a: ActEntity, _a: unknown, ctx: AssoContext) => ctx.services.actDocuments.metadata(ctx.loaders, a.id),
  },
  Inspection: {
    structure: (i: InspectionEntity, _a: unknown, ctx: AssoContext) => ctx.services.structures.byCode(ctx.loaders, i.structureCode),
  },
  ActDocument: {
    uploadedAt: (d: ActDocumentMeta) => d.uploadedAt.toISOString(),
  },
};
