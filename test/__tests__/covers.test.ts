import { covers } from '../support/coverage';
import type { GatewayResponse } from '../support/startHub';

/** What covers() accepts as "the operation returned its data through the gateway" (docs/architecture.md, "Tests"). */
const response = (data: Record<string, unknown> | null, errors?: GatewayResponse['errors'], query = 'mutation { recordInspection(input: {}) { id date authority } }', role = 'SUPERVISOR'): GatewayResponse => ({
  status: 200,
  data,
  errors,
  text: JSON.stringify({ data, errors }),
  sent: { query, variables: {}, role },
});

describe('covers()', () => {
  it('returns the value of the operation when it came back with data', () => {
    expect(covers('Mutation.recordInspection', 'SUPERVISOR', response({ recordInspection: { id: 'i1', date: '2024-03-01', authority: 'ASL' } }))).toEqual({ id: 'i1', date: '2024-03-01', authority: 'ASL' });
  });

  it('follows an alias', () => {
    const res = response({ mine: [{ code: 'ACT' }] }, undefined, '{ mine: codes(list: "ACT_KIND") { code } }', 'ANONYMOUS');
    expect(covers('Query.codes', 'ANONYMOUS', res)).toEqual([{ code: 'ACT' }]);
  });

  it('refuses the nulls of a masked record even when its id came back (the inspections defect of issue 20)', () => {
    const masked = { message: 'Not authorised', path: ['recordInspection', 'date'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } };
    expect(() => covers('Mutation.recordInspection', 'SUPERVISOR', response({ recordInspection: { id: 'i1', date: null, authority: null } }, [masked]))).toThrow(/every value but the ids is null/);
  });

  it('accepts masking inside the value when data came back', () => {
    const masked = { message: 'Not authorised', path: ['recordInspection', 'authority'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } };
    expect(covers('Mutation.recordInspection', 'SUPERVISOR', response({ recordInspection: { id: 'i1', date: '2024-03-01', authority: null } }, [masked]))).toMatchObject({ date: '2024-03-01' });
  });

  it.each([
    ['another role', response({ recordInspection: { id: 'i1', date: 'd', authority: 'a' } }, undefined, undefined, 'REGIONAL_ANALYST'), /role is REGIONAL_ANALYST/],
    ['a document without the operation', response({ structure: { code: 'X' } }, undefined, '{ structure(code: "X") { code } }'), /selecting recordInspection/],
    ['an error on it', response({ recordInspection: null }, [{ message: 'no', path: ['recordInspection'], extensions: { code: 'FORBIDDEN' } }]), /FORBIDDEN/],
    ['null', response({ recordInspection: null }), /returned null/],
    ['an empty list', response({ recordInspection: [] }), /empty list/],
    ['a response not from the gateway', { status: 200, data: { recordInspection: { id: 'i1', date: 'd' } }, text: '' } as GatewayResponse, /TestHub.gql/],
  ])('refuses %s', (_what, res, message) => {
    expect(() => covers('Mutation.recordInspection', 'SUPERVISOR', res)).toThrow(message);
  });
});
