import { AsyncLocalStorage } from 'node:async_hooks';
import { getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { isUuid } from '../ids';

/**
 * The write trail of one subgraph request (docs/privacy.md §7: every mutation that
 * creates, changes or refers to a minor's record is audited for each minor it
 * touched, whatever the response selects, accepted or refused alike).
 *
 * A subgraph knows which minors a mutation touched even when the response
 * says nothing of them (`{ __typename }`, or a refused call): every root
 * mutation field runs inside its own record, services call `touchMinor(id)`
 * as soon as they know the minor of the record they write (before any rule
 * check, so refusals are traced too), and the ids in the arguments
 * (`minorId`, `minorIds`, `siblingMinorIds`) and in the result (`minorId`,
 * or the id of a returned `Minor`) are added automatically. The records
 * travel to the gateway in the response extension `sirmiWrites`; the gateway
 * turns them into WRITE entries of the audit trail before it answers.
 */
export interface WriteRecord {
  /** Response key of the root mutation field (alias or name). */
  readonly field: string;
  readonly minorIds: Set<string>;
  outcome: 'ACCEPTED' | 'REFUSED';
  /** Error code of a refusal. */
  code?: string;
}

/** What a subgraph sends the gateway in `extensions.sirmiWrites`. */
export interface WriteRecordJson {
  readonly field: string;
  readonly minorIds: string[];
  readonly outcome: 'ACCEPTED' | 'REFUSED';
  readonly code?: string;
}

export const WRITE_TRAIL_EXTENSION = 'sirmiWrites';

const current = new AsyncLocalStorage<WriteRecord>();
const RECORDS = Symbol('sirmi.writeTrail');
type WithRecords = { [RECORDS]?: WriteRecord[] };

/** Trace the minors a write refers to (no-op outside a mutation field). Non-UUID values are ignored. */
export function touchMinor(...minorIds: readonly (string | null | undefined)[]): void {
  const record = current.getStore();
  if (!record) return;
  for (const id of minorIds) if (typeof id === 'string' && isUuid(id)) record.minorIds.add(id.toLowerCase());
}

const ARG_KEYS = new Set(['minorId', 'minorIds', 'siblingMinorIds']);

/** Minor ids named in a mutation's arguments, at any depth (an event batch holds one per event). */
function touchArgs(value: unknown, depth = 0): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) touchArgs(item, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (ARG_KEYS.has(key)) touchMinor(...(Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string'));
    else if (typeof v === 'object') touchArgs(v, depth + 1);
  }
}

function touchResult(result: unknown, returnsMinor: boolean): void {
  if (result === null || typeof result !== 'object') return;
  const row = result as { id?: unknown; minorId?: unknown };
  if (typeof row.minorId === 'string') touchMinor(row.minorId);
  if (returnsMinor && typeof row.id === 'string') touchMinor(row.id);
}

function codeOf(err: unknown): string {
  const code = (err as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/**
 * Wrap every root mutation field of a subgraph schema so it runs inside its
 * own write record (in place; returns the schema).
 */
export function withWriteTrail(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? ((source, _args, _ctx, info) => (source as Record<string, unknown> | undefined)?.[info.fieldName]);
    const named = getNamedType(field.type);
    const returnsMinor = isObjectType(named) && named.name === 'Minor';
    field.resolve = (source, args, context, info) => {
      const record: WriteRecord = { field: String(info.path.key), minorIds: new Set(), outcome: 'ACCEPTED' };
      const holder = context as WithRecords;
      (holder[RECORDS] ??= []).push(record);
      return current.run(record, async () => {
        touchArgs(args);
        try {
          const result = await resolve(source, args, context, info);
          touchResult(result, returnsMinor);
          return result;
        } catch (err) {
          record.outcome = 'REFUSED';
          record.code = codeOf(err);
          throw err;
        }
      });
    };
  }
  return schema;
}

/** The records of one request, as sent to the gateway. */
export function writeRecordsOf(context: unknown): WriteRecordJson[] {
  const records = (context as WithRecords | null)?.[RECORDS] ?? [];
  return records.map((r) => ({ field: r.field, minorIds: [...r.minorIds].sort(), outcome: r.outcome, ...(r.code ? { code: r.code } : {}) }));
}

/** Apollo Server plugin of every subgraph: the request's write records go out in `extensions.sirmiWrites`. */
export function writeTrailPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const records = writeRecordsOf(contextValue);
          if (records.length === 0 || response.body.kind !== 'single') return;
          const single = response.body.singleResult;
          single.extensions = { ...(single.extensions ?? {}), [WRITE_TRAIL_EXTENSION]: records };
        },
      };
    },
  };
}
