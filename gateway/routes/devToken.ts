import type express from 'express';
import { DEV_DEFAULTS, type HubConfig } from '@shared/config';
import { signDevToken } from '@shared/auth';

/** Lifetime of a development token for the web client (a working day). */
export const DEV_TOKEN_TTL_SECONDS = 8 * 3600;
const STRUCTURE_CODE = /^[A-Za-z0-9._-]{1,40}$/;
/** A social service's id (the `serviceId` claim), same shape as a structure code. */
const SERVICE_ID = STRUCTURE_CODE;
/** The roles the development sign-in page can sign in as (issue 14: structures, and the social services' area). */
export const DEV_TOKEN_ROLES = ['STRUCTURE_OPERATOR', 'SOCIAL_WORKER'] as const;

/**
 * Development sign-in is possible only with the public development JWT secret
 * (which production refuses to start with), outside NODE_ENV=production, and
 * without an RS256 public key (then tokens come from an identity provider).
 */
export function devTokensAllowed(config: HubConfig): boolean {
  return !config.production && !config.jwt.publicKey && config.jwt.secret === DEV_DEFAULTS.JWT_SECRET;
}

/**
 * `POST /dev/token {structureCode}` → `{ token }`: a STRUCTURE_OPERATOR token
 * for the web client's development sign-in page, signed like `npm run token`
 * (shared/auth/devToken.ts); `POST /dev/token {role: "SOCIAL_WORKER",
 * serviceId}` → a SOCIAL_WORKER token of that service (the social services'
 * area). Never for another role (SUPERVISOR, ADMIN...: `npm run token`).
 * `GET /dev/token` tells the client the route exists and which roles it issues. Neither route is registered when devTokensAllowed is false.
 */
export function registerDevTokenRoutes(app: express.Express, config: HubConfig): void {
  if (!devTokensAllowed(config)) return;
  const fail = (res: express.Response, status: number, code: string, message: string, field?: string) =>
    res.status(status).json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

  app.get('/dev/token', (_req, res) => {
    res.json({ available: true, role: 'STRUCTURE_OPERATOR', roles: DEV_TOKEN_ROLES, ttlSeconds: DEV_TOKEN_TTL_SECONDS });
  });
  app.post('/dev/token', (req, res, next) => {
    // Small JSON body only; the GraphQL parser is mounted on /graphql alone.
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
      if (raw.length > 1024) req.destroy();
    });
    req.on('error', next);
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        fail(res, 400, 'BAD_USER_INPUT', 'The body must be JSON: {"structureCode": "..."}');
        return;
      }
      if (body.role !== undefined && !(DEV_TOKEN_ROLES as readonly unknown[]).includes(body.role)) {
        fail(res, 403, 'FORBIDDEN', 'Development tokens are issued only for STRUCTURE_OPERATOR and SOCIAL_WORKER (use npm run token for other roles)', 'role');
        return;
      }
      // One organisation claim per role: the social worker's service, else the operator's structure.
      const worker = body.role === 'SOCIAL_WORKER';
      const field = worker ? 'serviceId' : 'structureCode';
      const value = body[field];
      if (typeof value !== 'string' || !(worker ? SERVICE_ID : STRUCTURE_CODE).test(value)) {
        fail(res, 400, 'BAD_USER_INPUT', worker ? 'serviceId must be a social service id' : 'structureCode must be a structure code', field);
        return;
      }
      const claims = worker
        ? { role: 'SOCIAL_WORKER', service: value, sub: `dev-worker-${value}`, ttl: DEV_TOKEN_TTL_SECONDS }
        : { role: 'STRUCTURE_OPERATOR', structure: value, sub: `dev-operator-${value}`, ttl: DEV_TOKEN_TTL_SECONDS };
      const token = signDevToken(claims, config.jwt.secret, { issuer: config.jwt.issuer, audience: config.jwt.audience });
      res.set('Cache-Control', 'no-store').json({ token, [field]: value, expiresIn: DEV_TOKEN_TTL_SECONDS });
    });
  });
}
