import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from 'pino';
import type { HubConfig, ModuleName } from '@shared/config';
import { createServiceClient } from '@shared/graphql';
import { systemClock, type Clock } from '@shared/time';
import { SUPERGRAPH_PATH } from './config';
import { createContextFor } from './context';
import { AuditStore } from './audit/auditStore';
import { buildHubSchema } from './hub/schema';
import { registerHealthRoute } from './http/health';
import { createApolloServer } from './http/apolloServer';
import { createFederatedGateway } from './plan/federation';
import { createPlanListeners } from './plan/planListeners';
import { PrivacyGateway } from './plan/privacyGateway';
import { createRelationships } from './privacy/relationships';
import { createPrivacyExecutor } from './privacy/privacyExecutor';
import { buildPolicy, type Policy } from './policy/policy';
import { registerRoutes } from './routes';

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
 * The gateway, assembled from its parts (docs/architecture.md "The
 * gateway's layers"): the audit store, the relationships, the in-process hub
 * subgraph, @apollo/gateway wrapped by the privacy executor, the Apollo
 * server, then the HTTP routes.
 */
export async function startGateway(config: HubConfig, logger: Logger, options: GatewayOptions = {}): Promise<GatewayHandle> {
  const clock = options.clock ?? systemClock;
  const audit = options.audit ?? connectAudit(config, logger);
  const supergraphSdl = options.supergraphSdl ?? fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
  let policy = buildPolicy(supergraphSdl);

  const client = (target: ModuleName) =>
    createServiceClient({ caller: 'gateway', target, url: () => config.subgraphUrls[target], internalSecret: config.internalSecret, timeoutMs: config.upstream.timeoutMs });
  const relationships = createRelationships({ sinba: client('sinba'), asmi: client('asmi'), clock });

  const planListeners = createPlanListeners();
  const federated = createFederatedGateway({ config, logger, supergraphSdl, hubSchema: buildHubSchema({ audit, relationships }), planListeners });
  const gateway = new PrivacyGateway(
    federated,
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
  const server = createApolloServer({ gateway, httpServer, config, logger });
  await server.start();

  registerHealthRoute(app, { config, audit });
  registerRoutes(app, { config, logger, server, contextFor: createContextFor(config.jwt), audit });

  await new Promise<void>((resolve) => httpServer.listen(config.gatewayPort, config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    audit,
    policy: () => policy,
    onQueryPlan: (listener) => planListeners.add(listener),
    stop: async () => {
      await server.stop();
      if (!options.audit) await audit.close();
    },
  };
}

/** The audit store on its database (it reconnects by itself; a lost connection is logged without its details). */
function connectAudit(config: HubConfig, logger: Logger): AuditStore {
  const auditUrl = config.database.moduleUrls.audit;
  if (!auditUrl) throw new Error('The gateway needs a database for the audit trail: set DATABASE_URL or AUDIT_DATABASE_URL');
  return AuditStore.connect(auditUrl, (err) => logger.warn({ err: { name: err.name, code: (err as { code?: unknown }).code } }, 'audit database connection lost; reconnecting on the next query'));
}
