import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../shared/auth/internalToken';
import { WRITE_TRAIL_EXTENSION, type WriteRecordJson } from '../shared/audit/writeTrail';
import { isUuid } from '../shared/ids';
import type { GatewayContext } from './context';

/**
 * Forwards the verified principal to a subgraph in a short-lived token signed
 * with INTERNAL_SECRET and addressed to that subgraph (docs/privacy.md §9). The
 * user's own JWT is never forwarded.
 */
export class InternalTokenDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraphName: string,
    url: string,
    private readonly secret: string,
    private readonly ttlSeconds: number,
  ) {
    // Node's own fetch (undici: keep-alive pool per origin) instead of the default make-fetch-happen, whose
    // request/agent layers took about 8 % of the gateway's CPU under load (docs/benchmarks.md "Where the gateway's time goes").
    super({ url, fetcher: fetch as never });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal || !ctx.internalTokens) return; // health checks etc.: no principal, the subgraph will refuse
    const key = ctx.purpose ? `${this.subgraphName}|${ctx.purpose}` : this.subgraphName;
    let cached = ctx.internalTokens.get(key);
    const now = Date.now();
    // Reused within the request, renewed at half its lifetime so a long request (a paged download) never sends an expired one.
    if (!cached || now >= cached.renewAt) {
      const token = signInternalToken(ctx.principal, { secret: this.secret, audience: this.subgraphName, ttlSeconds: this.ttlSeconds, requestId: ctx.requestId, purpose: ctx.purpose });
      cached = { token, renewAt: now + (this.ttlSeconds * 1000) / 2 };
      ctx.internalTokens.set(key, cached);
    }
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, cached.token);
    if (ctx.requestId) request.http?.headers.set('x-request-id', ctx.requestId);
  }

  /**
   * docs/privacy.md §7: a subgraph's answer to a mutation carries the minors
   * each root field touched (`extensions.sirmiWrites`, accepted or refused).
   * They are kept in the request context for the privacy executor, which
   * audits them whatever the response selects, and never forwarded.
   */
  override didReceiveResponse({ response, context }: Required<Pick<GraphQLDataSourceProcessOptions<GatewayContext>, 'context'>> & { response: GatewayGraphQLResponse }): GatewayGraphQLResponse {
    const extensions = response.extensions as Record<string, unknown> | undefined;
    const records = extensions?.[WRITE_TRAIL_EXTENSION];
    if (extensions && records !== undefined) {
      delete extensions[WRITE_TRAIL_EXTENSION];
      const ctx = context as Partial<GatewayContext>;
      if (ctx.writes && Array.isArray(records)) for (const r of records) if (isWriteRecord(r)) ctx.writes.push(r);
    }
    return response;
  }
}

function isWriteRecord(value: unknown): value is WriteRecordJson {
  const r = value as Partial<WriteRecordJson> | null;
  return (
    typeof r === 'object' && r !== null && typeof r.field === 'string' && (r.outcome === 'ACCEPTED' || r.outcome === 'REFUSED') &&
    Array.isArray(r.minorIds) && r.minorIds.every((id) => typeof id === 'string' && isUuid(id))
  );
}
