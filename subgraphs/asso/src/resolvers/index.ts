import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AssoContext } from '../context';
import { actResolvers } from './actResolvers';
import { structureResolvers } from './structureResolvers';

/** ASSO's resolvers: thin (read arguments and principal, call one service method, return). */
export const assoResolvers = {
  Query: { ...structureResolvers.Query, ...actResolvers.Query },
  Mutation: { ...structureResolvers.Mutation, ...actResolvers.Mutation },
  Structure: structureResolvers.Structure,
  StructureChange: structureResolvers.StructureChange,
  Act: actResolvers.Act,
  ActDocument: actResolvers.ActDocument,
  Inspection: actResolvers.Inspection,
} as unknown as GraphQLResolverMap<AssoContext>;
