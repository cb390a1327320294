import express from 'express';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { Logger } from 'pino';
import type { HubConfig } from '@shared/config';
import { jsonErrorHandler, sendErrorCode } from '@shared/errors';
import type { AuditStore } from '../audit/auditStore';
import type { ContextFor, GatewayContext } from '../context';
import { refuseDeepDocuments } from '../plugins/limits';
import { registerActDocumentRoutes } from './actDocuments';
import { registerDevTokenRoutes } from './devToken';
import { registerGraphiqlRoutes } from './graphiql';
import { registerOpenDataRoutes } from './openData';
import { registerProsecutorListRoutes } from './prosecutorList';
import { registerReportRoutes } from './reports';
import { registerSinbaExportRoutes } from './sinbaExport';
import { registerWebClientRoutes } from './webClient';

export interface RouteDeps {
  readonly config: HubConfig;
  readonly logger: Logger;
  readonly server: ApolloServer<GatewayContext>;
  readonly contextFor: ContextFor;
  readonly audit: AuditStore;
}

/**
 * Every route of the gateway after /health, in the order Express tries them:
 * the GraphQL IDE (development only; a browser's GET /graphql redirects
 * there, so before /graphql), the export routes (each runs its operations
 * through the same server with the caller's context: gateway/routes/exportKit.ts),
 * POST /graphql, the development sign-in, the web client last (never under
 * the API prefixes, so routes added before it still answer), then a JSON
 * 404 and the JSON error handler: never an HTML page.
 */
export function registerRoutes(app: express.Express, deps: RouteDeps): void {
  const { config, server, contextFor } = deps;
  registerGraphiqlRoutes(app, config);
  registerActDocumentRoutes(app, { server, contextFor });
  registerOpenDataRoutes(app, { server, contextFor });
  registerReportRoutes(app, { server, contextFor, audit: deps.audit });
  registerProsecutorListRoutes(app, { server, contextFor });
  registerSinbaExportRoutes(app, { server, contextFor });
  registerGraphqlEndpoint(app, { server, contextFor });
  registerDevTokenRoutes(app, config);
  registerWebClientRoutes(app);
  // Whatever no route answered, and every error a route or the body parser raised: JSON with the registry's status.
  app.use((_req, res) => sendErrorCode(res, 'NOT_FOUND', 'No such route'));
  app.use(jsonErrorHandler(deps.logger));
}

/** POST (and GET) /graphql: nesting refused before parsing, then Apollo with the request's context. */
function registerGraphqlEndpoint(app: express.Express, deps: { server: ApolloServer<GatewayContext>; contextFor: ContextFor }): void {
  app.use(
    '/graphql',
    // Act documents (PDF, at most 10 MiB) travel base64-encoded in the variables.
    express.json({ limit: '16mb' }),
    refuseDeepDocuments(),
    expressMiddleware(deps.server, { context: async ({ req }) => deps.contextFor(req) }),
  );
}
