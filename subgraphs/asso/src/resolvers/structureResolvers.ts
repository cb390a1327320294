import type { AssoContext } from '../context';
import type { StructureEntity } from '../entities/Structure';
import type { StructureChangeRow } from '../repositories/structureHistoryRepository';
import type { UpdateStructureInput } from '../services/structureHistoryService';
import type { RegisterStructureInput, StructureFilterInput } from '../services/structureService';

/** Structure: the public registry, status derived from the acts, REGISTRY fields behind the access rule. */
export const structureResolvers = {
  Query: {
    structure: (_p: unknown, args: { code: string }, ctx: AssoContext) => ctx.services.structures.byCode(ctx.loaders, args.code),
    structures: (_p: unknown, args: { filter?: StructureFilterInput | null; first?: number | null; after?: string | null }, ctx: AssoContext) =>
      ctx.services.structures.list(ctx.loaders, args),
    structureAsOf: (_p: unknown, args: { code: string; date: string; recordedOn?: string | null }, ctx: AssoContext) => ctx.services.history.asOf(args.code, args.date, args.recordedOn ?? null),
  },
  Mutation: {
    registerStructure: (_p: unknown, args: { input: RegisterStructureInput }, ctx: AssoContext) => ctx.services.structures.register(ctx.principal, args.input),
    updateStructure: (_p: unknown, args: { input: UpdateStructureInput }, ctx: AssoContext) => ctx.services.history.update(ctx.principal, args.input),
  },
  Structure: {
    __resolveReference: (ref: { code: string }, ctx: AssoContext) => ctx.services.structures.byCode(ctx.loaders, ref.code),
    status: (s: StructureEntity, _a: unknown, ctx: AssoContext) => ctx.services.structures.status(ctx.loaders, s),
    statusOn: (s: StructureEntity, args: { date: string }, ctx: AssoContext) => ctx.services.structures.statusOn(ctx.loaders, s, args.date),
    acts: (s: StructureEntity, _a: unknown, ctx: AssoContext) => ctx.services.structures.acts(ctx.loaders, s),
    inspections: (s: StructureEntity, _a: unknown, ctx: AssoContext) => ctx.services.structures.inspections(ctx.principal, ctx.loaders, s),
    history: (s: StructureEntity, _a: unknown, ctx: AssoContext) => ctx.services.history.history(ctx.principal, ctx.loaders, s),
    contactEmail: (s: StructureEntity, _a: unknown, ctx: AssoContext) => ctx.services.structures.contactEmail(ctx.principal, s),
    municipalityName: (s: StructureEntity, _a: unknown, ctx: AssoContext) => ctx.services.structures.municipalityName(s),
  },
  StructureChange: {
    id: (c: StructureChangeRow) => c.id,
    changedAt: (c: StructureChangeRow) => c.changedAt.toISOString(),
    changes: (c: StructureChangeRow) => JSON.stringify(c.changes),
  },
};
