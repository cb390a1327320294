import type { Resolvers } from '../generated/graphql';
import { caseResolvers } from './caseResolvers';
import { minorResolvers } from './minorResolvers';
import { interventionDetailResolvers } from './interventionDetailResolvers';
import { recordResolvers } from './recordResolvers';
import { reportResolvers, withAsmiSync } from '../reporting';

/** SINBA's resolvers: thin (read arguments and principal, call one service or loader, return), typed by the SDL's generated `Resolvers`. */
export const sinbaResolvers: Resolvers = {
  Query: {
    ...minorResolvers.Query,
    ...interventionDetailResolvers.Query,
    casePeriods: (_p, args, ctx) => ctx.services.casePeriods.casePeriods(args.minorIds),
    caseHolders: (_p, args, ctx) => ctx.services.casePeriods.caseHolders(args.minorIds, args.on),
    ...reportResolvers.Query,
  },
  // Quasi-identifier and case writes tell ASMI once they have succeeded (docs/architecture.md "Reporting data path").
  Mutation: withAsmiSync({ ...minorResolvers.Mutation, ...caseResolvers.Mutation, ...interventionDetailResolvers.Mutation, ...recordResolvers.Mutation }),
  Minor: { ...minorResolvers.Minor, ...interventionDetailResolvers.Minor, ...recordResolvers.Minor },
  MinorMatch: minorResolvers.MinorMatch,
  Case: caseResolvers.Case,
  Intervention: { ...caseResolvers.Intervention, ...interventionDetailResolvers.Intervention },
  Assessment: interventionDetailResolvers.Assessment,
  HealthData: caseResolvers.HealthData,
  Referral: caseResolvers.Referral,
  // seed 003 §3.3–§3.8, §3.11, court orders
  FamilyMember: recordResolvers.FamilyMember,
  FamilyUnit: recordResolvers.FamilyUnit,
  AdditionalData: recordResolvers.AdditionalData,
  MinorProblem: recordResolvers.MinorProblem,
  MinorHealthProblem: recordResolvers.MinorHealthProblem,
  FamilyProblem: recordResolvers.FamilyProblem,
  CoPlanning: recordResolvers.CoPlanning,
  ViolenceRecord: recordResolvers.ViolenceRecord,
  CourtOrder: recordResolvers.CourtOrder,
  CaseQualityIssue: reportResolvers.CaseQualityIssue,
};
