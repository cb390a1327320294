import fs from 'node:fs';
import { ERROR_CODES_DOC, renderErrorCodes } from '../docs/errorCodes';

it('docs/error-codes.md is generated from the registry (run `npm run docs:errors` when this fails)', () => {
  expect(fs.readFileSync(ERROR_CODES_DOC, 'utf8')).toBe(renderErrorCodes());
});
