import type { AssoContext } from '../context';
import type { RecordActInput } from '../services/actService';
import type { RecordInspectionInput } from '../services/inspectionService';

/** Acts and inspections are written through the supervisor's mutations; their fields are plain columns. */
export const actResolvers = {
  Mutation: {
    recordAct: (_p: unknown, args: { input: RecordActInput }, ctx: AssoContext) => ctx.services.acts.record(ctx.principal, args.input),
    recordInspection: (_p: unknown, args: { input: RecordInspectionInput }, ctx: AssoContext) => ctx.services.inspections.record(ctx.principal, args.input),
  },
};
