import { badInput } from '../errors/AppError';

/** Cursor pagination of list queries: `first` (default and maximum) and opaque `after` cursors. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** `first` between 1 and MAX_PAGE_SIZE (default DEFAULT_PAGE_SIZE), else BAD_USER_INPUT on field first. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw badInput('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  return size;
}

export interface CursorCodec {
  /** Opaque cursor: base64url of the prefix and the last key of the page (keys carry no personal data). */
  encode(key: string): string;
  /** The key a cursor points after, or null when the cursor is not one of this list's. */
  decode(cursor: string): string | null;
  /** `after`: null for the first page, else a cursor of this list (BAD_USER_INPUT on field after otherwise). */
  after(after: string | null | undefined): string | null;
}

export function cursorCodec(prefix: string, isKey: (key: string) => boolean, normalise: (key: string) => string = (k) => k): CursorCodec {
  const decode = (cursor: string): string | null => {
    const text = Buffer.from(cursor, 'base64url').toString('utf8');
    if (!text.startsWith(prefix)) return null;
    const key = text.slice(prefix.length);
    return isKey(key) ? normalise(key) : null;
  };
  return {
    encode: (key) => Buffer.from(prefix + key, 'utf8').toString('base64url'),
    decode,
    after(after) {
      if (after == null) return null;
      const key = decode(after);
      if (key === null) throw badInput('after', 'The cursor is not valid');
      return key;
    },
  };
}

/** A page from `size + 1` rows: the first `size`, and whether there is more. */
export function toPage<T>(rows: readonly T[], size: number, keyOf: (row: T) => string, codec: CursorCodec) {
  const nodes = rows.slice(0, size);
  return { nodes, pageInfo: { endCursor: nodes.length ? codec.encode(keyOf(nodes[nodes.length - 1])) : null, hasNextPage: rows.length > size } };
}
