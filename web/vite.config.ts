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

export default defineConfig({
  root,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  // `npm run dev:web`: hot reload on :5173, the API proxied to the hub of `npm start`.
  server: { fs: { allow: [repo] }, proxy: { '/graphql': 'http://127.0.0.1:4000', '/dev': 'http://127.0.0.1:4000', '/documents': 'http://127.0.0.1:4000', '/reports': 'http://127.0.0.1:4000' } },
});
