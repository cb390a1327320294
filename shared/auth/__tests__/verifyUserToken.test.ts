import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { verifyUserToken, type UserTokenConfig } from '../verifyUserToken';
import { signInternalToken, verifyInternalToken } from '../internalToken';

const SECRET = 'test-secret-0123456789';
const base: UserTokenConfig = { secret: SECRET, publicKey: undefined, issuer: undefined, audience: undefined, clockToleranceSeconds: 30 };
const sign = (claims: Record<string, unknown>, opts: jwt.SignOptions = {}, key: jwt.Secret = SECRET) =>
  jwt.sign(claims, key, { algorithm: 'HS256', subject: 'u1', ...('exp' in claims ? {} : { expiresIn: 600 }), ...opts });

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
}

const now = Math.floor(Date.now() / 1000);

describe('verifyUserToken (docs/privacy.md §1)', () => {
  it('accepts a token living exactly JWT_MAX_TTL, and an iat within the skew', () => {
    expect(verifyUserToken(`Bearer ${sign({ role: 'REGIONAL_ANALYST', iat: now, exp: now + 12 * 3600 })}`, base).role).toBe('REGIONAL_ANALYST');
    expect(verifyUserToken(`Bearer ${sign({ role: 'REGIONAL_ANALYST', iat: now + 20, exp: now + 600 })}`, base).role).toBe('REGIONAL_ANALYST');
    const longer = { ...base, maxTtlSeconds: 48 * 3600 };
    expect(verifyUserToken(`Bearer ${sign({ role: 'REGIONAL_ANALYST', iat: now, exp: now + 48 * 3600 })}`, longer).role).toBe('REGIONAL_ANALYST');
  });

  it('treats a request without Authorization as anonymous', () => {
    expect(verifyUserToken(undefined, base)).toEqual({ role: 'ANONYMOUS' });
  });

  it('accepts a valid HS256 token and reads the organisation claim', () => {
    const p = verifyUserToken(`Bearer ${sign({ role: 'SOCIAL_WORKER', serviceId: 'S1' })}`, base);
    expect(p).toEqual({ role: 'SOCIAL_WORKER', sub: 'u1', serviceId: 'S1' });
  });

  const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u1', role: 'REGIONAL_ANALYST' })).toString('base64url')}.`;
  it.each([
    ['alg none', `Bearer ${unsigned}`],
    ['bad signature', `Bearer ${sign({ role: 'REGIONAL_ANALYST' }, {}, 'another-secret-xxxxxxxx')}`],
    ['wrong algorithm (HS512)', `Bearer ${jwt.sign({ role: 'REGIONAL_ANALYST', sub: 'u1' }, SECRET, { algorithm: 'HS512' })}`],
    ['expired beyond the 30 s skew', `Bearer ${sign({ role: 'REGIONAL_ANALYST', exp: now - 60 })}`],
    ['nbf in the future beyond the skew', `Bearer ${sign({ role: 'REGIONAL_ANALYST', nbf: now + 120 })}`],
    ['unknown role', `Bearer ${sign({ role: 'ADMIN' })}`],
    ['missing role', `Bearer ${sign({})}`],
    ['social worker without serviceId', `Bearer ${sign({ role: 'SOCIAL_WORKER' })}`],
    ['structure operator without structureCode', `Bearer ${sign({ role: 'STRUCTURE_OPERATOR' })}`],
    ['supervisor without territory', `Bearer ${sign({ role: 'SUPERVISOR' })}`],
    ['supervisor with a malformed territory', `Bearer ${sign({ role: 'SUPERVISOR', territory: ['58'] })}`],
    ['no exp (docs/privacy.md §1)', `Bearer ${jwt.sign({ role: 'REGIONAL_ANALYST', sub: 'u1' }, SECRET, { algorithm: 'HS256' })}`],
    ['a lifetime of 48 h from iat', `Bearer ${sign({ role: 'REGIONAL_ANALYST', iat: now, exp: now + 48 * 3600 })}`],
    ['a lifetime of 13 h from now without iat', `Bearer ${jwt.sign({ role: 'REGIONAL_ANALYST', sub: 'u1', exp: now + 13 * 3600 }, SECRET, { algorithm: 'HS256', noTimestamp: true })}`],
    ['iat in the future beyond the skew', `Bearer ${sign({ role: 'REGIONAL_ANALYST', iat: now + 120, exp: now + 600 })}`],
    ['malformed header', 'Token abc'],
    ['empty bearer', 'Bearer '],
    ['garbage token', 'Bearer a.b'],
  ])('refuses %s with UNAUTHENTICATED, never anonymous', (_name, header) => {
    expect(codeOf(() => verifyUserToken(header, base))).toBe('UNAUTHENTICATED');
  });

  it('tolerates 30 s of clock skew', () => {
    const p = verifyUserToken(`Bearer ${sign({ role: 'REGIONAL_ANALYST', exp: now - 10 })}`, base);
    expect(p.role).toBe('REGIONAL_ANALYST');
  });

  it('checks issuer and audience when configured', () => {
    const cfg = { ...base, issuer: 'https://idp.regione.example', audience: 'sirmi' };
    expect(codeOf(() => verifyUserToken(`Bearer ${sign({ role: 'REGIONAL_ANALYST' })}`, cfg))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyUserToken(`Bearer ${sign({ role: 'REGIONAL_ANALYST' }, { issuer: 'https://other', audience: 'sirmi' })}`, cfg))).toBe('UNAUTHENTICATED');
    const ok = verifyUserToken(`Bearer ${sign({ role: 'REGIONAL_ANALYST' }, { issuer: 'https://idp.regione.example', audience: 'sirmi' })}`, cfg);
    expect(ok.role).toBe('REGIONAL_ANALYST');
  });

  it('verifies RS256 with JWT_PUBLIC_KEY and refuses an HS256 token signed with the public key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const cfg = { ...base, publicKey: pem };
    const rs = jwt.sign({ role: 'PRIVACY_OFFICER' }, privateKey, { algorithm: 'RS256', subject: 'dpo', expiresIn: 60 });
    expect(verifyUserToken(`Bearer ${rs}`, cfg)).toEqual({ role: 'PRIVACY_OFFICER', sub: 'dpo' });
    // Algorithm confusion: an HS256 token "signed" with the public key as secret.
    const forged = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', role: 'PRIVACY_OFFICER' })).toString('base64url')}.sig`;
    expect(codeOf(() => verifyUserToken(`Bearer ${forged}`, cfg))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyUserToken(`Bearer ${sign({ role: 'PRIVACY_OFFICER' })}`, cfg))).toBe('UNAUTHENTICATED');
  });
});

describe('internal token (docs/privacy.md §9)', () => {
  it('round-trips a principal for its audience only', () => {
    const token = signInternalToken({ role: 'SUPERVISOR', sub: 's', territory: ['058'] }, { secret: 'internal-secret', audience: 'asso', ttlSeconds: 30, requestId: 'r1' });
    expect(verifyInternalToken(token, 'internal-secret', 'asso')).toEqual({ principal: { role: 'SUPERVISOR', sub: 's', territory: ['058'] }, requestId: 'r1' });
    expect(codeOf(() => verifyInternalToken(token, 'internal-secret', 'sinba'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyInternalToken(token, 'other-secret', 'asso'))).toBe('UNAUTHENTICATED');
  });

  it('refuses a user JWT presented as an internal token', () => {
    const user = sign({ role: 'REGIONAL_ANALYST' }, {}, 'internal-secret');
    expect(codeOf(() => verifyInternalToken(user, 'internal-secret', 'sinba'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => verifyInternalToken(undefined, 'internal-secret', 'sinba'))).toBe('UNAUTHENTICATED');
  });
});
