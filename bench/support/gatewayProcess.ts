import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { loadConfig } from '@shared/config';
import { signInternalToken, INTERNAL_TOKEN_HEADER } from '@shared/auth';
import { verifyUserToken } from '@shared/auth';
import { createLogger } from '@shared/logging';
import { SUPERGRAPH_PATH } from '../../gateway/config';
import type { GatewayContext } from '../../gateway/context';
import { hubCode } from './hubCode';

/**
 * One gateway under test in its own process (bench/gateway.ts), on PORT, in
 * front of the subgraphs named by SINBA_URL, ASSO_URL and ASMI_URL, on the
 * committed supergraph:
 *   sirmi            the hub's gateway (privacy engine, audit)
 *   sirmi-noprivacy  the same without the privacy engine (startGateway's unsafeWithoutPrivacyForBenchmark)
 *   sirmi-noaudit    the privacy engine without the audit trail's writes (entries built, then dropped): to split the
 *                    engine's cost between its masking and its durable write; never a configuration of the hub
 *   apollo           a bare @apollo/gateway + @apollo/server: the JWT checked, the internal token signed per subgraph, nothing else
 *   hive             Hive Gateway (@graphql-hive/gateway-runtime): the same JWT check and internal token, as a plugin
 * Prints "ready <url>" on stdout.
 */
const variant = process.argv[2];
const config = loadConfig();
const logger = createLogger(`bench-${variant}`, 'silent');
const supergraphSdl = fs.readFileSync(SUPERGRAPH_PATH, 'utf8');
const subgraphUrl = (name: string): string => (config.subgraphUrls as Record<string, string>)[name] ?? 'http://127.0.0.1:9/graphql';

async function main(): Promise<string> {
  // The hub's code under test (compiled unless BENCH_BUILD=tsx), for the sirmi gateway and the data source the bare @apollo/gateway shares with it.
  const { startGateway, InternalTokenDataSource, AuditStore } = await hubCode();
  if (variant === 'sirmi-noaudit') {
    const real = AuditStore.connect(config.database.moduleUrls.audit ?? '');
    const dropped = Object.assign(Object.create(real) as typeof real, { append: () => Promise.resolve() });
    const handle = await startGateway(config, logger, { audit: dropped });
    return handle.url;
  }
  if (variant === 'sirmi' || variant === 'sirmi-noprivacy') {
    const handle = await startGateway(config, logger, { unsafeWithoutPrivacyForBenchmark: variant === 'sirmi-noprivacy' });
    return handle.url;
  }
  if (variant === 'apollo') {
    const gateway = new ApolloGateway({
      supergraphSdl,
      buildService: ({ name }) => (name === 'hub' ? new RemoteGraphQLDataSource({ url: subgraphUrl('hub') }) : new InternalTokenDataSource(name, subgraphUrl(name), config.internalSecret, config.internalTokenTtlSeconds)),
    });
    const server = new ApolloServer<GatewayContext>({ gateway, logger, introspection: false });
    const { url } = await startStandaloneServer(server, {
      listen: { port: config.gatewayPort, host: '127.0.0.1' },
      context: async ({ req }) => ({ principal: verifyUserToken(req.headers.authorization, config.jwt), requestId: undefined as never, internalTokens: new Map() }),
    });
    return `${url}graphql`.replace(/\/graphql\/?graphql$/, '/graphql');
  }
  if (variant === 'hive') {
    process.env.LOG_LEVEL = 'error'; // Hive's logger reads it too, and knows no "silent"
    const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
    const byUrl = new Map(['sinba', 'asso', 'asmi'].map((n) => [subgraphUrl(n), n]));
    const runtime = createGatewayRuntime({
      supergraph: supergraphSdl,
      logging: false,
      transportEntries: Object.fromEntries(['sinba', 'asso', 'asmi'].map((n) => [n, { location: subgraphUrl(n) }])),
      plugins: () => [
        {
          // The user's JWT, verified once per request, becomes the principal of the internal tokens (one per subgraph and request).
          onFetch({ url, context, options, setOptions }: any) {
            const subgraph = byUrl.get(String(url));
            const req = context?.request as Request | undefined;
            if (!req || !subgraph) return;
            const c = context as { __principal?: ReturnType<typeof verifyUserToken>; __tokens?: Map<string, string> };
            c.__principal ??= verifyUserToken(req.headers.get('authorization') ?? undefined, config.jwt);
            c.__tokens ??= new Map();
            let token = c.__tokens.get(subgraph);
            if (!token) c.__tokens.set(subgraph, (token = signInternalToken(c.__principal, { secret: config.internalSecret, audience: subgraph, ttlSeconds: config.internalTokenTtlSeconds })));
            setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [INTERNAL_TOKEN_HEADER]: token } });
          },
        },
      ],
    });
    const server = http.createServer(runtime);
    await new Promise<void>((r) => server.listen(config.gatewayPort, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  throw new Error(`unknown variant ${variant}`);
}

// Exit on the bench's signal (so a --cpu-prof profile is written; Hive's runtime would otherwise keep the process alive).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));

main().then(
  (url) => process.stdout.write(`ready ${url}\n`),
  (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
