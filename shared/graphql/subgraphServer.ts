import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { SubgraphResolverMap } from './resolverMap';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from '../auth/internalToken';
import type { Principal } from '../auth/principal';
import { createFormatError } from '../errors/formatError';
import { DateScalar } from './scalars';
import { withInputSanitiser } from './inputSanitiser';
import { jsonErrorHandler } from '../errors/httpErrors';
import { withWriteTrail, writeTrailPlugin } from '../audit/writeTrail';
import type { DataSource } from 'typeorm';
import { BACKGROUND_HEADER, uncounted, type StatementCounter } from '../db/statementCounter';

export interface SubgraphRequestInfo {
  readonly principal: Principal;
  readonly requestId: string | undefined;
  /** The purpose (docs/privacy.md §11) the gateway signed into the internal token, if any. */
  readonly purpose?: string;
}

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** Subgraph name: also the audience of the internal token it accepts. */
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly resolvers: SubgraphResolverMap;
  readonly internalSecret: string;
  readonly logger: Logger;
  readonly introspection: boolean;
  /** Builds the per-request context (fresh DataLoaders) once the caller is verified. */
  readonly createContext: (info: SubgraphRequestInfo) => TContext | Promise<TContext>;
  /** Liveness of what the subgraph depends on (its database). */
  readonly health: () => Promise<Record<string, string>>;
  readonly bodyLimit?: string;
  /** Extra HTTP routes (registered before /graphql), each behind the same internal-token check when `protected`. */
  readonly routes?: (app: express.Express) => void;
  /** Idle keep-alive of the HTTP server (ms): longer than the gateway keeps an idle socket (issue 16). */
  readonly keepAliveMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** What `start<Module>(config, logger)` returns: the server, its statement counter and its DataSource. */
export interface ModuleHandle extends RunningServer {
  readonly counter: StatementCounter;
  readonly dataSource: DataSource;
}

/**
 * Apollo Server 5 + buildSubgraphSchema behind express. Every request to
 * /graphql, `_entities` and `_service` included, must carry a valid internal
 * token from the gateway (docs/privacy.md §9); otherwise HTTP 401 UNAUTHENTICATED.
 */
export async function startSubgraphServer<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext>,
  listen: { host: string; port: number },
): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // The gateway's fetch closes an idle socket a second before the hint this sends (Keep-Alive: timeout=…), so it never reuses one this server is closing.
  httpServer.keepAliveTimeout = options.keepAliveMs ?? 65_000;
  httpServer.headersTimeout = httpServer.keepAliveTimeout + 1000;
  // Every root mutation field runs in its own write record, sent to the gateway for the audit trail (docs/privacy.md §7).
  // Arguments pass the shared input sanitiser before any resolver (NUL bytes, unpaired surrogates, lengths: shared/graphql/inputSanitiser.ts).
  const schema = withWriteTrail(withInputSanitiser(buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: { Date: DateScalar, ...options.resolvers } }])));
  const server = new ApolloServer<TContext>({
    schema,
    introspection: options.introspection,
    formatError: createFormatError(options.logger),
    logger: options.logger,
    includeStacktraceInErrorResponses: false,
    // The process handles SIGTERM/SIGINT itself (runModuleProcess); Apollo's own handler, on by default outside
    // NODE_ENV=test, raced it and left server.stop() unsettled, so every module outlived its stop signal.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), writeTrailPlugin<TContext>()],
  });
  await server.start();

  app.get('/health', async (_req, res) => {
    try {
      const checks = await options.health();
      const ok = Object.values(checks).every((v) => v === 'up');
      res.status(ok ? 200 : 503).json({ status: ok ? 'up' : 'down', service: options.name, checks });
    } catch {
      res.status(503).json({ status: 'down', service: options.name });
    }
  });
  options.routes?.(app);
  app.use(
    '/graphql',
    // As large as the gateway's: an over-long string is then refused by the input sanitiser with its field, not by the body parser.
    express.json({ limit: options.bodyLimit ?? '16mb' }),
    // Background work of another module (ASMI's notification dispatcher) is not counted here either.
    (req: express.Request, _res: express.Response, next: express.NextFunction) => (req.headers[BACKGROUND_HEADER] === '1' ? uncounted(() => next()) : next()),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const header = req.headers[INTERNAL_TOKEN_HEADER];
        const { principal, requestId, purpose } = verifyInternalToken(Array.isArray(header) ? header[0] : header, options.internalSecret, options.name);
        return options.createContext({ principal, requestId, ...(purpose ? { purpose } : {}) });
      },
    }),
  );

  // A body that is not JSON or too large, a route that threw: JSON with the registry's status, no HTML, no body in the log.
  app.use(jsonErrorHandler(options.logger));

  await new Promise<void>((resolve) => httpServer.listen(listen.port, listen.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const shownHost = listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    stop: async () => {
      await server.stop();
    },
  };
}
