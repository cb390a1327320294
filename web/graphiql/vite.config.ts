import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The development GraphQL IDE (GraphiQL from npm, bundled: no CDN), a build
 * of its own so it never ships with the web client: web/graphiql/dist, served
 * by the gateway at /graphiql outside production (gateway/routes/graphiql.ts).
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/graphiql/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    // GraphiQL's dependencies carry React Server Components directives ("use client"), meaningless in this bundle.
    rolldownOptions: { onwarn: (w, warn) => (w.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : warn(w)) },
  },
});
