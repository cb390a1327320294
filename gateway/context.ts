import type { Principal } from '@shared/auth';
import type { WriteRecordJson } from '@shared/audit';

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
  /**
   * The write records the subgraphs sent back with their responses to a
   * mutation (`extensions.sirmiWrites`), collected by the data sources and
   * turned into WRITE entries by the privacy executor (docs/privacy.md §7).
   * Set by the executor for each mutation it runs.
   */
  writes?: WriteRecordJson[];
  /** The purpose of docs/privacy.md §11 the executor runs the current operation under (signed into internal tokens). */
  purpose?: string;
  /**
   * A purpose a gateway route runs all its operations under (the ISTAT
   * transmission download). Set only by server code, never from a request.
   */
  routePurpose?: 'ISTAT_TRANSMISSION';
}
