import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Build of the structures' web client (web/, issue 9) for `npm start` and the
 * browser tests: rebuilt when web/dist is missing or older than its sources.
 */
const ROOT = path.join(__dirname, '..');
export const WEB_DIR = path.join(ROOT, 'web');
export const WEB_DIST_INDEX = path.join(WEB_DIR, 'dist', 'index.html');

/** Sources of the client: web/src, its html and config, and the shared fiscal-code rule and date arithmetic it imports. */
const SOURCES = [path.join(WEB_DIR, 'src'), path.join(WEB_DIR, 'index.html'), path.join(WEB_DIR, 'vite.config.ts'), path.join(ROOT, 'shared', 'rules', 'fiscalCode.ts'), path.join(ROOT, 'shared', 'time.ts')];

function newestMtime(p: string): number {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function webClientIsStale(): boolean {
  let built: number;
  try {
    built = fs.statSync(WEB_DIST_INDEX).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** `vite build --config web/vite.config.ts` in a child process (Vite is ESM-only; this file also runs under jest). */
export function buildWebClient(options: { quiet?: boolean } = {}): Promise<void> {
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', path.join(WEB_DIR, 'vite.config.ts'), '--logLevel', options.quiet ? 'error' : 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${signal ?? `exit ${code}`})`))));
  });
}

/** Build only when stale; returns whether it built. */
export async function ensureWebClient(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (!webClientIsStale()) return false;
  await buildWebClient(options);
  return true;
}

/** The development GraphQL IDE (web/graphiql, its own Vite build), served by the gateway at /graphiql outside production. */
export const GRAPHIQL_DIR = path.join(WEB_DIR, 'graphiql');
export const GRAPHIQL_DIST_INDEX = path.join(GRAPHIQL_DIR, 'dist', 'index.html');
const GRAPHIQL_SOURCES = ['index.html', 'main.tsx', 'examples.ts', 'vite.config.ts'].map((f) => path.join(GRAPHIQL_DIR, f));

export function graphiqlIsStale(): boolean {
  let built: number;
  try {
    built = fs.statSync(GRAPHIQL_DIST_INDEX).mtimeMs;
  } catch {
    return true;
  }
  return GRAPHIQL_SOURCES.some((s) => newestMtime(s) > built);
}

/** `vite build --config web/graphiql/vite.config.ts` when missing or stale; returns whether it built. */
export async function ensureGraphiql(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (!graphiqlIsStale()) return false;
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--config', path.join(GRAPHIQL_DIR, 'vite.config.ts'), '--logLevel', options.quiet ? 'error' : 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`vite build of the GraphQL IDE failed (${signal ?? `exit ${code}`})`))));
  });
  return true;
}
