import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { Principal } from '@shared/auth';
import type { WriteRecordJson } from '@shared/audit';
import { verifyUserToken } from '@shared/auth';
import type { HubConfig } from '@shared/config';

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

/** The context of an HTTP request: POST /graphql and every REST route build it the same way. */
export type ContextFor = (req: express.Request) => GatewayContext;

/** A client's X-Request-Id is kept when it looks like one, else a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request's principal from its bearer token (absent: anonymous; invalid:
 * throws UNAUTHENTICATED, never anonymous) and its request id.
 */
export function createContextFor(jwt: HubConfig['jwt']): ContextFor {
  return (req) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    const principal = verifyUserToken(req.headers.authorization, jwt);
    return { principal, requestId, internalTokens: new Map() };
  };
}
