import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from 'pino';
import { ERROR_CODES, isErrorCode } from './codes';

/** Prefix the gateway's request-limit rules put on their messages (gateway/plugins/limits.ts). */
export const TOO_COMPLEX_MARKER = '[QUERY_TOO_COMPLEX] ';

/** Apollo Server's own codes for malformed requests; they carry no data and pass through. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * One formatError for the gateway and every subgraph (docs/conventions.md): registered
 * codes pass through; anything else is logged with the request id and
 * returned as INTERNAL_SERVER_ERROR with a plain message, so SQL text and
 * stack traces never leave a service.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (isErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
      if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
        // A variable the GraphQL layer itself refused (a Date like 2024-02-30, a wrong enum): name the field too (docs/conventions.md).
        const field = fieldOfVariableError(formatted.message);
        if (field) extensions.field = field;
      }
      return { ...formatted, extensions };
    }
    if (formatted.message.startsWith(TOO_COMPLEX_MARKER)) {
      return { message: formatted.message.slice(TOO_COMPLEX_MARKER.length), locations: formatted.locations, extensions: { code: 'QUERY_TOO_COMPLEX' } };
    }
    if (typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
      // Bad user input to the GraphQL layer itself (variables of the wrong type...).
      return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    const original = unwrapResolverError(error);
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
