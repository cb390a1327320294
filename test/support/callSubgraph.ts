import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../shared/auth/internalToken';
import type { Principal } from '../../shared/auth/principal';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Call one subgraph directly, as the gateway would: with an internal token
 * for `principal` signed with the hub's INTERNAL_SECRET (integration tests).
 */
export async function callSubgraph<T = Record<string, unknown>>(
  target: { url: string; name: string; internalSecret: string },
  principal: Principal,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const token = signInternalToken(principal, { secret: target.internalSecret, audience: target.name, ttlSeconds: 60 });
  const res = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}
