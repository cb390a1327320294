/**
 * `tsx infra/token.ts --role SOCIAL_WORKER --service <id>` (also --structure,
 * --territory 058,059, --sub, --ttl seconds): prints a development JWT signed
 * with JWT_SECRET (HS256, shared/auth/devToken.ts). `npm run -s token` is the
 * same signing in plain JavaScript (infra/token.cjs, fast to start; a unit
 * test keeps the two equal); this command line remains for the compiled
 * build. Refused in production: real tokens come from the regional identity
 * provider.
 */
import { loadConfig } from '@shared/config';
import { signDevToken } from '@shared/auth';

/** Kept for callers of infra/: the function lives in shared/auth/devToken.ts. */
export { signDevToken };

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
    console.error('usage: npm run -s token -- --role SOCIAL_WORKER --service S001 | --role STRUCTURE_OPERATOR --structure RM-C001 | --role SUPERVISOR --territory 058 | --role REGIONAL_ANALYST | --role PRIVACY_OFFICER [--sub user]');
    process.exit(2);
  }
}
