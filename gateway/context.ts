import type { Principal } from '../shared/auth/principal';

/** Per-request state of the gateway. */
export interface GatewayContext {
  readonly principal: Principal;
  readonly requestId: string;
  /**
   * Internal tokens already signed for this request, by subgraph name, with
   * the time (ms) after which the data source signs a fresh one: a download
   * that pages through many operations outlives one token's TTL.
   */
  readonly internalTokens: Map<string, { readonly token: string; readonly renewAt: number }>;
}
