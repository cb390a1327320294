/**
 * docs/privacy.md §1 through the gateway: a token without `exp`, one living
 * longer than JWT_MAX_TTL, or one issued in the future is refused with 401
 * UNAUTHENTICATED (never degraded to anonymous).
 */
import jwt from 'jsonwebtoken';
import { startTestHub, type TestHub } from '../support/startHub';

describe('token lifetime (docs/privacy.md §1)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ env: { JWT_MAX_TTL: '2h' } });
  });
  afterAll(async () => {
    await hub?.stop();
  });

  const now = () => Math.floor(Date.now() / 1000);
  const sign = (claims: Record<string, unknown>, options: jwt.SignOptions = {}) =>
    jwt.sign({ role: 'REGIONAL_ANALYST', ...claims }, hub.config.jwt.secret, { algorithm: 'HS256', subject: 'an-ttl', ...options });
  const codes = (q: Awaited<ReturnType<TestHub['gql']>>) => q.errors?.map((e) => e.extensions?.code);

  it('accepts a token within JWT_MAX_TTL', async () => {
    const res = await hub.gql(sign({ iat: now(), exp: now() + 2 * 3600 }), '{ codeLists }');
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it.each([
    ['without exp', () => sign({})],
    ['living 48 hours', () => sign({ iat: now(), exp: now() + 48 * 3600 })],
    ['living longer than JWT_MAX_TTL (3 h > 2 h)', () => sign({ iat: now(), exp: now() + 3 * 3600 })],
    ['without iat, expiring beyond JWT_MAX_TTL from now', () => sign({ exp: now() + 3 * 3600 }, { noTimestamp: true })],
    ['issued an hour in the future', () => sign({ iat: now() + 3600, exp: now() + 3600 + 600 })],
  ])('refuses a token %s with 401 UNAUTHENTICATED', async (_name, token) => {
    const res = await hub.gql(token(), '{ codeLists }');
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.data ?? null).toBeNull();
  });
});
