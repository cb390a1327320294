import type { FamilyMemberEntity } from '../entities/FamilyMember';
import type { Resolvers } from '../generated/graphql';
import { currentMembers, familyUnitName, isSingleParent } from '../rules/familyUnit';
import { isHealthProblem } from '../rules/problems';
import { minorOf } from './recordMinor';


/** The family unit derived from the minor's current members (seed 003 §3.3). */
export interface FamilyUnitParent {
  readonly minorId: string;
  readonly members: FamilyMemberEntity[];
}

/** Family unit, additional data, problems, co-planning, violence records and court orders (seed 003 §3.3–§3.8, §3.11). */
export const recordResolvers = {
  Mutation: {
    addFamilyMember: (_p, a, ctx) => ctx.services.family.add(a.input),
    updateFamilyMember: (_p, a, ctx) => ctx.services.family.update(a.input),
    removeFamilyMember: (_p, a, ctx) => ctx.services.family.remove(a.input),
    recordAdditionalData: (_p, a, ctx) => ctx.services.additionalData.record(a.input),
    addMinorProblem: (_p, a, ctx) => ctx.services.problems.addMinorProblem(a.input),
    endMinorProblem: (_p, a, ctx) => ctx.services.problems.endMinorProblem(a.input),
    addFamilyProblem: (_p, a, ctx) => ctx.services.problems.addFamilyProblem(a.input),
    endFamilyProblem: (_p, a, ctx) => ctx.services.problems.endFamilyProblem(a.input),
    recordCoPlanning: (_p, a, ctx) => ctx.services.coPlanning.record(a.input),
    updateCoPlanning: (_p, a, ctx) => ctx.services.coPlanning.update(a.input),
    recordViolence: (_p, a, ctx) => ctx.services.violence.record(a.input),
    recordCourtOrder: (_p, a, ctx) => ctx.services.courtOrders.record(a.input),
  },
  Minor: {
    familyMembers: (m, _a, ctx) => ctx.loaders.familyMembersByMinorId.load(m.id),
    familyUnit: async (m, _a, ctx) => {
      const members = await ctx.loaders.familyMembersByMinorId.load(m.id);
      // Nothing visible (no row, or not the case holder): no unit.
      if (members.length === 0) return null;
      return { minorId: m.id, members: currentMembers(members, ctx.today) };
    },
    additionalData: (m, _a, ctx) => ctx.loaders.additionalDataByMinorId.load(m.id),
    problems: async (m, _a, ctx) => (await ctx.loaders.minorProblemsByMinorId.load(m.id)).filter((p) => !isHealthProblem(p.code)),
    healthProblems: async (m, _a, ctx) => (await ctx.loaders.minorProblemsByMinorId.load(m.id)).filter((p) => isHealthProblem(p.code)),
    familyProblems: (m, _a, ctx) => ctx.loaders.familyProblemsByMinorId.load(m.id),
    coPlanning: (m, _a, ctx) => ctx.loaders.coPlanningByMinorId.load(m.id),
    violenceRecords: (m, _a, ctx) => ctx.loaders.violenceRecordsByMinorId.load(m.id),
    courtOrders: (m, _a, ctx) => ctx.loaders.courtOrdersByMinorId.load(m.id),
  },
  FamilyMember: { minor: minorOf },
  FamilyUnit: {
    minor: minorOf,
    name: (u) => familyUnitName(u.members),
    singleParent: (u) => isSingleParent(u.members),
    // seed 003 §3.3: data di conoscenza del nucleo = first case of a member (here: the minor's first visible case)
    knownSince: async (u, _a, ctx) => {
      const cases = await ctx.loaders.casesByMinorId.load(u.minorId);
      return cases.reduce<string | null>((min, c) => (min === null || c.startDate < min ? c.startDate : min), null);
    },
    members: (u) => u.members,
  },
  AdditionalData: { minor: minorOf, updatedAt: (a) => a.updatedAt.toISOString() },
  MinorProblem: { minor: minorOf },
  MinorHealthProblem: { minor: minorOf },
  FamilyProblem: { minor: minorOf },
  CoPlanning: { minor: minorOf },
  ViolenceRecord: { minor: minorOf },
  CourtOrder: { minor: minorOf },
} satisfies Resolvers;
