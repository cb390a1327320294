import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { HubConfig } from '@shared/config';

/** The development GraphQL IDE (GraphiQL bundled from npm): `npm run build:graphiql` writes it; `npm start` builds it when stale. */
export const GRAPHIQL_DIST_DIR = path.join(__dirname, '..', '..', 'web', 'graphiql', 'dist');

/** Only in development: production has no introspection and no IDE (the route does not exist, 404). */
export function graphiqlEnabled(config: Pick<HubConfig, 'production'>): boolean {
  return !config.production;
}

/**
 * The IDE's page: same-origin scripts; GraphiQL's editors set inline styles.
 * It only ever talks to this gateway's POST /graphql.
 */
const HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-cache',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>GraphiQL not built</title></head>
<body><h1>The GraphQL IDE has not been built</h1>
<p>Run <code>npm run build:graphiql</code> (or restart with <code>npm start</code>, which builds it) and reload.</p></body></html>
`;

/**
 * Outside production: `GET /graphiql` serves the IDE, and `GET /graphql` from
 * a browser (Accept: text/html first) redirects to it instead of Apollo's
 * CSRF refusal. Must be registered before the /graphql middleware. In
 * production nothing is registered (GET /graphiql is 404).
 */
export function registerGraphiqlRoutes(app: express.Express, config: Pick<HubConfig, 'production'>, options: { distDir?: string } = {}): void {
  if (!graphiqlEnabled(config)) return;
  const distDir = options.distDir ?? GRAPHIQL_DIST_DIR;
  const indexFile = path.join(distDir, 'index.html');
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') return next();
    res.redirect(302, '/graphiql');
  });
  const page = (_req: express.Request, res: express.Response) => {
    for (const [k, v] of Object.entries(HEADERS)) res.setHeader(k, v);
    if (!fs.existsSync(indexFile)) {
      res.status(503).type('html').send(NOT_BUILT_PAGE);
      return;
    }
    res.sendFile(indexFile);
  };
  app.get('/graphiql', page);
  app.get('/graphiql/', page);
  app.use(
    '/graphiql/assets',
    express.static(path.join(distDir, 'assets'), {
      index: false,
      redirect: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
}
