import { AppError } from '../errors/AppError';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../auth/internalToken';
import { BACKGROUND_HEADER, isUncounted } from '../db/statementCounter';

export interface ServiceClientOptions {
  /** Name of the calling module (the SERVICE principal). */
  readonly caller: string;
  /** Name of the called subgraph (the token's audience). */
  readonly target: string;
  /** Resolved lazily so tests can start subgraphs on free ports in any order. */
  readonly url: () => string;
  readonly internalSecret: string;
  readonly timeoutMs?: number;
}

export interface ServiceClient {
  query<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * Module-to-module calls through the graph (docs/privacy.md §9: data crosses
 * modules only through GraphQL, never through another module's tables). The
 * caller is a SERVICE principal; the target decides what it may read.
 * Used for write-time rule checks, e.g. ASMI asking ASSO whether a structure
 * is ACTIVE on the admission date.
 */
export function createServiceClient(options: ServiceClientOptions): ServiceClient {
  return {
    async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const token = signInternalToken(
        { role: 'SERVICE', sub: `service:${options.caller}`, service: options.caller },
        { secret: options.internalSecret, audience: options.target, ttlSeconds: 30 },
      );
      let response: Response;
      try {
        response = await fetch(options.url(), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token, ...(isUncounted() ? { [BACKGROUND_HEADER]: '1' } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch {
        throw new AppError('UPSTREAM_UNAVAILABLE', `The ${options.target.toUpperCase()} module did not answer; nothing was changed`);
      }
      const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
      if (!response.ok || !body || body.errors?.length || !body.data) {
        throw new AppError('UPSTREAM_UNAVAILABLE', `The ${options.target.toUpperCase()} module could not check the request; nothing was changed`);
      }
      return body.data;
    },
  };
}
