import type { SinbaContext } from '../context';
import type { CaseEntity } from '../entities/Case';
import type { HealthDataEntity } from '../entities/HealthData';
import type { InterventionEntity } from '../entities/Intervention';
import type { AddInterventionInput } from '../services/interventionService';
import type { CloseCaseInput, OpenCaseInput, TransferCaseInput } from '../services/caseService';
import type { HealthDataInput } from '../services/healthDataService';
import type { RecordReferralInput } from '../services/referralService';
import type { ReferralEntity } from '../entities/Referral';
import { isConventionalStructureCode } from '../rules/structureCode';

/** Cases, interventions and health data. */
export const caseResolvers = {
  Mutation: {
    openCase: (_p: unknown, args: { input: OpenCaseInput }, ctx: SinbaContext) => ctx.services.cases.open(ctx.principal, args.input),
    closeCase: (_p: unknown, args: { input: CloseCaseInput }, ctx: SinbaContext) => ctx.services.cases.close(ctx.principal, args.input),
    transferCase: (_p: unknown, args: { input: TransferCaseInput }, ctx: SinbaContext) => ctx.services.cases.transfer(ctx.principal, args.input),
    addIntervention: (_p: unknown, args: { input: AddInterventionInput }, ctx: SinbaContext) => ctx.services.interventions.add(ctx.principal, args.input),
    recordHealthData: (_p: unknown, args: { input: HealthDataInput }, ctx: SinbaContext) => ctx.services.healthData.record(ctx.principal, args.input),
    recordReferral: (_p: unknown, args: { input: RecordReferralInput }, ctx: SinbaContext) => ctx.services.referrals.record(ctx.principal, args.input),
  },
  Case: {
    __resolveReference: (ref: { id: string }, ctx: SinbaContext) => ctx.loaders.caseById.load(ref.id),
    minor: (c: CaseEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.minorById.load(c.minorId),
    interventions: (c: CaseEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.interventionsByCaseId.load(c.id),
  },
  Intervention: {
    __resolveReference: (ref: { id: string }, ctx: SinbaContext) => ctx.loaders.interventionById.load(ref.id),
    minor: (i: InterventionEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.minorById.load(i.minorId),
    // ASSO resolves the structure; 888888 / 999999 have no registry entry (seed 003 §3.9.6).
    structure: (i: InterventionEntity) =>
      i.structureCode === null || isConventionalStructureCode(i.structureCode) ? null : { __typename: 'Structure', code: i.structureCode },
  },
  Referral: {
    minor: (r: ReferralEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.minorById.load(r.minorId),
  },
  HealthData: {
    minor: (h: HealthDataEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.minorById.load(h.minorId),
    updatedAt: (h: HealthDataEntity) => h.updatedAt.toISOString(),
  },
};
