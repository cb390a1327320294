import type { HubError } from '../api';
import type { MessageKey, Translate } from '../i18n';

/*
 * The hub's errors in the operator's language (issue 18 item 3). The message
 * is chosen by the error's code and its `extensions` (field, mismatch, list),
 * and says what to do next; the hub's own message (English, for developers
 * and logs) is never shown. Reusable by every screen and form: `errorMessage`
 * for one error, `UserMessage` for a sentence the client itself composed.
 */

/** A failure whose text the client already wrote in the user's language (shown as is). */
export class UserMessage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserMessage';
  }
}

/** The pseudo-code of a UserMessage turned into a HubError (`toHubErrors`). */
export const USER_MESSAGE = 'CLIENT_USER_MESSAGE';

/** Whatever a form's action threw, as hub-style errors: a UserMessage keeps its text, anything not from the hub is a generic failure. */
export function toHubErrors(err: unknown): readonly HubError[] {
  if (err instanceof UserMessage) return [{ message: err.message, extensions: { code: USER_MESSAGE } }];
  if (err && typeof err === 'object' && 'errors' in err && Array.isArray((err as { errors: unknown }).errors)) return (err as { errors: HubError[] }).errors;
  return [{ message: '', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
}

/** Codes with their own sentence; any other code gets `err_generic`. */
const BY_CODE = new Set<string>([
  'BAD_USER_INPUT', 'INVALID_CODE', 'INVALID_DATE_RANGE', 'DUPLICATE_MINOR', 'PLACEMENT_OVERLAP', 'PLACEMENT_CLOSED', 'STRUCTURE_FULL',
  'STRUCTURE_NOT_AUTHORISED', 'UNKNOWN_STRUCTURE', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'UPSTREAM_UNAVAILABLE', 'AUDIT_UNAVAILABLE',
  'QUERY_TOO_COMPLEX', 'MISSING_REQUIRED_RECORD', 'PLACEMENT_NOT_REQUESTED', 'REQUEST_NOT_PENDING', 'CO_MANAGEMENT_NOT_JUSTIFIED',
  'CORRECTION_WINDOW_CLOSED', 'CORRECTION_ALREADY_REQUESTED', 'CORRECTION_NOT_PENDING',
]);

/** BAD_USER_INPUT fields with their own sentence (the field named by `extensions.field`). */
const BAD_INPUT_FIELDS = new Set<string>([
  'fiscalCode', 'birthDate', 'birthMunicipality', 'residenceMunicipality', 'citizenship', 'firstName', 'lastName', 'otherIdentifier.value', 'otherIdentifier.issuingCountry',
  'courtOrderReference',
]);

/** The sentence for one hub error. */
export function errorMessage(t: Translate, error: HubError): string {
  const code = error.extensions?.code;
  const field = typeof error.extensions?.field === 'string' ? error.extensions.field : undefined;
  if (code === 'NETWORK') return t('errorNetwork');
  if (code === USER_MESSAGE) return error.message; // composed by the client in the user's language
  const mismatch = Array.isArray(error.extensions?.mismatch) ? (error.extensions.mismatch as string[]) : [];
  // SINBA puts the birth-place mismatch on birthMunicipality, the birth date and sex ones on fiscalCode.
  if (code === 'BAD_USER_INPUT' && mismatch.includes('birthMunicipality')) return t('errFiscalCodeMunicipality');
  if (code === 'BAD_USER_INPUT' && field === 'fiscalCode') {
    if (mismatch.includes('birthDate') && mismatch.includes('sex')) return t('errFiscalCodeBirthDateSex');
    if (mismatch.includes('birthDate')) return t('errFiscalCodeBirthDate');
    if (mismatch.includes('sex')) return t('errFiscalCodeSex');
    return t('errField_fiscalCode');
  }
  if (code === 'BAD_USER_INPUT' && field && BAD_INPUT_FIELDS.has(field)) return t(`errField_${field}` as MessageKey);
  if (code && BY_CODE.has(code)) return t(`err_${code}` as MessageKey);
  return t('err_generic');
}
