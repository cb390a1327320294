import fs from 'node:fs';
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * `npm run codegen` (docs/conventions.md "Schema first"): runs every codegen
 * config of the repository — `subgraphs/<name>/codegen.ts` and
 * `web/codegen.ts`, found on disk, so a module's config plugs in without
 * editing this file — and writes the generated type files, which are
 * committed. `--check` writes nothing: it generates in memory and exits 1
 * naming each committed file that differs (infra/__tests__/codegen.test.ts).
 */
const ROOT = path.resolve(__dirname, '..');

/** The codegen configs, in a stable order. */
export function codegenConfigFiles(root = ROOT): string[] {
  const subgraphs = fs
    .readdirSync(path.join(root, 'subgraphs'))
    .sort()
    .map((name) => path.join(root, 'subgraphs', name, 'codegen.ts'));
  return [...subgraphs, path.join(root, 'web', 'codegen.ts')].filter((f) => fs.existsSync(f));
}

/** Codegen itself, loaded when generating (an ES-module dependency Jest's module system does not load: codegen.test.ts only lists the configs). */
async function codegen() {
  return (await import('@graphql-codegen/cli')).generate;
}

async function loadConfig(file: string): Promise<CodegenConfig> {
  const mod = (await import(file)) as { default: CodegenConfig | { default: CodegenConfig } };
  return 'default' in mod.default ? mod.default.default : mod.default;
}

/** The generated files whose committed text differs from what the configs generate now (repository-relative). */
export async function staleGeneratedFiles(): Promise<string[]> {
  const generate = await codegen();
  const stale: string[] = [];
  for (const file of codegenConfigFiles()) {
    const outputs = await generate({ ...(await loadConfig(file)), cwd: ROOT, silent: true }, false);
    for (const out of outputs) {
      const target = path.resolve(ROOT, out.filename);
      const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
      if (committed !== out.content) stale.push(path.relative(ROOT, target));
    }
  }
  return stale;
}

async function main(): Promise<void> {
  process.chdir(ROOT);
  if (process.argv.includes('--check')) {
    const stale = await staleGeneratedFiles();
    if (stale.length > 0) {
      console.error(`Generated types are stale (run npm run codegen): ${stale.join(', ')}`);
      process.exit(1);
    }
    console.log(`Generated types are up to date: ${codegenConfigFiles().map((f) => path.relative(ROOT, f)).join(', ')}`);
    return;
  }
  const generate = await codegen();
  for (const file of codegenConfigFiles()) {
    await generate({ ...(await loadConfig(file)), cwd: ROOT }, true);
    console.log(`Generated from ${path.relative(ROOT, file)}`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
