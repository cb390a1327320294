import { GraphQLError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from './codes';

/** Structured, non-personal details (field names, ids, code list names). */
export interface ErrorDetails {
  field?: string;
  [key: string]: string | number | boolean | string[] | undefined;
}

/**
 * The one error base class: sets `extensions.code` from the registry and
 * carries structured details. Never put personal data in the message or details.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    const status = ERROR_CODES[code].httpStatus;
    super(message, {
      extensions: {
        code,
        ...stripUndefined(details),
        ...(status && code === 'UNAUTHENTICATED' ? { http: { status } } : {}),
      },
    });
    this.code = code;
    this.name = 'AppError';
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
