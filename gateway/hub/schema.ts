import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { readSubgraphSdl } from '@shared/graphql';
import { DateScalar } from '@shared/graphql';
import type { AuditStore } from '../audit/auditStore';
import type { Relationships } from '../privacy/relationships';
import { createHubResolvers } from './resolvers';

export const HUB_SCHEMA_DIR = __dirname;

/** The `hub` subgraph the gateway serves in-process: reference code lists and the access log (gateway/hub/schema.graphql). */
export function buildHubSchema(deps: { audit: AuditStore; relationships: Relationships }): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readSubgraphSdl(HUB_SCHEMA_DIR)), resolvers: { Date: DateScalar, ...createHubResolvers(deps) } }]);
}
