import { graphql, parse } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { touchMinor, withWriteTrail, writeRecordsOf } from '../writeTrail';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

const typeDefs = parse(`
  type Minor { id: ID! }
  type Placement { id: ID! minorId: ID }
  input AdmitInput { minorId: ID! placementOf: ID }
  type Query { ok: Boolean }
  type Mutation {
    admit(input: AdmitInput!): Placement
    register: Minor
    discharge(placementId: ID!): Placement
    refuse(minorIds: [ID!]!): Placement
  }
`);

function schema() {
  return withWriteTrail(
    buildSubgraphSchema([
      {
        typeDefs,
        resolvers: {
          Mutation: {
            admit: (_: unknown, { input }: { input: { minorId: string } }) => ({ id: 'p1', minorId: input.minorId }),
            register: () => ({ id: C }),
            discharge: () => {
              touchMinor(B, 'not-a-uuid', null);
              return { id: 'p2' };
            },
            refuse: () => {
              throw Object.assign(new Error('no'), { extensions: { code: 'FORBIDDEN' } });
            },
          },
        } as never,
      },
    ]),
  );
}

describe('write trail of a subgraph mutation (docs/privacy.md §7)', () => {
  it('records the minors named in the arguments, in the result, and touched by the service, per root field', async () => {
    const ctx = {};
    const r = await graphql({ schema: schema(), source: `mutation { a: admit(input: { minorId: "${A}" }) { __typename } register { __typename } discharge(placementId: "x") { __typename } }`, contextValue: ctx });
    expect(r.errors).toBeUndefined();
    expect(writeRecordsOf(ctx)).toEqual([
      { field: 'a', minorIds: [A], outcome: 'ACCEPTED' },
      { field: 'register', minorIds: [C], outcome: 'ACCEPTED' },
      { field: 'discharge', minorIds: [B], outcome: 'ACCEPTED' },
    ]);
  });

  it('records a refused mutation with its error code', async () => {
    const ctx = {};
    await graphql({ schema: schema(), source: `mutation { refuse(minorIds: ["${A}", "${B}"]) { id } }`, contextValue: ctx });
    expect(writeRecordsOf(ctx)).toEqual([{ field: 'refuse', minorIds: [A, B], outcome: 'REFUSED', code: 'FORBIDDEN' }]);
  });

  it('records nothing for a query, and touchMinor outside a mutation is a no-op', async () => {
    const ctx = {};
    touchMinor(A);
    await graphql({ schema: schema(), source: '{ ok }', contextValue: ctx });
    expect(writeRecordsOf(ctx)).toEqual([]);
  });
});
