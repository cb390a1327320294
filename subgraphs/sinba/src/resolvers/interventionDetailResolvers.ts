import type { SinbaContext } from '../context';
import type { InterventionEntity } from '../entities/Intervention';
import { findCode } from '@shared/codes';
import type { Resolvers } from '../generated/graphql';
import { emergencyPlacementLimit } from '../rules/interventionDetails';
import { referredMinor } from './recordMinor';

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
    searchMinors: (_p, args, ctx) =>
      ctx.services.minorSearch.search(args.filter, args.first, args.after),
    sinbaExport: (_p, args, ctx) =>
      ctx.services.sinbaExport.page(args.record, args.first, args.after),
    sinbaExportManifest: (_p, _a, ctx) => ctx.services.sinbaExport.manifest(),
    applicantAssessments: (_p, args, ctx) => ctx.services.assessments.unlinked(args.first, args.after),
  },
  Mutation: {
    endIntervention: (_p, args, ctx) => ctx.services.interventions.end(args.input),
    recordAssessment: (_p, args, ctx) => ctx.services.assessments.record(args.input),
    updateAssessment: (_p, args, ctx) => ctx.services.assessments.update(args.input),
    linkAssessment: (_p, args, ctx) => ctx.services.assessments.link(args.input),
  },
  Intervention: {
    group: (i) => findCode('INTERVENTION_TYPE', i.type)?.group ?? null,
    beneficiaryCount: async (i, _a, ctx) => 1 + (await ctx.loaders.siblingIdsByInterventionId.load(i.id)).length,
    siblings: async (i, _a, ctx) => Promise.all((await ctx.loaders.siblingIdsByInterventionId.load(i.id)).map((id) => referredMinor(ctx, id))),
    emergencyLastDay: async (i, _a, ctx) => (await emergencyLimitOf(i, ctx)).limit?.lastDay ?? null,
    emergencyLimitExceeded: async (i, _a, ctx) => {
      const { limit, unaccompanied } = await emergencyLimitOf(i, ctx);
      return limit ? ctx.services.interventions.emergencyOverdue(i, unaccompanied) : false;
    },
  },
  Minor: {
    assessments: (m, _a, ctx) => ctx.loaders.assessmentsByMinorId.load(m.id),
    sharedInterventions: (m, _a, ctx) => ctx.loaders.sharedInterventionsByMinorId.load(m.id),
  },
  Assessment: {
    __resolveReference: (ref, ctx) => ctx.loaders.assessmentById.load(ref.id),
    // null for an applicants' assessment not linked to a minor yet (seed 003 §3.10)
    minor: (a, _a, ctx) => (a.minorId === null ? null : ctx.loaders.minorById.load(a.minorId)),
  },
} satisfies Resolvers;
