import fs from 'node:fs';
import path from 'node:path';

/**
 * Second half of `npm run build` (after `tsc -p tsconfig.build.json`): the
 * files the compiled code reads at run time next to itself (`__dirname`), so
 * `node dist/gateway/index.js` finds them exactly where `tsx gateway/index.ts`
 * does: every SDL file (*.graphql: the subgraph schemas, shared common types,
 * the hub schema and gateway/supergraph.graphql) and the built web client
 * (web/dist → dist/web/dist, when `npm run build:web` has been run). Code
 * lists come from packages (require.resolve) or from .ts modules: nothing to copy.
 */
export const ASSET_ROOTS = ['shared', 'gateway', 'subgraphs'] as const;
const SKIP_DIRS = new Set(['node_modules', '__tests__', 'dist']);

function copyTree(srcDir: string, destDir: string, accept: (file: string) => boolean, copied: string[]): void {
  if (!fs.existsSync(srcDir)) return;
  for (const entry of fs.readdirSync(srcDir, { withFileTypes: true })) {
    const src = path.join(srcDir, entry.name);
    const dest = path.join(destDir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) copyTree(src, dest, accept, copied);
    } else if (accept(entry.name)) {
      fs.mkdirSync(destDir, { recursive: true });
      fs.copyFileSync(src, dest);
      copied.push(dest);
    }
  }
}

/** Copies the run-time assets from the source tree `root` into the build output `outDir`; returns the files written. */
export function copyAssets(root: string, outDir: string): string[] {
  const copied: string[] = [];
  for (const dir of ASSET_ROOTS) copyTree(path.join(root, dir), path.join(outDir, dir), (f) => f.endsWith('.graphql'), copied);
  const webDist = path.join(root, 'web', 'dist');
  if (fs.existsSync(webDist)) {
    fs.rmSync(path.join(outDir, 'web', 'dist'), { recursive: true, force: true });
    copyTree(webDist, path.join(outDir, 'web', 'dist'), () => true, copied);
  }
  return copied;
}

if (require.main === module) {
  // Compiled: this file is dist/infra/build/copyAssets.js, the sources are three levels up.
  const outDir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', '..'));
  const root = path.resolve(process.argv[3] ?? path.join(outDir, '..'));
  const copied = copyAssets(root, outDir);
  const web = fs.existsSync(path.join(outDir, 'web', 'dist', 'index.html'));
  console.log(`build: ${copied.length} asset files copied into ${path.relative(process.cwd(), outDir) || '.'}${web ? ' (web client included)' : ' (no web/dist: run `npm run build:web` first to serve the web client)'}`);
}
