import type express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, type ErrorDetails } from './AppError';
import { ERROR_CODES, httpStatusOf, type ErrorCode } from './codes';
import { describeError } from './formatError';

/** The one JSON error body of every HTTP route, GraphQL or not: `{ errors: [{ message, extensions: { code, ... } }] }`, built by AppError. */
export function errorBody(code: ErrorCode, message: string, details: ErrorDetails = {}) {
  return { errors: [new AppError(code, message, details).toFormattedError()] };
}

/** Answers GraphQL errors (an operation a route ran, or AppErrors' formatted form) as JSON, with the registry's status of the first error's code. */
export function sendErrors(res: express.Response, errors: readonly GraphQLFormattedError[]): void {
  res.status(httpStatusOf(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR')).json({ errors });
}

/** Answers an AppError as JSON with the status from the registry. */
export function sendAppError(res: express.Response, error: AppError): void {
  sendErrors(res, [error.toFormattedError()]);
}

/** Answers a registered error as JSON with the status from the registry (`sendAppError(res, new AppError(...))`). */
export function sendErrorCode(res: express.Response, code: ErrorCode, message: string, details: ErrorDetails = {}): void {
  sendAppError(res, new AppError(code, message, details));
}

/** The first segment of a path (`/reports`): the rest may carry ids or, typed by mistake, a fiscal code. */
function routeOf(path: string): string {
  return path.split('/').slice(0, 2).join('/').slice(0, 40);
}

/** body-parser's error types (express.json) and the codes they become. */
const BODY_ERRORS: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  'entity.parse.failed': { code: 'BAD_REQUEST', message: 'The request body is not valid JSON' },
  'entity.too.large': { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large' },
  'encoding.unsupported': { code: 'BAD_REQUEST', message: 'Unsupported content encoding' },
  'charset.unsupported': { code: 'BAD_REQUEST', message: 'Unsupported charset' },
  'request.aborted': { code: 'BAD_REQUEST', message: 'The request was aborted' },
  'request.size.invalid': { code: 'BAD_REQUEST', message: 'The request body does not match its declared length' },
  'stream.encoding.set': { code: 'BAD_REQUEST', message: 'Malformed request body' },
};

/**
 * The last Express middleware of the gateway and of every subgraph: every
 * error that reaches Express (a body that is not JSON, a body too large, a
 * route that threw) is answered as JSON with the registry's status, never
 * Express's HTML page with a stack trace. Logged without the body or the
 * parser's message (which quotes the body: a fiscal code in a malformed
 * mutation would land in the log, house habit 11).
 */
export function jsonErrorHandler(logger: Logger): express.ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) return next(err);
    const type = typeof (err as { type?: unknown })?.type === 'string' ? (err as { type: string }).type : undefined;
    const known = type ? BODY_ERRORS[type] : undefined;
    if (known) {
      logger.info({ type, method: req.method, route: routeOf(req.path) }, 'request refused');
      sendErrorCode(res, known.code, known.message);
      return;
    }
    const status = (err as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      logger.info({ status, method: req.method, route: routeOf(req.path) }, 'request refused');
      res.status(status).json(errorBody(status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', status === 404 ? 'Not found' : 'Malformed request'));
      return;
    }
    logger.error({ err: describeError(err), method: req.method, route: routeOf(req.path) }, 'unexpected error in a route');
    sendErrorCode(res, 'INTERNAL_SERVER_ERROR', ERROR_CODES.INTERNAL_SERVER_ERROR.description);
  };
}
