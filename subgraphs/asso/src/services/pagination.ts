import { cursorCodec } from '@shared/graphql';
import { STRUCTURE_CODE } from '../rules/structureRegistration';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize } from '@shared/graphql';

/** `structures(after)`: cursors carry the last structure code of the page (codes are public). */
export const structureCursor = cursorCodec('structure:', (code) => STRUCTURE_CODE.test(code));
export const encodeCursor = structureCursor.encode;
export const decodeCursor = structureCursor.decode;
export const afterCode = structureCursor.after;
