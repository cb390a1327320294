export * from './codes';
export * from './AppError';
export * from './formatError';
export { jsonErrorHandler, sendErrorCode } from './httpErrors';
export { firstViolation, throwIfViolated, violation } from './violation';
export type { Violation } from './violation';
export { sendErrors } from './httpErrors';
