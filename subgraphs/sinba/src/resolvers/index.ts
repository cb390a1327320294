import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { SinbaContext } from '../context';
import { caseResolvers } from './caseResolvers';
import { minorResolvers } from './minorResolvers';

/** SINBA's resolvers: thin (read arguments and principal, call one service or loader, return). */
export const sinbaResolvers = {
  Query: { ...minorResolvers.Query },
  Mutation: { ...minorResolvers.Mutation, ...caseResolvers.Mutation },
  Minor: minorResolvers.Minor,
  MinorMatch: minorResolvers.MinorMatch,
  Case: caseResolvers.Case,
  Intervention: caseResolvers.Intervention,
  HealthData: caseResolvers.HealthData,
  Referral: caseResolvers.Referral,
} as unknown as GraphQLResolverMap<SinbaContext>;
