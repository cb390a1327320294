import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { HubConfig, ModuleName } from '@shared/config';
import { InternalTokenDataSource } from '../dataSources';
import type { PlanListeners } from './planListeners';

/**
 * @apollo/gateway over the supergraph: the `hub` subgraph runs in-process
 * (LocalGraphQLDataSource), SINBA, ASSO and ASMI are called with an internal
 * token (gateway/dataSources.ts) at the configured URLs; each plan it
 * resolves goes to the plan listeners.
 */
export function createFederatedGateway(deps: { config: HubConfig; logger: Logger; supergraphSdl: string; hubSchema: GraphQLSchema; planListeners: PlanListeners }): ApolloGateway {
  const { config, logger, hubSchema } = deps;
  return new ApolloGateway({
    supergraphSdl: deps.supergraphSdl,
    logger,
    __exposeQueryPlanExperimental: false,
    experimental_didResolveQueryPlan: deps.planListeners.didResolveQueryPlan,
    buildService: ({ name, url }) => {
      if (name === 'hub') return new LocalGraphQLDataSource(hubSchema);
      const configured = config.subgraphUrls[name as ModuleName] ?? url;
      return new InternalTokenDataSource(name, configured as string, config.internalSecret, config.internalTokenTtlSeconds, {
        timeoutMs: config.upstream.timeoutMs,
        onFailure: (subgraph, reason) => logger.warn({ subgraph, reason }, 'subgraph unavailable'),
      });
    },
  });
}
