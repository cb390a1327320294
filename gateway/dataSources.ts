import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../shared/auth/internalToken';
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
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const ctx = context as Partial<GatewayContext>;
    if (!ctx.principal || !ctx.internalTokens) return; // health checks etc.: no principal, the subgraph will refuse
    let cached = ctx.internalTokens.get(this.subgraphName);
    const now = Date.now();
    // Reused within the request, renewed at half its lifetime so a long request (a paged download) never sends an expired one.
    if (!cached || now >= cached.renewAt) {
      const token = signInternalToken(ctx.principal, { secret: this.secret, audience: this.subgraphName, ttlSeconds: this.ttlSeconds, requestId: ctx.requestId });
      cached = { token, renewAt: now + (this.ttlSeconds * 1000) / 2 };
      ctx.internalTokens.set(this.subgraphName, cached);
    }
    request.http?.headers.set(INTERNAL_TOKEN_HEADER, cached.token);
    if (ctx.requestId) request.http?.headers.set('x-request-id', ctx.requestId);
  }
}
