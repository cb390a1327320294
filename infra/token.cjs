#!/usr/bin/env node
'use strict';
/**
 * `npm run -s token -- --role SOCIAL_WORKER --service <id>` (also --structure,
 * --territory 058,059, --sub, --ttl seconds): prints a development JWT signed
 * with JWT_SECRET (HS256). Refused in production: real tokens come from the
 * regional identity provider.
 *
 * Plain JavaScript on purpose: it runs with `node` alone, without tsx or the
 * hub's configuration module, so it answers in a fraction of a second even on
 * a loaded machine. It signs exactly what `signDevToken` (shared/auth/devToken.ts) signs
 * (the hub's own function, used by the demo data, the tests and /dev/token); a unit test
 * (infra/__tests__/tokenCli.test.ts) keeps the two, the roles and the
 * development secret in step with shared/.
 */
const jwt = require('jsonwebtoken');

const USER_ROLES = ['SOCIAL_WORKER', 'STRUCTURE_OPERATOR', 'SUPERVISOR', 'REGIONAL_ANALYST', 'PRIVACY_OFFICER'];
const DEV_JWT_SECRET = 'sirmi-dev-jwt-secret-change-me';
const USAGE =
  'usage: npm run -s token -- --role SOCIAL_WORKER --service S-RM-01 | --role STRUCTURE_OPERATOR --structure RM-C001 | --role SUPERVISOR --territory 058 | --role REGIONAL_ANALYST | --role PRIVACY_OFFICER [--sub user] [--ttl seconds]';

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument "${a}"`);
    const [k, inline] = a.slice(2).split('=', 2);
    out[k] = inline ?? argv[++i] ?? '';
  }
  return out;
}

function sign(args, env) {
  if ((env.NODE_ENV || 'development') === 'production') throw new Error('npm run token is for development; production tokens come from the identity provider');
  if (env.JWT_PUBLIC_KEY) throw new Error('JWT_PUBLIC_KEY is set (RS256): development tokens cannot be signed here');
  const role = args.role || '';
  if (!USER_ROLES.includes(role)) throw new Error(`--role must be one of ${USER_ROLES.join(', ')}`);
  const claims = { role };
  if (role === 'SOCIAL_WORKER') {
    if (!args.service) throw new Error('SOCIAL_WORKER needs --service <serviceId>');
    claims.serviceId = args.service;
  }
  if (role === 'STRUCTURE_OPERATOR') {
    if (!args.structure) throw new Error('STRUCTURE_OPERATOR needs --structure <code>');
    claims.structureCode = args.structure;
  }
  if (role === 'SUPERVISOR') {
    if (!args.territory) throw new Error('SUPERVISOR needs --territory 058,059');
    claims.territory = args.territory.split(',').map((t) => t.trim());
  }
  return jwt.sign(claims, env.JWT_SECRET || DEV_JWT_SECRET, {
    algorithm: 'HS256',
    subject: args.sub || `dev-${role.toLowerCase()}`,
    expiresIn: args.ttl ? Number(args.ttl) : 8 * 3600,
    ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
    ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
  });
}

module.exports = { sign, parseArgs, USER_ROLES, DEV_JWT_SECRET };

if (require.main === module) {
  try {
    process.stdout.write(`${sign(parseArgs(process.argv.slice(2)), process.env)}\n`);
  } catch (err) {
    process.stderr.write(`token: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
}
