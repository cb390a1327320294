import { INTERNAL_TOKEN_HEADER, signInternalToken } from '@shared/auth';
import type { Principal } from '@shared/auth';

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

/** The first error's extensions and message of a response that must have failed (integration tests' `errorOf`). */
export function errorOf(res: GraphQLResponse<unknown>): { code?: unknown; field?: unknown; message: string; [k: string]: unknown } {
  expect(res.errors?.length).toBeGreaterThan(0);
  return { ...(res.errors![0].extensions ?? {}), message: res.errors![0].message };
}

/** The data of a response that must have succeeded; fails the test with the errors when there are any. */
export function ok<T = Record<string, any>>(res: GraphQLResponse<T>): T {
  if (res.errors !== undefined) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}
