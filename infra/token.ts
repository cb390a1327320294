import jwt from 'jsonwebtoken';
import { loadConfig } from '../shared/config/config';
import { isUserRole, USER_ROLES } from '../shared/auth/principal';

/**
 * `npm run token -- --role SOCIAL_WORKER --service <id>` (also --structure,
 * --territory 058,059, --sub, --ttl seconds): prints a development JWT signed
 * with JWT_SECRET (HS256). Refused in production: real tokens come from the
 * regional identity provider.
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

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}"`);
    const [k, inline] = a.slice(2).split('=', 2);
    out[k] = inline ?? argv[++i] ?? '';
  }
  return out;
}

if (require.main === module) {
  try {
    const config = loadConfig();
    if (config.production) throw new Error('npm run token is for development; production tokens come from the identity provider');
    if (config.jwt.publicKey) throw new Error('JWT_PUBLIC_KEY is set (RS256): development tokens cannot be signed here');
    const a = parseArgs(process.argv.slice(2));
    console.log(signDevToken({ role: a.role ?? '', sub: a.sub, service: a.service, structure: a.structure, territory: a.territory, ttl: a.ttl ? Number(a.ttl) : undefined }, config.jwt.secret, { issuer: config.jwt.issuer, audience: config.jwt.audience }));
  } catch (err) {
    console.error(`token: ${(err as Error).message}`);
    console.error('usage: npm run token -- --role SOCIAL_WORKER --service S001 | --role STRUCTURE_OPERATOR --structure RM-C001 | --role SUPERVISOR --territory 058 | --role REGIONAL_ANALYST | --role PRIVACY_OFFICER [--sub user]');
    process.exit(2);
  }
}
