import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ERROR_CODES, isErrorCode } from './codes';

/**
 * Extensions that only the hub's own plumbing uses and that never leave a
 * service: the gateway's `response` (an upstream's URL and raw body),
 * `serviceName`, Apollo's `http`, stack traces.
 */
const INTERNAL_EXTENSIONS = new Set(['response', 'serviceName', 'http', 'stacktrace', 'exception']);

/** Connection-level SQLSTATEs: class 08 (connection exception) and 57P01-57P03 (server shutting down or starting). */
const DATABASE_DOWN_SQLSTATE = /^(08...|57P0[123])$/;
/** Socket errors of the pg driver when the server is gone. */
const DATABASE_DOWN_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
/** TypeORM's errors for a statement on a released query runner (see isDatabaseUnavailable). */
const RUNNER_RELEASED = /^QueryRunner(Provider)?AlreadyReleasedError$/;
const DATABASE_DOWN_MESSAGE = /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)/i;

/**
 * True when an error means the database cannot be reached (rather than a
 * query the database refused): it becomes DATABASE_UNAVAILABLE (HTTP 503).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; driverError?: unknown; cause?: unknown; message?: unknown; name?: unknown; thrownValue?: unknown } | undefined, i = 0; e && typeof e === 'object' && i < 5; i++) {
    if (typeof e.code === 'string' && (DATABASE_DOWN_SQLSTATE.test(e.code) || DATABASE_DOWN_ERRNO.has(e.code))) return true;
    // TypeORM releases a transaction's query runner when its connection dies between two statements (57P01 while
    // the service computes): the transaction's next statement finds it released (a query builder's error, or
    // EntityManager.query's). The hub never releases a runner itself (every transaction goes through
    // DataSource.transaction), so here it means the connection was lost.
    if (typeof e.name === 'string' && RUNNER_RELEASED.test(e.name)) return true;
    if (typeof e.message === 'string' && DATABASE_DOWN_MESSAGE.test(e.message)) return true;
    // graphql-js wraps a thrown non-Error (pg's connect failure can be a plain object) as NonErrorThrown.thrownValue.
    e = (e.driverError ?? e.cause ?? e.thrownValue) as typeof e;
  }
  return false;
}

function publicExtensions(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions ?? {}).filter(([k]) => !INTERNAL_EXTENSIONS.has(k)));
}

/** An AppError reported by a validation rule or a scalar, wrapped by graphql-js/Apollo (GRAPHQL_VALIDATION_FAILED). */
function appErrorInside(error: unknown): GraphQLError | undefined {
  for (let e = error as { originalError?: unknown } | undefined, i = 0; e && typeof e === 'object' && i < 4; i++) {
    if (e instanceof GraphQLError && e.name === 'AppError') return e;
    e = e.originalError as typeof e;
  }
  return undefined;
}

/**
 * One formatError for the gateway and every subgraph (docs/conventions.md): registered
 * codes pass through with their public extensions only; anything else is
 * logged with the request id and returned as INTERNAL_SERVER_ERROR with a
 * plain message (or DATABASE_UNAVAILABLE when the database is gone), so SQL
 * text, upstream URLs and stack traces never leave a service.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let code = formatted.extensions?.code;
    if (code === 'GRAPHQL_PARSE_FAILED' && /contains more th\w+ \d+ tokens/.test(formatted.message)) {
      // graphql-js's token limit (gateway/plugins/limits.ts) is a request limit, not a syntax error.
      return { message: 'The document has more tokens than the limit', locations: formatted.locations, extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    let extensions = publicExtensions(formatted.extensions as Record<string, unknown> | undefined);
    if (code === 'GRAPHQL_VALIDATION_FAILED') {
      // A literal the hub's own rules refused (an impossible date, a NUL byte), a request limit (QUERY_TOO_COMPLEX,
      // gateway/plugins/limits.ts): the rule's AppError, its code and field, not the generic one.
      const inner = appErrorInside(error);
      if (inner && isErrorCode(inner.extensions.code)) {
        code = inner.extensions.code;
        extensions = { ...publicExtensions(inner.extensions as Record<string, unknown>), code };
        return { message: inner.message, locations: formatted.locations, extensions };
      }
    }
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
        // A variable the GraphQL layer itself refused (a Date like 2024-02-30, a wrong enum): name the field too (docs/conventions.md).
        const field = fieldOfVariableError(formatted.message);
        if (field) extensions.field = field;
      }
      if (code === 'BAD_USER_INPUT') {
        // graphql-js quotes the refused variable (a whole `$input`: names, a fiscal code): the message names the field instead.
        const scrubbed = scrubVariableMessage(formatted.message);
        if (scrubbed) return { ...formatted, message: scrubbed, extensions };
      }
      return { ...formatted, extensions };
    }
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      logger.warn({ err: describeError(original), path: formatted.path }, 'database unavailable');
      return { message: 'The database cannot be reached right now; nothing was changed. Retry later.', path: formatted.path, extensions: { code: 'DATABASE_UNAVAILABLE' } };
    }
    logger.error({ err: describeError(original), path: formatted.path }, 'unexpected error');
    return {
      message: ERROR_CODES.INTERNAL_SERVER_ERROR.description,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * The input field of a variable-coercion error (graphql-js: `Variable "$input"
 * got invalid value … at "input.endDate"; …`): the path inside a mutation's
 * `$input` object ("endDate", "otherIdentifier.value") as the services name
 * fields, otherwise the whole path from the variable ("filter.startedFrom",
 * "on"). Undefined for any other message.
 */
export function fieldOfVariableError(message: string): string | undefined {
  const m = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; /s.exec(message);
  if (!m) return undefined;
  const [, variable, at] = m;
  if (!at) return variable;
  return variable === 'input' && at.startsWith('input.') ? at.slice('input.'.length) : at;
}

/**
 * A variable-coercion message without the value graphql-js quotes
 * (`Variable "$input" got invalid value { firstName: "…", … }; Field "sex" of
 * required type "Sex!" was not provided.`): `Invalid value for <field>:
 * <reason>`, where the reason keeps field and type names but no value.
 * Undefined for any other message.
 */
export function scrubVariableMessage(message: string): string | undefined {
  const field = fieldOfVariableError(message);
  if (!field) return undefined;
  const reasons = message
    .replace(/^Variable "\$\w+" got invalid value .*?(?: at "[^"]+")?; /s, '')
    .replace(/(cannot represent[^:]*): .*$/s, '$1.')
    .replace(/"[^"]*"/g, (quoted, offset: number, whole: string) => (/(?:type|in|Field|field) $/.test(whole.slice(Math.max(0, offset - 6), offset)) ? quoted : '"…"'));
  return `Invalid value for ${field}: ${reasons.slice(0, 300)}`;
}

/**
 * What may be logged of an unexpected error. Database errors carry values in
 * their message and detail ("Key (fiscal_code)=(...) already exists"), so only
 * their SQLSTATE, table and constraint are kept (house habit 11).
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & { code?: unknown; table?: unknown; constraint?: unknown; driverError?: unknown };
  const driver = (e.driverError ?? e) as { code?: unknown; table?: unknown; constraint?: unknown; severity?: unknown };
  if (typeof driver.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code)) {
    return { name: e.name, sqlState: driver.code, table: driver.table, constraint: driver.constraint, stack: firstFrames(e.stack) };
  }
  return { name: e.name, message: e.message.slice(0, 300), stack: firstFrames(e.stack) };
}

function firstFrames(stack: string | undefined): string | undefined {
  return stack?.split('\n').slice(1, 6).join('\n');
}
