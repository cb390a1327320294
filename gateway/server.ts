import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import type { GatewayExecutor, GatewayInterface, GatewayLoadResult, GatewaySchemaLoadOrUpdateCallback, GatewayApolloConfig } from '@apollo/server-gateway-interface';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { prettyFormatQueryPlan } from '@apollo/query-planner';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { Logger } from 'pino';
import type { HubConfig, ModuleName } from '@shared/config';
import { verifyUserToken } from '@shared/auth';
import { createFormatError } from '@shared/errors';
import { createServiceClient } from '@shared/graphql';
import { readSubgraphSdl } from '@shared/graphql';
import { DateScalar } from '@shared/graphql';
import { systemClock, type Clock } from '@shared/time';
import { SUPERGRAPH_PATH } from './config';
import type { GatewayContext } from './context';
import { InternalTokenDataSource } from './dataSources';
import { AuditStore } from './audit/auditStore';
import { createHubResolvers } from './hub/resolvers';
import { createRelationships, type Relationships } from './privacy/relationships';
import { createPrivacyExecutor } from './privacy/privacyExecutor';
import { buildPolicy, type Policy } from './policy/policy';
import { refuseDeepDocuments, requestLimits } from './plugins/limits';
import { httpStatusPlugin } from './plugins/httpStatus';
import { inputGuardPlugin, strictInputLiteralsRule, useStrictDateScalar } from './plugins/inputGuard';
import { jsonErrorHandler, sendErrorCode } from '@shared/errors';
import { registerDownloadRoutes } from './routes/downloads';
import { registerReportRoutes } from './routes/reports';
import { registerProsecutorListRoutes } from './routes/prosecutorList';
import { registerSinbaExportRoutes } from './routes/sinbaExport';
import { registerDevTokenRoutes } from './routes/devToken';
import { registerGraphiqlRoutes } from './routes/graphiql';
import { registerWebClientRoutes } from './routes/webClient';

export const HUB_SCHEMA_DIR = path.join(__dirname, 'hub');
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export interface GatewayHandle {
  readonly url: string;
  readonly port: number;
  readonly audit: AuditStore;
  readonly policy: () => Policy;
  /** Observe the query plans the gateway executes (tests prove what is fetched from subgraphs). */
  onQueryPlan(listener: (plan: string) => void): () => void;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  readonly clock?: Clock;
  readonly supergraphSdl?: string;
  /** Replace the audit store. */
  readonly audit?: AuditStore;
  /**
   * Benchmarks only (bench/privacy-overhead): serve without the privacy
   * engine to measure its cost. Not reachable from configuration.
   */
  readonly unsafeWithoutPrivacyForBenchmark?: boolean;
}

/**
 * Wraps @apollo/gateway so that every execution goes through the privacy
 * executor (rewrite before planning, mask and audit after execution).
 */
class PrivacyGateway implements GatewayInterface {
  constructor(
    private readonly inner: ApolloGateway,
    private readonly wrap: (executor: GatewayExecutor, supergraphSdl: string) => GatewayExecutor,
    private readonly supergraphSdl: string,
  ) {}
  async load(options: { apollo: GatewayApolloConfig }): Promise<GatewayLoadResult> {
    const loaded = await this.inner.load(options);
    return { executor: this.wrap(loaded.executor as GatewayExecutor, this.supergraphSdl) };
  }
  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback) {
    return this.inner.onSchemaLoadOrUpdate((update) => {
      // Strict Date parsing for the variables the gateway coerces (gateway/plugins/inputGuard.ts).
      useStrictDateScalar(update.apiSchema);
      callback(update);
    });
  }
  stop() {
    return this.inner.stop();
  }
}

export async function startGateway(config: HubConfig, logger: Logger, options: GatewayOptions = {}): Promise<GatewayHandle> {
  const clock = options.clock ?? systemClock;
  const auditUrl = config.database.moduleUrls.audit;
  if (!auditUrl && !options.audit) throw new Error('The gateway needs a database for the audit trail: set DATABASE_URL or AUDIT_DATABASE_URL');
  const audit =
    options.audit ??
    AuditStore.connect(auditUrl as string, (err) => logger.warn({ err: { name: err.name, code: (err as { code?: unknown }).code } }, 'audit database connection lost; reconnecting on the next query'));
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  let policy = buildPolicy(supergraphSdl);

  const client = (target: ModuleName) =>
    createServiceClient({ caller: 'gateway', target, url: () => config.subgraphUrls[target], internalSecret: config.internalSecret, timeoutMs: config.upstream.timeoutMs });
  const relationships: Relationships = createRelationships({ sinba: client('sinba'), asmi: client('asmi'), clock });

  const hubSchema = buildSubgraphSchema([
    { typeDefs: parse(readSubgraphSdl(HUB_SCHEMA_DIR)), resolvers: { Date: DateScalar, ...createHubResolvers({ audit, relationships }) } as never },
  ]);
  const planListeners = new Set<(plan: string) => void>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    __exposeQueryPlanExperimental: false,
    experimental_didResolveQueryPlan: ({ queryPlan }) => {
      if (planListeners.size === 0) return;
      const printed = prettyFormatQueryPlan(queryPlan);
      for (const l of planListeners) l(printed);
    },
    buildService: ({ name, url }) => {
      if (name === 'hub') return new LocalGraphQLDataSource(hubSchema);
      const configured = config.subgraphUrls[name as ModuleName] ?? url;
      return new InternalTokenDataSource(name, configured as string, config.internalSecret, config.internalTokenTtlSeconds, {
        timeoutMs: config.upstream.timeoutMs,
        onFailure: (subgraph, reason) => logger.warn({ subgraph, reason }, 'subgraph unavailable'),
      });
    },
  });
  const wrapped = new PrivacyGateway(
    gateway,
    (executor, sdl) => {
      policy = buildPolicy(sdl);
      if (options.unsafeWithoutPrivacyForBenchmark) return executor;
      return createPrivacyExecutor({ executor, policy: () => policy, relationships, audit, logger, mode: config.privacyMode, clock });
    },
    supergraphSdl,
  );

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const limits = requestLimits({ fieldSuggestions: config.introspection });
  const server = new ApolloServer<GatewayContext>({
    gateway: wrapped,
    validationRules: [...limits.validationRules, strictInputLiteralsRule],
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    formatError: createFormatError(logger),
    logger,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ...limits.plugins, inputGuardPlugin(), httpStatusPlugin()],
  });
  await server.start();

  /**
   * Each module with its state and latency (ms), and the audit database:
   * 200 when all are up, else 503; a module that does not answer within the
   * upstream timeout (at most 3 s, so a load balancer's probe gets an answer) is down.
   */
  const probeMs = Math.min(config.upstream.timeoutMs, 3000);
  app.get('/health', async (_req, res) => {
    const checks: Record<string, string> = {};
    const latencyMs: Record<string, number> = {};
    const timed = async (name: string, probe: () => Promise<boolean>) => {
      const t0 = performance.now();
      try {
        checks[name] = (await probe()) ? 'up' : 'down';
      } catch {
        checks[name] = 'down';
      }
      latencyMs[name] = Math.round(performance.now() - t0);
    };
    await Promise.all([
      ...(['sinba', 'asso', 'asmi'] as const).map((name) =>
        timed(name, async () => (await fetch(config.subgraphUrls[name].replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(probeMs) })).ok),
      ),
      timed('database', () => withTimeout(audit.ping(), probeMs)),
    ]);
    const ok = Object.values(checks).every((v) => v === 'up');
    res.status(ok ? 200 : 503).json({ status: ok ? 'up' : 'down', checks, latencyMs });
  });

  const contextFor = (req: express.Request): GatewayContext => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    const principal = verifyUserToken(req.headers.authorization, config.jwt);
    return { principal, requestId, internalTokens: new Map() };
  };
  // Development only: the GraphQL IDE at /graphiql (a browser's GET /graphql redirects there), before the /graphql middleware.
  registerGraphiqlRoutes(app, config);
  registerDownloadRoutes(app, { server, contextFor });
  registerReportRoutes(app, { server, contextFor, audit });
  registerProsecutorListRoutes(app, { server, contextFor });
  registerSinbaExportRoutes(app, { server, contextFor });
  app.use(
    '/graphql',
    // Act documents (PDF, at most 10 MiB) travel base64-encoded in the variables.
    express.json({ limit: '16mb' }),
    refuseDeepDocuments(),
    expressMiddleware(server, { context: async ({ req }) => contextFor(req) }),
  );
  registerDevTokenRoutes(app, config);
  // Last: the structures' web client at / (never under the API prefixes, so routes added after it still answer).
  registerWebClientRoutes(app);
  // Whatever no route answered, and every error a route or the body parser raised: JSON with the registry's status, never an HTML page.
  app.use((_req, res) => sendErrorCode(res, 'NOT_FOUND', 'No such route'));
  app.use(jsonErrorHandler(logger));

  await new Promise<void>((resolve) => httpServer.listen(config.gatewayPort, config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    audit,
    policy: () => policy,
    onQueryPlan: (listener) => {
      planListeners.add(listener);
      return () => planListeners.delete(listener);
    },
    stop: async () => {
      await server.stop();
      if (!options.audit) await audit.close();
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<T>((_r, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(() => clearTimeout(timer));
}
