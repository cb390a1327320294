import { buildSchema, graphql } from 'graphql';
import { DEFAULT_MAX_STRING_LENGTH, stringProblem, withInputSanitiser } from '../inputSanitiser';

describe('the shared input sanitiser of every subgraph (issue 16)', () => {
  it('refuses a NUL byte, an unpaired surrogate and an over-long string, and accepts paired surrogates', () => {
    expect(stringProblem('a\u0000b', 10)).toMatch(/NUL/);
    expect(stringProblem('a\uD800', 10)).toMatch(/surrogate/);
    expect(stringProblem('\uDC00a', 10)).toMatch(/surrogate/);
    expect(stringProblem('x'.repeat(11), 10)).toMatch(/longer than 10/);
    expect(stringProblem('Anna 🌻', 10)).toBeNull();
  });

  it('refuses before the resolver runs, naming the field inside input objects and lists', async () => {
    const schema = buildSchema(`
      input Person { firstName: String! nicknames: [String!] notes: String }
      input RegisterInput { person: Person! }
      type Query { ok: Boolean }
      type Mutation { register(input: RegisterInput!): Boolean search(name: String): Boolean }
    `);
    const calls: unknown[] = [];
    const mutation = schema.getMutationType()!.getFields();
    mutation.register.resolve = (_s, args) => calls.push(args) > 0;
    mutation.search.resolve = () => true;
    withInputSanitiser(schema);
    const run = (source: string, variableValues: Record<string, unknown>) => graphql({ schema, source, variableValues });
    const bad = await run('mutation($p: Person!) { register(input: { person: $p }) }', { p: { firstName: 'A', nicknames: ['ok', 'b\u0000'] } });
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'person.nicknames' });
    const longSearch = await run('mutation($n: String) { search(name: $n) }', { n: 'x'.repeat(DEFAULT_MAX_STRING_LENGTH + 1) });
    expect(longSearch.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(calls).toHaveLength(0);
    const good = await run('mutation($p: Person!) { register(input: { person: $p }) }', { p: { firstName: 'Zoë 🌻', nicknames: ['ok'] } });
    expect(good.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
  });
});
