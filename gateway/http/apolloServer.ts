import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { Logger } from 'pino';
import type { HubConfig } from '@shared/config';
import { createFormatError } from '@shared/errors';
import type { GatewayContext } from '../context';
import { httpStatusPlugin } from '../plugins/httpStatus';
import { inputGuardPlugin, strictInputLiteralsRule } from '../plugins/inputGuard';
import { requestLimits } from '../plugins/limits';

/**
 * The Apollo server in front of the (privacy-wrapped) gateway: request
 * limits and input guards before any planning, the one formatError, the
 * registry's HTTP statuses, no batching, no landing page, introspection as
 * configured.
 */
export function createApolloServer(deps: { gateway: GatewayInterface; httpServer: http.Server; config: HubConfig; logger: Logger }): ApolloServer<GatewayContext> {
  const { config, logger } = deps;
  const limits = requestLimits({ fieldSuggestions: config.introspection });
  return new ApolloServer<GatewayContext>({
    gateway: deps.gateway,
    validationRules: [...limits.validationRules, strictInputLiteralsRule],
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    formatError: createFormatError(logger),
    logger,
    includeStacktraceInErrorResponses: false,
    // gateway/index.ts handles SIGTERM/SIGINT itself; Apollo's own handler (on by default outside NODE_ENV=test)
    // raced it and left the stop unsettled (the workers outlived the signal).
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer }), ApolloServerPluginLandingPageDisabled(), ...limits.plugins, inputGuardPlugin(), httpStatusPlugin()],
  });
}
