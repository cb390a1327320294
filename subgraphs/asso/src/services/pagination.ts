import { badInput } from '../../../../shared/errors';
import { STRUCTURE_CODE } from '../rules/structureRegistration';

/** `structures(first)`: default and maximum page sizes. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

const CURSOR_PREFIX = 'structure:';

/** Opaque cursor: base64url of the last structure code of the page (codes are public). */
export function encodeCursor(code: string): string {
  return Buffer.from(CURSOR_PREFIX + code, 'utf8').toString('base64url');
}

/** The code a cursor points after, or null when the cursor is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const code = text.slice(CURSOR_PREFIX.length);
  return STRUCTURE_CODE.test(code) ? code : null;
}

/** `first` between 1 and MAX_PAGE_SIZE (default DEFAULT_PAGE_SIZE), else BAD_USER_INPUT on field first. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  return size;
}

/** `after`: null for the first page, else a cursor returned by a previous page (BAD_USER_INPUT on field after otherwise). */
export function afterCode(after: string | null | undefined): string | null {
  if (after == null) return null;
  const code = decodeCursor(after);
  if (code === null) throw badInput('after', 'The cursor is not valid');
  return code;
}
