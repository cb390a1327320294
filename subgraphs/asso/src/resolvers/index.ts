import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { AssoContext } from '../context';
import { withAsmiQuality } from '../services/asmiQuality';
import { actResolvers } from './actResolvers';
import { structureResolvers } from './structureResolvers';

/** ASSO's resolvers: thin (read arguments and principal, call one service method, return). */
export const assoResolvers = {
  Query: { ...structureResolvers.Query, ...actResolvers.Query },
  Mutation: withAsmiQuality({ ...structureResolvers.Mutation, ...actResolvers.Mutation }, (ctx) => (ctx as Partial<AssoContext>).services?.asmiQuality),
  Structure: structureResolvers.Structure,
  StructureChange: structureResolvers.StructureChange,
  Act: actResolvers.Act,
  Inspection: actResolvers.Inspection,
  ActDocument: actResolvers.ActDocument,
} as unknown as GraphQLResolverMap<AssoContext>;
