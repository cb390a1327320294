/**
 * The registry of error codes (docs/conventions.md "One error model"; docs/conventions.md "Errors").
 * `docs/error-codes.md` is generated from this table by `npm run docs:errors`.
 * `expose`: whether the message written by the service reaches clients
 * (messages never contain personal data, house habit 11).
 * `httpStatus`: the status of an HTTP response failed by this code: every
 * REST route, and a GraphQL response that carries no data (see
 * gateway/plugins/httpStatus.ts); a GraphQL response with (partial) data is 200.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { description: 'No valid credentials: the bearer token is invalid, or the operation needs one (HTTP 401).', expose: true, httpStatus: 401 },
  FORBIDDEN: { description: 'The principal may not run this operation (docs/privacy.md §5); nothing was changed.', expose: true, httpStatus: 403 },
  UNAUTHORIZED_FIELD_OR_TYPE: { description: 'A field whose data class the principal may not read; it resolves to null (docs/privacy.md §6). `extensions.dataClass` names the class.', expose: true, httpStatus: 403 },
  BAD_USER_INPUT: { description: 'An input value is malformed or inconsistent; `extensions.field` names the input field.', expose: true, httpStatus: 400 },
  NOT_FOUND: { description: 'The referenced record does not exist (or is not visible to the principal).', expose: true, httpStatus: 404 },
  AUDIT_UNAVAILABLE: { description: 'The audit trail could not be written, so no minor data is returned (docs/privacy.md §7, fail closed).', expose: true, httpStatus: 503 },
  QUERY_TOO_COMPLEX: { description: 'The operation exceeds the depth, alias or cost limits.', expose: true, httpStatus: 400 },
  INVALID_CODE: { description: 'A coded value is not in its reference list (`codes(list)`); `extensions.field` and `extensions.list` say which.', expose: true, httpStatus: 400 },
  INVALID_DATE_RANGE: { description: 'An end date precedes its start date, or a date is outside the allowed range.', expose: true, httpStatus: 400 },
  DUPLICATE_MINOR: { description: 'A minor with this fiscal code is already registered; `extensions.minorId` gives the existing id.', expose: true, httpStatus: 409 },
  CASE_ALREADY_OPEN: { description: 'Another open case exists for the minor and no co-management reason was given (seed 003 §3.2).', expose: true, httpStatus: 409 },
  CASE_CLOSED: { description: 'The case is closed: no intervention or change can be recorded on it.', expose: true, httpStatus: 409 },
  MISSING_REQUIRED_RECORD: { description: 'The record needs another record the minor does not have yet (seed 003 §3.5: disability needs the health data, code 98 and others health or additional data, victims a violence record); `extensions.field` names the input field, `extensions.required` the missing record.', expose: true, httpStatus: 422 },
  PLACEMENT_OVERLAP: { description: 'The minor already has a placement in the period (one placement at a time): an ASMI admission, or a SINBA full-time placement intervention (residential structure or foster care, seed 003 §3.9.1, §3.9.6).', expose: true, httpStatus: 409 },
  RECORDED_BY_OTHER_SERVICE: { description: 'Under co-management, another service already records the foster care or adoption of this minor in the period: only the service that follows it operationally records it (seed 003 §3.9.1, §3.9.2); nothing was changed.', expose: true, httpStatus: 409 },
  POSSIBLE_DUPLICATE: { description: 'A minor registered without a fiscal code has the same first name, last name, birth date and sex (normalised) as a registered minor; no id or name is revealed. `confirmNewPerson: true` registers the new person anyway (seed 001 "Anagrafica dei Minori (unica)").', expose: true, httpStatus: 409 },
  PLACEMENT_CLOSED: { description: 'The placement is already discharged.', expose: true, httpStatus: 409 },
  STRUCTURE_NOT_AUTHORISED: { description: 'The structure is not ACTIVE on the date (no authorisation in force, suspended, revoked or closed).', expose: true, httpStatus: 422 },
  STRUCTURE_FULL: { description: 'The admission would exceed the structure\'s ordinary plus emergency places.', expose: true, httpStatus: 409 },
  UNKNOWN_STRUCTURE: { description: 'No structure with this code in the regional registry (ASSO).', expose: true, httpStatus: 422 },
  DUPLICATE_STRUCTURE: { description: 'A structure with this regional code is already registered.', expose: true, httpStatus: 409 },
  CO_MANAGEMENT_NOT_JUSTIFIED: { description: 'A second service may co-manage a minor only when the fact its co-management reason names is recorded (docs/privacy.md §3a: adoptability problem, court order or adoption intervention; foster-care intervention; placement intervention or active placement); nothing was changed.', expose: true, httpStatus: 422 },
  PLACEMENT_NOT_REQUESTED: { description: 'A minor with an open case is admitted only on a pending placement request to the structure from a service holding the case (docs/privacy.md §3a); `extensions.field` is requestId.', expose: true, httpStatus: 422 },
  REQUEST_NOT_PENDING: { description: 'The placement request is no longer pending (accepted, declined, withdrawn or expired); `extensions.status` gives its status.', expose: true, httpStatus: 409 },
  CORRECTION_WINDOW_CLOSED: { description: 'The placement was admitted more than 30 days ago: the structure can no longer correct it directly; `extensions.correction` is ASK_SUPERVISOR (requestPlacementCorrection) and `extensions.windowDays` the window. Nothing was changed.', expose: true, httpStatus: 422 },
  CORRECTION_ALREADY_REQUESTED: { description: 'A correction request for the placement is already waiting for the supervisor; `extensions.correctionId` gives it. Nothing was changed.', expose: true, httpStatus: 409 },
  CORRECTION_NOT_PENDING: { description: 'The correction request has already been applied or rejected; `extensions.status` gives its status. Nothing was changed.', expose: true, httpStatus: 409 },
  UPSTREAM_UNAVAILABLE: { description: 'A module did not answer in time or is down: `extensions.module` names it and `path` the field it serves, which is null; the rest of the response is served. When a rule needed it, nothing was changed; a write sent to it that timed out may have been applied: read it back before retrying.', expose: true, httpStatus: 503 },
  DATABASE_UNAVAILABLE: { description: 'The database of a module cannot be reached right now (restarting, network); nothing was changed. Retry later: the hub reconnects by itself.', expose: true, httpStatus: 503 },
  GRAPHQL_PARSE_FAILED: { description: 'The GraphQL document is not valid GraphQL syntax.', expose: true, httpStatus: 400 },
  GRAPHQL_VALIDATION_FAILED: { description: 'The GraphQL document does not match the schema (unknown field, wrong argument type, missing variable).', expose: true, httpStatus: 400 },
  BAD_REQUEST: { description: 'The HTTP request is malformed: a body that is not JSON, no query, a wrong content type or method.', expose: true, httpStatus: 400 },
  OPERATION_RESOLUTION_FAILURE: { description: 'The document holds several operations and `operationName` does not pick one of them.', expose: true, httpStatus: 400 },
  PAYLOAD_TOO_LARGE: { description: 'The request body exceeds the size limit of the route.', expose: true, httpStatus: 413 },
  INTERNAL_SERVER_ERROR: { description: 'An unexpected error; details are in the server log under the request id.', expose: false, httpStatus: 500 },
} as const satisfies Record<string, { description: string; expose: boolean; httpStatus: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

/** The HTTP status of a code from the registry; 500 for anything unregistered. */
export function httpStatusOf(code: unknown): number {
  return isErrorCode(code) ? ERROR_CODES[code].httpStatus : 500;
}
