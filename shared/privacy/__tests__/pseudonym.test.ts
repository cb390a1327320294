import { base32, pseudonymOf } from '../pseudonym';

describe('base32', () => {
  // RFC 4648 §10 test vectors (padding removed).
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('encodes %j as %s', (input, expected) => {
    expect(base32(Buffer.from(input, 'utf8'))).toBe(expected);
  });
});

describe('pseudonymOf', () => {
  const id = '0b6f3c1e-6a0e-4f5e-9a59-3b1f2f8a9c11';
  const key = 'test-pseudonym-key';

  it('is 32 base32 characters', () => {
    expect(pseudonymOf(id, key)).toMatch(/^[A-Z2-7]{32}$/);
  });

  it('is stable for the same id and key', () => {
    expect(pseudonymOf(id, key)).toBe(pseudonymOf(id, key));
  });

  it('differs when the key differs', () => {
    expect(pseudonymOf(id, key)).not.toBe(pseudonymOf(id, 'another-key'));
  });

  it('differs when the id differs', () => {
    expect(pseudonymOf(id, key)).not.toBe(pseudonymOf('5d1c9c62-0d1e-4d4b-8a8e-1f9f2f4f6a01', key));
  });

  it('is the keyed HMAC-SHA256 of the id, not a plain hash', () => {
    const { createHash, createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const mac = createHmac('sha256', key).update(id).digest().subarray(0, 20);
    expect(pseudonymOf(id, key)).toBe(base32(mac));
    expect(pseudonymOf(id, key)).not.toBe(base32(createHash('sha256').update(id).digest().subarray(0, 20)));
  });
});
