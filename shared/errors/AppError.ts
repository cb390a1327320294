import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './codes';

/** Structured, non-personal details (field names, ids, code list names). */
export interface ErrorDetails {
  field?: string;
  [key: string]: string | number | boolean | string[] | undefined;
}

/** Where an error belongs in a GraphQL response (a denied field's path, docs/privacy.md §6). */
export interface ErrorOptions {
  readonly path?: ReadonlyArray<string | number>;
}

/**
 * The one error constructor of the hub, for GraphQL and REST routes alike:
 * `extensions.code` is a code of the registry (shared/errors/codes.ts) and
 * the details ride along as extensions. A GraphQL response's HTTP status is
 * set from the registry by gateway/plugins/httpStatus.ts, a REST route's by
 * `sendAppError`/`sendErrorCode` (shared/errors/httpErrors.ts); only
 * UNAUTHENTICATED also carries it as `extensions.http` (from the registry
 * too), because an error thrown while Apollo builds the context skips the
 * plugins. Never put personal data in the message or details.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options: ErrorOptions = {}) {
    const status = ERROR_CODES[code].httpStatus;
    super(message, {
      path: options.path,
      extensions: {
        code,
        ...stripUndefined(details),
        ...(status && code === 'UNAUTHENTICATED' ? { http: { status } } : {}),
      },
    });
    this.code = code;
    this.name = 'AppError';
  }

  /** The error as a client reads it in a JSON body: message and public extensions (no `http`, which only tells Apollo the status). */
  toFormattedError(): GraphQLFormattedError {
    const { http: _http, ...extensions } = this.extensions;
    return { message: this.message, ...(this.path ? { path: this.path } : {}), extensions };
  }
}

function stripUndefined(details: ErrorDetails): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
}

export const badInput = (field: string, message: string, details: ErrorDetails = {}) =>
  new AppError('BAD_USER_INPUT', message, { ...details, field });
export const forbidden = (message = 'You are not allowed to perform this operation') => new AppError('FORBIDDEN', message);
export const notFound = (what: string, field?: string) => new AppError('NOT_FOUND', `${what} not found`, { field });
export const unauthenticated = (message = 'Authentication required') => new AppError('UNAUTHENTICATED', message);
