import { createLogger } from '@shared/logging';
import type { HubConfig } from '@shared/config';
import type { Clock } from '@shared/time';
import { startAll, type HubHandle } from '../../infra/hub';
import { signDevToken } from '@shared/auth';
import { createTestDatabase, type TestDatabase } from './testDatabase';
import { freePorts } from './ports';

/** The role claim of a test token, read without verifying it (the gateway verifies); no token: ANONYMOUS. */
function roleOf(token: string | undefined): string {
  if (!token) return 'ANONYMOUS';
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { role?: unknown };
    return typeof payload.role === 'string' ? payload.role : 'UNKNOWN';
  } catch {
    return 'UNKNOWN';
  }
}

export interface GatewayResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  text: string;
  /** What `TestHub.gql` sent to the gateway: `covers()` (test/support/coverage.ts) checks it. */
  sent?: { query: string; variables: Record<string, unknown>; role: string };
}

export interface TestHub {
  readonly db: TestDatabase;
  readonly config: HubConfig;
  readonly handle: HubHandle;
  readonly url: string;
  /** POST a GraphQL operation to the gateway with an optional bearer token. */
  gql<T = Record<string, any>>(token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<GatewayResponse<T>>;
  token(args: { role: string; sub?: string; service?: string; structure?: string; territory?: string }): string;
  stop(): Promise<void>;
}

/**
 * The whole hub for an end-to-end test: a fresh migrated database, the three
 * subgraphs and the gateway on free ports, real HTTP in between (no mocks).
 */
export async function startTestHub(options: { env?: Record<string, string>; clock?: Clock; clusterUrl?: string } = {}): Promise<TestHub> {
  // clusterUrl: a PostgreSQL server of the test's own (the fault tests stop and restart it).
  const db = await createTestDatabase(options.env, options.clusterUrl);
  const [gw, sinba, asso, asmi] = await freePorts(4);
  const local = (p: number) => `http://127.0.0.1:${p}/graphql`;
  const config: HubConfig = Object.freeze({
    ...db.config,
    gatewayPort: gw,
    ports: { sinba, asso, asmi },
    subgraphUrls: { sinba: local(sinba), asso: local(asso), asmi: local(asmi) },
  });
  const logger = createLogger('test-hub', process.env.TEST_LOG_LEVEL ?? 'silent');
  const handle = await startAll(config, logger, { clock: options.clock });
  const url = handle.gateway.url;
  return {
    db,
    config,
    handle,
    url,
    async gql(token, query, variables = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: Record<string, any>;
      try {
        body = JSON.parse(text);
      } catch {
        body = {};
      }
      return { status: res.status, data: body.data, errors: body.errors, text, sent: { query, variables, role: roleOf(token) } };
    },
    token: (args) => signDevToken(args, config.jwt.secret),
    async stop() {
      await handle.stop();
      await db.drop();
    },
  };
}
