import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The boundary rule of eslint.config.mjs (docs/architecture.md, "Code
 * boundaries and lint"), run by ESLint itself on a one-line file as if it
 * were at `file`.
 */
const ROOT = path.join(__dirname, '..', '..');

async function check(file: string, source: string): Promise<string[]> {
  const eslint = path.join(ROOT, 'node_modules', '.bin', 'eslint');
  return new Promise((resolve, reject) => {
    const child = execFile(eslint, ['--stdin', '--stdin-filename', file, '--format', 'json'], { cwd: ROOT }, (_err, stdout) => {
      try {
        const [result] = JSON.parse(stdout) as { messages: { ruleId: string; message: string }[] }[];
        resolve(result.messages.filter((m) => m.ruleId === 'sirmi/boundaries').map((m) => m.message));
      } catch (e) {
        reject(new Error(`eslint gave no JSON for ${file}: ${String(e)}\n${stdout}`));
      }
    });
    child.stdin!.end(source);
  });
}

describe('lint: code boundaries (issue 20)', () => {
  it.each([
    ['subgraphs/sinba/src/services/x.ts', "import { a } from '../../../asso/src/server';", 'subgraph:sinba may not import subgraph:asso'],
    ['subgraphs/asmi/src/services/x.ts', "import { a } from '../../../../gateway/server';", 'subgraph:asmi may not import gateway'],
    ['shared/graphql/x.ts', "import { a } from '../../gateway/context';", 'shared may not import gateway'],
    ['shared/x.ts', "import { a } from '../subgraphs/asmi/src/server';", 'shared may not import subgraph:asmi'],
    ['gateway/routes/x.ts', "import { a } from '../../infra/token';", 'gateway may not import infra'],
    ['web/src/x.ts', "import { a } from '../../gateway/server';", 'web may not import gateway'],
  ])('refuses %s importing across a boundary', async (file, source, expected) => {
    const errors = await check(file, `${source}\nexport const b = a;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(expected);
  });

  it.each([
    ['subgraphs/sinba/src/services/x.ts', "import { a } from '../../../../shared/time';"],
    ['gateway/routes/x.ts', "import { a } from '../../shared/auth/devToken';"],
    ['infra/x.ts', "import { a } from '../subgraphs/asmi/src/server';"],
    ['web/src/x.ts', "import { a } from '../../shared/rules/fiscalCode';"],
    ['subgraphs/asmi/src/__tests__/x.test.ts', "import { a } from '../../../../infra/db/migrate';"],
  ])('allows %s its own imports', async (file, source) => {
    expect(await check(file, `${source}\nexport const b = a;\n`)).toEqual([]);
  });
});
