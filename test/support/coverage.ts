import { Kind, OperationTypeNode, parse, type FieldNode } from 'graphql';
import type { GatewayResponse } from './startHub';

/** A root operation of the supergraph: `Query.<field>` or `Mutation.<field>`. */
export type RootOperation = `Query.${string}` | `Mutation.${string}`;

/**
 * Declares, and checks, that this end-to-end test runs `operation` through the
 * gateway as `role` and gets its data back. test/__tests__/operationCoverage.test.ts
 * fails for every Query and Mutation field of the supergraph that no test
 * under test/e2e names in a `covers('<Type.field>', '<ROLE>', res)` call
 * (docs/architecture.md, "Tests").
 *
 * `res` must be a response of `TestHub.gql` (test/support/startHub.ts: the
 * real gateway); `covers` fails unless the document sent selects `operation`
 * at its root, the token's role is `role` (`ANONYMOUS` without a token), no
 * error touches that field (masking of a value inside it, with
 * UNAUTHORIZED_FIELD_OR_TYPE, is allowed: the test asserts on what it
 * expects masked), and its value is neither null nor an empty list
 * nor made of nulls only, ids aside (the defects this net is for came back
 * as nulls).
 * It returns the field's value (the first selection of it) for the test's own
 * assertions on the data: `covers` is the floor, not the assertion.
 */
export function covers<T = any>(operation: RootOperation, role: string, res: GatewayResponse): T {
  const [typeName, fieldName] = operation.split('.') as ['Query' | 'Mutation', string];
  const fail = (why: string): never => {
    throw new Error(`covers('${operation}', '${role}'): ${why}\nresponse: ${res.text.slice(0, 2000)}`);
  };
  if (!res.sent) fail('the response did not come from TestHub.gql (startTestHub): coverage counts only operations sent through the gateway');
  const sent = res.sent!;
  if (sent.role !== role) fail(`the token's role is ${sent.role}, not ${role}`);
  const key = responseKey(sent.query, typeName, fieldName);
  if (!key) fail(`the document sent has no ${typeName === 'Query' ? 'query' : 'mutation'} selecting ${fieldName} at its root`);
  // Masking inside the value (the privacy engine's UNAUTHORIZED_FIELD_OR_TYPE below the root, e.g. a lapsed
  // row of the prosecutor list) is the operation working as specified; any other error, or the root masked, is not.
  const masked = (e: { path?: (string | number)[]; extensions?: Record<string, any> }) => e.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE' && (e.path?.length ?? 0) > 1;
  const touching = (res.errors ?? []).filter((e) => (!e.path || e.path.length === 0 || e.path[0] === key) && !masked(e));
  if (touching.length > 0) fail(`errors on the operation: ${touching.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; ')}`);
  const value = (res.data as Record<string, unknown> | null | undefined)?.[key!];
  if (value === null || value === undefined) fail('the operation returned null');
  if (Array.isArray(value) && value.length === 0) fail('the operation returned an empty list: give it data to return, then assert on it');
  if (!hasNonNullLeaf(value)) fail('every value the operation returned is null');
  const data = dataLeaves(value);
  if (data.length > 0 && data.every((v) => v === null)) fail('every value but the ids is null: select and get the data, not only keys');
  return value as T;
}

/** The response key (alias or name) of the first root selection of `field` in an operation of `type`. */
function responseKey(query: string, type: 'Query' | 'Mutation', field: string): string | undefined {
  const wanted = type === 'Query' ? OperationTypeNode.QUERY : OperationTypeNode.MUTATION;
  for (const def of parse(query).definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION || def.operation !== wanted) continue;
    const hit = def.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === field);
    if (hit) return hit.alias?.value ?? hit.name.value;
  }
  return undefined;
}

/** Ids: the privacy engine never masks them (privacy rules §2), so they prove nothing about the data. */
const KEYS = new Set(['id', '__typename']);

/** The leaf values under keys other than ids, in a returned value. */
function dataLeaves(value: unknown, key?: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => dataLeaves(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => dataLeaves(v, k));
  return key === undefined || KEYS.has(key) ? [] : [value];
}

function hasNonNullLeaf(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(hasNonNullLeaf);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).some(hasNonNullLeaf);
  return true;
}
