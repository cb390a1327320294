import type { Resolvers } from '../generated/graphql';
import { actResolvers } from './actResolvers';
import { structureResolvers } from './structureResolvers';

/** ASSO's resolvers: thin (read arguments and principal, call one service method, return), typed by the SDL's generated `Resolvers`. */
export const assoResolvers: Resolvers = {
  Query: { ...structureResolvers.Query, ...actResolvers.Query },
  Mutation: { ...structureResolvers.Mutation, ...actResolvers.Mutation },
  Structure: structureResolvers.Structure,
  StructureChange: structureResolvers.StructureChange,
  Act: actResolvers.Act,
  Inspection: actResolvers.Inspection,
  ActDocument: actResolvers.ActDocument,
};
