import type { Principal } from '../shared/auth/principal';

/** Per-request state of the gateway. */
export interface GatewayContext {
  readonly principal: Principal;
  readonly requestId: string;
  /** Internal tokens already signed for this request, by subgraph name. */
  readonly internalTokens: Map<string, string>;
}
