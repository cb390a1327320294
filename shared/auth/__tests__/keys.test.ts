import jwt from 'jsonwebtoken';
import { publicKey, secretKey } from '../keys';
import { signInternalToken, verifyInternalToken } from '../internalToken';
import { generateKeyPairSync } from 'node:crypto';

describe('JWT key objects built once per configured key (shared/auth/keys.ts)', () => {
  it('returns the same KeyObject for the same secret, another for another secret', () => {
    expect(secretKey('one-secret-of-enough-length')).toBe(secretKey('one-secret-of-enough-length'));
    expect(secretKey('one-secret-of-enough-length')).not.toBe(secretKey('another-secret-of-enough-length'));
    expect(secretKey('one-secret-of-enough-length').type).toBe('secret');
  });

  it('signs and verifies exactly as with the string: a token signed with the string verifies with the key, and the other way round', () => {
    const s = 'internal-secret-for-the-test';
    const token = signInternalToken({ role: 'REGIONAL_ANALYST', sub: 'a' }, { secret: s, audience: 'asmi', ttlSeconds: 60 });
    expect(jwt.verify(token, s, { algorithms: ['HS256'] })).toMatchObject({ role: 'REGIONAL_ANALYST', aud: 'asmi' });
    const byString = jwt.sign({ role: 'REGIONAL_ANALYST' }, s, { algorithm: 'HS256', subject: 'a', issuer: 'sirmi-hub', audience: 'asmi', expiresIn: 60 });
    expect(verifyInternalToken(byString, s, 'asmi').principal).toEqual({ role: 'REGIONAL_ANALYST', sub: 'a' });
    expect(() => verifyInternalToken(byString, 'another-secret-entirely', 'asmi')).toThrow('Subgraphs accept requests only from the gateway');
  });

  it('builds a public key once from its PEM', () => {
    const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(publicKey(pem)).toBe(publicKey(pem));
    expect(publicKey(pem).type).toBe('public');
  });
});
