import type { ApolloGateway } from '@apollo/gateway';
import type { GatewayApolloConfig, GatewayExecutor, GatewayInterface, GatewayLoadResult, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { useStrictDateScalar } from '../plugins/inputGuard';

/**
 * Wraps @apollo/gateway so that every execution goes through the privacy
 * executor (rewrite before planning, mask and audit after execution):
 * `wrap` receives the gateway's executor and the supergraph it serves.
 */
export class PrivacyGateway implements GatewayInterface {
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
