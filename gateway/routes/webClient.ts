import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/** The built web client for structures (issue 9): `npm run build:web` writes it. */
export const WEB_DIST_DIR = path.join(__dirname, '..', '..', 'web', 'dist');

/**
 * Path prefixes that belong to the gateway's API and downloads: the SPA
 * fallback never answers under them, so an unknown API path stays a 404 and
 * routes registered later still run.
 */
export const API_PREFIXES = ['/graphql', '/graphiql', '/health', '/documents', '/open-data', '/reports', '/exports', '/dev'] as const;

export function isApiPath(p: string): boolean {
  return API_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`) || p.startsWith(`${prefix}.`));
}

/**
 * The client's pages: same-origin scripts and styles only, no framing, no
 * referrer (page addresses hold placement ids).
 */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>S.I.R.MI — client web non compilato</title></head>
<body>
<h1>Il client web per le strutture non è stato compilato</h1>
<p>Esegui <code>npm run build:web</code> (oppure riavvia con <code>npm start</code>, che lo compila) e ricarica la pagina.</p>
<p lang="en">The web client for structures has not been built: run <code>npm run build:web</code> (or restart with <code>npm start</code>, which builds it) and reload.</p>
<p>API: <code>POST /graphql</code> · <code>GET /health</code></p>
</body></html>
`;

/**
 * Serve the web client at `/`: the files of web/dist (hashed assets cached for
 * a year, index.html never cached) and index.html for any other GET path
 * outside the API prefixes (history routing of the SPA). Without a build the
 * gateway still starts and those paths answer 503 with how to build it.
 */
export function registerWebClientRoutes(app: express.Express, options: { distDir?: string } = {}): void {
  const distDir = options.distDir ?? WEB_DIST_DIR;
  const indexFile = path.join(distDir, 'index.html');
  const staticFiles = express.static(distDir, {
    index: false,
    redirect: false,
    setHeaders: (res, file) => {
      if (file.startsWith(path.join(distDir, 'assets') + path.sep)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      // /index.html asked by name: the same headers as the app's fallback below.
      if (file === indexFile) {
        for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
        res.setHeader('Cache-Control', 'no-cache');
      }
    },
  });
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    staticFiles(req, res, () => {
      // A missing file with an extension (an old asset) is a 404, not the app.
      if (path.extname(req.path) !== '') return next();
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
      res.setHeader('Cache-Control', 'no-cache');
      if (!fs.existsSync(indexFile)) {
        res.status(503).type('html').send(NOT_BUILT_PAGE);
        return;
      }
      res.sendFile(indexFile);
    });
  });
}
