import jwt from 'jsonwebtoken';
import { isUserRole, USER_ROLES } from './principal';

/**
 * Signs a development JWT with the shared HS256 secret: used by
 * `npm run token` (infra/token.ts), by the gateway's development sign-in
 * route (gateway/routes/devToken.ts) and by the tests. It lives in shared/ so
 * that the gateway does not import infra/ (issue 20: no upward imports).
 * Real tokens come from the regional identity provider.
 */
export function signDevToken(args: { role: string; sub?: string; service?: string; structure?: string; territory?: string; ttl?: number }, secret: string, extra: { issuer?: string; audience?: string } = {}): string {
  if (!isUserRole(args.role)) throw new Error(`--role must be one of ${USER_ROLES.join(', ')}`);
  const claims: Record<string, unknown> = { role: args.role };
  if (args.role === 'SOCIAL_WORKER') {
    if (!args.service) throw new Error('SOCIAL_WORKER needs --service <serviceId>');
    claims.serviceId = args.service;
  }
  if (args.role === 'STRUCTURE_OPERATOR') {
    if (!args.structure) throw new Error('STRUCTURE_OPERATOR needs --structure <code>');
    claims.structureCode = args.structure;
  }
  if (args.role === 'SUPERVISOR') {
    if (!args.territory) throw new Error('SUPERVISOR needs --territory 058,059');
    claims.territory = args.territory.split(',').map((t) => t.trim());
  }
  return jwt.sign(claims, secret, {
    algorithm: 'HS256',
    subject: args.sub ?? `dev-${args.role.toLowerCase()}`,
    expiresIn: args.ttl ?? 8 * 3600,
    ...(extra.issuer ? { issuer: extra.issuer } : {}),
    ...(extra.audience ? { audience: extra.audience } : {}),
  });
}
