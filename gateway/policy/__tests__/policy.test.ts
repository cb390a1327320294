import { buildPolicy, findUntaggedFields, UntaggedFieldError } from '../policy';

const header = `directive @dataClass(class: DataClass!) on FIELD_DEFINITION
enum DataClass { IDENTITY PUBLIC }`;

describe('policy from the schema', () => {
  it('builds the Type.field → class table from the @dataClass tags', () => {
    const p = buildPolicy(`${header}\ntype Query { minor: Minor }\ntype Minor { id: ID! firstName: String @dataClass(class: IDENTITY) }`);
    expect(p.classOf('Minor', 'firstName')).toBe('IDENTITY');
    expect(p.classOf('Minor', 'id')).toBeUndefined();
  });

  it('refuses a field without a tag, so no new field can slip through untagged', () => {
    const sdl = `${header}\ntype Query { minor: Minor }\ntype Minor { id: ID! firstName: String @dataClass(class: IDENTITY) nickname: String }`;
    expect(findUntaggedFields(sdl)).toEqual(['Minor.nickname']);
    expect(() => buildPolicy(sdl)).toThrow(UntaggedFieldError);
  });

  it('does not require tags on root types, pagination wrappers and keys', () => {
    const sdl = `${header}\ntype Query { minors: MinorConnection }\ntype MinorConnection { nodes: [Minor!]! pageInfo: PageInfo! }\ntype PageInfo { hasNextPage: Boolean! }\ntype Minor { id: ID! }`;
    expect(findUntaggedFields(sdl)).toEqual([]);
  });
});
