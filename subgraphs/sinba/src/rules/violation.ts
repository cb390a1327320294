import { AppError, type ErrorCode, type ErrorDetails } from '../../../../shared/errors';

/**
 * What a rule returns when it is broken: a registered code, a plain message
 * (no personal data) and the offending input field. Rules stay pure; the
 * services turn a violation into an AppError.
 */
export interface Violation {
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly details?: ErrorDetails;
}

export function violation(code: ErrorCode, message: string, field?: string, details?: ErrorDetails): Violation {
  return { code, message, field, details };
}

/** Throw the first violation, if any (services call this). */
export function throwIfViolated(...results: (Violation | null | undefined)[]): void {
  for (const v of results) {
    if (v) throw new AppError(v.code, v.message, { ...v.details, field: v.field });
  }
}
