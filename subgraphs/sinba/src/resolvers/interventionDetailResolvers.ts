import type { SinbaContext } from '../context';
import type { AssessmentEntity } from '../entities/Assessment';
import type { InterventionEntity } from '../entities/Intervention';
import type { MinorEntity } from '../entities/Minor';
import { findCode } from '@shared/codes';
import { emergencyPlacementLimit } from '../rules/interventionDetails';
import type { LinkAssessmentInput, RecordAssessmentInput, UpdateAssessmentInput } from '../services/assessmentService';
import type { EndInterventionInput } from '../services/interventionService';
import type { MinorSearchFilter } from '../services/minorSearchService';
import type { ExportRecord } from '../repositories/sinbaExportRepository';

type Ctx = SinbaContext;

/** The emergency limit of an intervention (seed 003 §3.9.6), from its type and its minor's MSNA flag. */
async function emergencyLimitOf(i: InterventionEntity, ctx: Ctx) {
  const type = findCode('INTERVENTION_TYPE', i.type);
  if (!type || type.attributes?.emergency !== true) return { type, limit: null, unaccompanied: false };
  const unaccompanied = await ctx.loaders.unaccompaniedByMinorId.load(i.minorId);
  return { type, limit: emergencyPlacementLimit(type, i.startDate, unaccompanied), unaccompanied };
}

/** Interventions in detail (seed 003 §3.9), assessments (§3.10), searchMinors and the regional flow export. */
export const interventionDetailResolvers = {
  Query: {
    searchMinors: (_p: unknown, args: { filter?: MinorSearchFilter | null; first?: number | null; after?: string | null }, ctx: Ctx) =>
      ctx.services.minorSearch.search(ctx.principal, args.filter, args.first, args.after),
    sinbaExport: (_p: unknown, args: { record: ExportRecord; first?: number | null; after?: string | null }, ctx: Ctx) =>
      ctx.services.sinbaExport.page(ctx.principal, args.record, args.first, args.after),
    sinbaExportManifest: (_p: unknown, _a: unknown, ctx: Ctx) => ctx.services.sinbaExport.manifest(ctx.principal),
    applicantAssessments: (_p: unknown, args: { first?: number | null; after?: string | null }, ctx: Ctx) => ctx.services.assessments.unlinked(ctx.principal, args.first, args.after),
  },
  Mutation: {
    endIntervention: (_p: unknown, args: { input: EndInterventionInput }, ctx: Ctx) => ctx.services.interventions.end(ctx.principal, args.input),
    recordAssessment: (_p: unknown, args: { input: RecordAssessmentInput }, ctx: Ctx) => ctx.services.assessments.record(ctx.principal, args.input),
    updateAssessment: (_p: unknown, args: { input: UpdateAssessmentInput }, ctx: Ctx) => ctx.services.assessments.update(ctx.principal, args.input),
    linkAssessment: (_p: unknown, args: { input: LinkAssessmentInput }, ctx: Ctx) => ctx.services.assessments.link(ctx.principal, args.input),
  },
  Intervention: {
    group: (i: InterventionEntity) => findCode('INTERVENTION_TYPE', i.type)?.group ?? null,
    beneficiaryCount: async (i: InterventionEntity, _a: unknown, ctx: Ctx) => 1 + (await ctx.loaders.siblingIdsByInterventionId.load(i.id)).length,
    siblings: async (i: InterventionEntity, _a: unknown, ctx: Ctx) => ctx.loaders.minorById.loadMany(await ctx.loaders.siblingIdsByInterventionId.load(i.id)),
    emergencyLastDay: async (i: InterventionEntity, _a: unknown, ctx: Ctx) => (await emergencyLimitOf(i, ctx)).limit?.lastDay ?? null,
    emergencyLimitExceeded: async (i: InterventionEntity, _a: unknown, ctx: Ctx) => {
      const { limit, unaccompanied } = await emergencyLimitOf(i, ctx);
      return limit ? ctx.services.interventions.emergencyOverdue(i, unaccompanied) : false;
    },
  },
  Minor: {
    assessments: (m: MinorEntity, _a: unknown, ctx: Ctx) => ctx.loaders.assessmentsByMinorId.load(m.id),
    sharedInterventions: (m: MinorEntity, _a: unknown, ctx: Ctx) => ctx.loaders.sharedInterventionsByMinorId.load(m.id),
  },
  Assessment: {
    __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.assessmentById.load(ref.id),
    // null for an applicants' assessment not linked to a minor yet (seed 003 §3.10)
    minor: (a: AssessmentEntity, _a: unknown, ctx: Ctx) => (a.minorId === null ? null : ctx.loaders.minorById.load(a.minorId)),
  },
};
