import { isValidCode, type CodeListName } from '@shared/codes';
import { violation, type Violation } from '@shared/errors';

/**
 * A multi-valued coded input (co-planning partners, violence types, court
 * order effects): at least one value, no repetition, each in its list on
 * `onDate`. INVALID_CODE (field, list) for a code outside the list;
 * BAD_USER_INPUT on the field for an empty or repeated list.
 */
export function codesValid(list: CodeListName, codes: readonly string[], onDate: string, field: string): Violation | null {
  if (codes.length === 0) return violation('BAD_USER_INPUT', 'At least one value is required', field);
  if (new Set(codes).size !== codes.length) return violation('BAD_USER_INPUT', 'A value is repeated', field);
  for (const c of codes) {
    if (!isValidCode(list, c, onDate)) return violation('INVALID_CODE', `The value of ${field} is not in the code list ${list}`, field, { list });
  }
  return null;
}

/** A single optional coded input: INVALID_CODE (field, list) when given and not in its list. */
export function codeValid(list: CodeListName, code: string | null | undefined, onDate: string, field: string): Violation | null {
  if (code == null) return null;
  return isValidCode(list, code, onDate) ? null : violation('INVALID_CODE', `The value of ${field} is not in the code list ${list}`, field, { list });
}
