import { responseStatus } from '../plugins/httpStatus';
import { nestingDepth } from '../plugins/limits';

const err = (code: string) => ({ message: code, extensions: { code } });

describe('the HTTP status of a GraphQL response comes from the error-code registry (issue 16)', () => {
  it.each([
    ['no errors', { a: 1 }, [], undefined],
    ['partial data', { minor: { id: '1', placements: null } }, [err('UPSTREAM_UNAVAILABLE')], 200],
    ['a refused mutation', null, [err('BAD_USER_INPUT')], 400],
    ['every root field null', { minor: null }, [err('NOT_FOUND')], 404],
    ['a 5xx wins over the first error', null, [err('BAD_USER_INPUT'), err('AUDIT_UNAVAILABLE')], 503],
    ['401 wins over other 4xx', { a: null, b: null }, [err('FORBIDDEN'), err('UNAUTHENTICATED')], 401],
    ['a syntax error', undefined, [err('GRAPHQL_PARSE_FAILED')], 400],
    ['an unregistered code', null, [err('SOMETHING_ELSE')], 500],
  ] as const)('%s', (_name, data, errors, status) => {
    expect(responseStatus(data as never, errors as never)).toBe(status);
  });
});

describe('nestingDepth reads the raw document without recursion', () => {
  it('counts brackets, skipping strings, block strings and comments', () => {
    expect(nestingDepth('{ a { b(x: [1, {y: 2}]) } }')).toBe(5);
    expect(nestingDepth('{ a(s: "{{{{[[[[") # {{{{{\n }')).toBe(2);
    expect(nestingDepth('{ a(s: """ {{{ \\""" {{ """) }')).toBe(2);
    expect(nestingDepth('{'.repeat(100000), 64)).toBe(65);
  });
});
