import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AssoContext } from '../context';
import { actResolvers } from './actResolvers';
import { structureResolvers } from './structureResolvers';

/** ASSO's resolvers: thin (read arguments and principal, call one service method, return). */
export const assoResolvers = {
  Query: { ...structureResolvers.Query },
  Mutation: { ...structureResolvers.Mutation, ...actResolvers.Mutation },
  Structure: structureResolvers.Structure,
} as unknown as GraphQLResolverMap<AssoContext>;
