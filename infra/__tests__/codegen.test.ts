import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codegenConfigFiles } from '../codegen';

/**
 * The committed generated types (src/generated/ of each module) match their
 * SDL (docs/conventions.md "Schema first"). The configs are TypeScript and
 * the web client's is an ES module, so they are generated in memory by
 * `infra/codegen.ts --check` in a child process (tsx), as `npm run codegen`
 * loads them.
 */
const ROOT = path.join(__dirname, '..', '..');

function check(): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [require.resolve('tsx/cli'), 'infra/codegen.ts', '--check'], { cwd: ROOT }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr });
    });
  });
}

describe('generated GraphQL types', () => {
  it('finds the codegen config of every module that has one', () => {
    const found = codegenConfigFiles().map((f) => path.relative(ROOT, f));
    expect(found).toContain(path.join('subgraphs', 'asmi', 'codegen.ts'));
    for (const f of found) expect(fs.existsSync(path.join(ROOT, f))).toBe(true);
  });

  it('the committed generated files match the SDL (run `npm run codegen` when this fails)', async () => {
    const { code, output } = await check();
    expect(output).toContain('Generated types are up to date');
    for (const f of codegenConfigFiles()) expect(output).toContain(path.relative(ROOT, f));
    expect(code).toBe(0);
  }, 120000);
});
