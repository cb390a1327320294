import { execFileSync } from 'node:child_process';
import path from 'node:path';
import jwt from 'jsonwebtoken';
import { DEV_DEFAULTS, loadConfig } from '@shared/config';
import { USER_ROLES } from '@shared/auth';
import { verifyUserToken } from '@shared/auth';
import { signDevToken } from '@shared/auth';

/*
 * `npm run token` is the plain-JavaScript infra/token.cjs (fast: node alone,
 * no tsx); it must sign what signDevToken (shared/auth/devToken.ts) signs, with the hub's roles and
 * development secret, and the gateway must accept it.
 */
const cli = require('../token.cjs') as {
  sign(args: Record<string, string | undefined>, env: Record<string, string | undefined>): string;
  USER_ROLES: string[];
  DEV_JWT_SECRET: string;
};

const claimsOf = (token: string) => {
  const { iat: _iat, exp, ...rest } = jwt.decode(token) as Record<string, unknown> & { iat: number; exp: number };
  return { ...rest, ttl: exp - _iat };
};

describe('npm run token (infra/token.cjs)', () => {
  it('knows the same roles and development secret as the hub', () => {
    expect(cli.USER_ROLES).toEqual([...USER_ROLES]);
    expect(cli.DEV_JWT_SECRET).toBe(DEV_DEFAULTS.JWT_SECRET);
  });

  it.each([
    { role: 'SOCIAL_WORKER', service: 'S-RM-01' },
    { role: 'STRUCTURE_OPERATOR', structure: 'RM-C001' },
    { role: 'SUPERVISOR', territory: '058, 059' },
    { role: 'REGIONAL_ANALYST' },
    { role: 'PRIVACY_OFFICER', sub: 'dpo', ttl: '60' },
  ])('signs the same claims as signDevToken for %o, accepted by the gateway', (args) => {
    const env = { JWT_ISSUER: 'iss', JWT_AUDIENCE: 'aud' };
    const token = cli.sign(args, env);
    const config = loadConfig(env);
    expect(claimsOf(token)).toEqual(claimsOf(signDevToken({ ...args, ttl: args.ttl ? Number(args.ttl) : undefined }, config.jwt.secret, { issuer: 'iss', audience: 'aud' })));
    expect(verifyUserToken(`Bearer ${token}`, { ...config.jwt, clockToleranceSeconds: 0 }).role).toBe(args.role);
  });

  it('refuses production, an RS256 set-up, an unknown role and a missing organisation', () => {
    expect(() => cli.sign({ role: 'REGIONAL_ANALYST' }, { NODE_ENV: 'production' })).toThrow(/for development/);
    expect(() => cli.sign({ role: 'REGIONAL_ANALYST' }, { JWT_PUBLIC_KEY: 'x' })).toThrow(/RS256/);
    expect(() => cli.sign({ role: 'ADMIN' }, {})).toThrow(/--role must be one of/);
    expect(() => cli.sign({ role: 'SOCIAL_WORKER' }, {})).toThrow(/--service/);
  });

  it('prints only the token on stdout (so TOKEN=$(npm run -s token ...) captures it)', () => {
    const out = execFileSync(process.execPath, [path.join(__dirname, '../token.cjs'), '--role', 'REGIONAL_ANALYST'], { env: { PATH: process.env.PATH } }).toString();
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});
