/**
 * The registry of error codes (docs/conventions.md "One error model"; docs/conventions.md "Errors").
 * `docs/error-codes.md` is generated from this table by `npm run docs:errors`.
 * `expose`: whether the message written by the service reaches clients
 * (messages never contain personal data, house habit 11).
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { description: 'No valid credentials: the bearer token is invalid, or the operation needs one (HTTP 401).', expose: true, httpStatus: 401 },
  FORBIDDEN: { description: 'The principal may not run this operation (docs/privacy.md §5); nothing was changed.', expose: true },
  UNAUTHORIZED_FIELD_OR_TYPE: { description: 'A field whose data class the principal may not read; it resolves to null (docs/privacy.md §6). `extensions.dataClass` names the class.', expose: true },
  BAD_USER_INPUT: { description: 'An input value is malformed or inconsistent; `extensions.field` names the input field.', expose: true },
  NOT_FOUND: { description: 'The referenced record does not exist (or is not visible to the principal).', expose: true },
  AUDIT_UNAVAILABLE: { description: 'The audit trail could not be written, so no minor data is returned (docs/privacy.md §7, fail closed).', expose: true, httpStatus: 503 },
  QUERY_TOO_COMPLEX: { description: 'The operation exceeds the depth, alias or cost limits.', expose: true },
  INVALID_CODE: { description: 'A coded value is not in its reference list (`codes(list)`); `extensions.field` and `extensions.list` say which.', expose: true },
  INVALID_DATE_RANGE: { description: 'An end date precedes its start date, or a date is outside the allowed range.', expose: true },
  DUPLICATE_MINOR: { description: 'A minor with this fiscal code is already registered; `extensions.minorId` gives the existing id.', expose: true },
  CASE_ALREADY_OPEN: { description: 'Another open case exists for the minor and no co-management reason was given (seed 003 §3.2).', expose: true },
  CASE_CLOSED: { description: 'The case is closed: no intervention or change can be recorded on it.', expose: true },
  MISSING_REQUIRED_RECORD: { description: 'The record needs another record the minor does not have yet (seed 003 §3.5: disability needs the health data, code 98 and others health or additional data, victims a violence record); `extensions.field` names the input field, `extensions.required` the missing record.', expose: true },
  PLACEMENT_OVERLAP: { description: 'The minor already has a placement in the period (one placement at a time): an ASMI admission, or a SINBA full-time placement intervention (residential structure or foster care, seed 003 §3.9.1, §3.9.6).', expose: true },
  RECORDED_BY_OTHER_SERVICE: { description: 'Under co-management, another service already records the foster care or adoption of this minor in the period: only the service that follows it operationally records it (seed 003 §3.9.1, §3.9.2); nothing was changed.', expose: true },
  POSSIBLE_DUPLICATE: { description: 'A minor registered without a fiscal code has the same first name, last name, birth date and sex (normalised) as a registered minor; no id or name is revealed. `confirmNewPerson: true` registers the new person anyway (seed 001 "Anagrafica dei Minori (unica)").', expose: true },
  PLACEMENT_CLOSED: { description: 'The placement is already discharged.', expose: true },
  STRUCTURE_NOT_AUTHORISED: { description: 'The structure is not ACTIVE on the date (no authorisation in force, suspended, revoked or closed).', expose: true },
  STRUCTURE_FULL: { description: 'The admission would exceed the structure\'s ordinary plus emergency places.', expose: true },
  UNKNOWN_STRUCTURE: { description: 'No structure with this code in the regional registry (ASSO).', expose: true },
  DUPLICATE_STRUCTURE: { description: 'A structure with this regional code is already registered.', expose: true },
  CO_MANAGEMENT_NOT_JUSTIFIED: { description: 'A second service may co-manage a minor only when the fact its co-management reason names is recorded (docs/privacy.md §3a: adoptability problem, court order or adoption intervention; foster-care intervention; placement intervention or active placement); nothing was changed.', expose: true },
  PLACEMENT_NOT_REQUESTED: { description: 'A minor with an open case is admitted only on a pending placement request to the structure from a service holding the case (docs/privacy.md §3a); `extensions.field` is requestId.', expose: true },
  REQUEST_NOT_PENDING: { description: 'The placement request is no longer pending (accepted, declined, withdrawn or expired); `extensions.status` gives its status.', expose: true },
  UPSTREAM_UNAVAILABLE: { description: 'Another module needed to check a rule did not answer; nothing was changed.', expose: true, httpStatus: 503 },
  INTERNAL_SERVER_ERROR: { description: 'An unexpected error; details are in the server log under the request id.', expose: false },
} as const satisfies Record<string, { description: string; expose: boolean; httpStatus?: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}
