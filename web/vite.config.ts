import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The structures' web client (issue 9). Built into web/dist, served by the
 * gateway at `/` (gateway/routes/webClient.ts). No React plugin: Vite 8
 * transforms TSX itself through oxc, with the automatic JSX runtime.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
/** The repository: the client imports SINBA's fiscal-code rule from subgraphs/. */
const repo = fileURLToPath(new URL('..', import.meta.url));
/** Where the dev server proxies the API: the gateway of `npm start` on the same PORT (default 4000); HUB_URL for a hub elsewhere. */
const hubUrl = process.env.HUB_URL || `http://127.0.0.1:${process.env.PORT || 4000}`;

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  // The hub's path alias (tsconfig.json): the client imports the browser-safe rules of shared/.
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  // `npm run dev:web`: hot reload on :5173, the API proxied to the hub of `npm start` (its gateway on PORT, default 4000; HUB_URL overrides).
  server: { fs: { allow: [repo] }, proxy: Object.fromEntries(['/graphql', '/dev', '/documents', '/reports'].map((p) => [p, hubUrl])) },
});
