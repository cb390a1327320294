import type { SinbaContext } from '../context';
import type { AdditionalDataEntity } from '../entities/AdditionalData';
import type { FamilyMemberEntity } from '../entities/FamilyMember';
import type { MinorEntity } from '../entities/Minor';
import { currentMembers, familyUnitName, isSingleParent } from '../rules/familyUnit';
import { isHealthProblem } from '../rules/problems';
import type { AdditionalDataInput } from '../services/additionalDataService';
import type { RecordCoPlanningInput, UpdateCoPlanningInput } from '../services/coPlanningService';
import type { RecordCourtOrderInput } from '../services/courtOrderService';
import type { AddFamilyMemberInput, RemoveFamilyMemberInput, UpdateFamilyMemberInput } from '../services/familyService';
import type { AddProblemInput, EndProblemInput } from '../services/problemService';
import type { RecordViolenceInput } from '../services/violenceService';

type Args<T> = { input: T };
const minorOf = (r: { minorId: string }, _a: unknown, ctx: SinbaContext) => ctx.loaders.minorById.load(r.minorId);

/** The family unit derived from the minor's current members (seed 003 §3.3). */
interface FamilyUnitParent {
  readonly minorId: string;
  readonly members: FamilyMemberEntity[];
}

/** Family unit, additional data, problems, co-planning, violence records and court orders (seed 003 §3.3–§3.8, §3.11). */
export const recordResolvers = {
  Mutation: {
    addFamilyMember: (_p: unknown, a: Args<AddFamilyMemberInput>, ctx: SinbaContext) => ctx.services.family.add(ctx.principal, a.input),
    updateFamilyMember: (_p: unknown, a: Args<UpdateFamilyMemberInput>, ctx: SinbaContext) => ctx.services.family.update(ctx.principal, a.input),
    removeFamilyMember: (_p: unknown, a: Args<RemoveFamilyMemberInput>, ctx: SinbaContext) => ctx.services.family.remove(ctx.principal, a.input),
    recordAdditionalData: (_p: unknown, a: Args<AdditionalDataInput>, ctx: SinbaContext) => ctx.services.additionalData.record(ctx.principal, a.input),
    addMinorProblem: (_p: unknown, a: Args<AddProblemInput>, ctx: SinbaContext) => ctx.services.problems.addMinorProblem(ctx.principal, a.input),
    endMinorProblem: (_p: unknown, a: Args<EndProblemInput>, ctx: SinbaContext) => ctx.services.problems.endMinorProblem(ctx.principal, a.input),
    addFamilyProblem: (_p: unknown, a: Args<AddProblemInput>, ctx: SinbaContext) => ctx.services.problems.addFamilyProblem(ctx.principal, a.input),
    endFamilyProblem: (_p: unknown, a: Args<EndProblemInput>, ctx: SinbaContext) => ctx.services.problems.endFamilyProblem(ctx.principal, a.input),
    recordCoPlanning: (_p: unknown, a: Args<RecordCoPlanningInput>, ctx: SinbaContext) => ctx.services.coPlanning.record(ctx.principal, a.input),
    updateCoPlanning: (_p: unknown, a: Args<UpdateCoPlanningInput>, ctx: SinbaContext) => ctx.services.coPlanning.update(ctx.principal, a.input),
    recordViolence: (_p: unknown, a: Args<RecordViolenceInput>, ctx: SinbaContext) => ctx.services.violence.record(ctx.principal, a.input),
    recordCourtOrder: (_p: unknown, a: Args<RecordCourtOrderInput>, ctx: SinbaContext) => ctx.services.courtOrders.record(ctx.principal, a.input),
  },
  Minor: {
    familyMembers: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.familyMembersByMinorId.load(m.id),
    familyUnit: async (m: MinorEntity, _a: unknown, ctx: SinbaContext): Promise<FamilyUnitParent | null> => {
      const members = await ctx.loaders.familyMembersByMinorId.load(m.id);
      // Nothing visible (no row, or not the case holder): no unit.
      if (members.length === 0) return null;
      return { minorId: m.id, members: currentMembers(members, ctx.today) };
    },
    additionalData: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.additionalDataByMinorId.load(m.id),
    problems: async (m: MinorEntity, _a: unknown, ctx: SinbaContext) => (await ctx.loaders.minorProblemsByMinorId.load(m.id)).filter((p) => !isHealthProblem(p.code)),
    healthProblems: async (m: MinorEntity, _a: unknown, ctx: SinbaContext) => (await ctx.loaders.minorProblemsByMinorId.load(m.id)).filter((p) => isHealthProblem(p.code)),
    familyProblems: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.familyProblemsByMinorId.load(m.id),
    coPlanning: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.coPlanningByMinorId.load(m.id),
    violenceRecords: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.violenceRecordsByMinorId.load(m.id),
    courtOrders: (m: MinorEntity, _a: unknown, ctx: SinbaContext) => ctx.loaders.courtOrdersByMinorId.load(m.id),
  },
  FamilyMember: { minor: minorOf },
  FamilyUnit: {
    minor: minorOf,
    name: (u: FamilyUnitParent) => familyUnitName(u.members),
    singleParent: (u: FamilyUnitParent) => isSingleParent(u.members),
    // seed 003 §3.3: data di conoscenza del nucleo = first case of a member (here: the minor's first visible case)
    knownSince: async (u: FamilyUnitParent, _a: unknown, ctx: SinbaContext) => {
      const cases = await ctx.loaders.casesByMinorId.load(u.minorId);
      return cases.reduce<string | null>((min, c) => (min === null || c.startDate < min ? c.startDate : min), null);
    },
    members: (u: FamilyUnitParent) => u.members,
  },
  AdditionalData: { minor: minorOf, updatedAt: (a: AdditionalDataEntity) => a.updatedAt.toISOString() },
  MinorProblem: { minor: minorOf },
  MinorHealthProblem: { minor: minorOf },
  FamilyProblem: { minor: minorOf },
  CoPlanning: { minor: minorOf },
  ViolenceRecord: { minor: minorOf },
  CourtOrder: { minor: minorOf },
};
