import type { Resolvers } from '../generated/graphql';
import { isConventionalStructureCode } from '../rules/structureCode';
import { minorOf } from './recordMinor';

/** Cases, interventions and health data. */
export const caseResolvers = {
  Mutation: {
    openCase: (_p, args, ctx) => ctx.services.cases.open(args.input),
    closeCase: (_p, args, ctx) => ctx.services.cases.close(args.input),
    transferCase: (_p, args, ctx) => ctx.services.cases.transfer(args.input),
    addIntervention: (_p, args, ctx) => ctx.services.interventions.add(args.input),
    recordHealthData: (_p, args, ctx) => ctx.services.healthData.record(args.input),
    recordReferral: (_p, args, ctx) => ctx.services.referrals.record(args.input),
  },
  Case: {
    __resolveReference: (ref, ctx) => ctx.loaders.caseById.load(ref.id),
    minor: minorOf,
    interventions: (c, _a, ctx) => ctx.loaders.interventionsByCaseId.load(c.id),
  },
  Intervention: {
    __resolveReference: (ref, ctx) => ctx.loaders.interventionById.load(ref.id),
    minor: minorOf,
    // ASSO resolves the structure; 888888 / 999999 have no registry entry (seed 003 §3.9.6).
    structure: (i) => (i.structureCode === null || isConventionalStructureCode(i.structureCode) ? null : { __typename: 'Structure', code: i.structureCode }),
  },
  Referral: {
    minor: minorOf,
  },
  HealthData: {
    minor: minorOf,
    updatedAt: (h) => h.updatedAt.toISOString(),
  },
} satisfies Resolvers;
