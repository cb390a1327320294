import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * The boundary rule of eslint.config.mjs (docs/architecture.md, "Code
 * boundaries and lint"), run by ESLint itself on a one-line file as if it
 * were at `file`.
 */
const ROOT = path.join(__dirname, '..', '..');

/**
 * ESLint runs in a child Node process (it loads the ESM config itself, which
 * Jest's module system does not): one process for every probe.
 */
function lintProbes(probes: { file: string; source: string }[]): Promise<string[][]> {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(probes.map((p) => eslint.lintText(p.source, { filePath: p.file })))
      .then((results) => process.stdout.write(JSON.stringify(results.map((r) => r[0].messages.filter((m) => m.ruleId === 'sirmi/boundaries').map((m) => m.message)))));
  `;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { cwd: ROOT }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`eslint failed: ${stderr}`));
      resolve(JSON.parse(stdout) as string[][]);
    });
    child.stdin!.end(JSON.stringify(probes));
  });
}

const REFUSED: [string, string, string][] = [
  ['subgraphs/sinba/src/services/x.ts', "import { a } from '../../../asso/src/server';", 'subgraph:sinba may not import subgraph:asso'],
  ['subgraphs/asmi/src/services/x.ts', "import { a } from '../../../../gateway/server';", 'subgraph:asmi may not import gateway'],
  ['shared/graphql/x.ts', "import { a } from '../../gateway/context';", 'shared may not import gateway'],
  ['shared/x.ts', "import { a } from '../subgraphs/asmi/src/server';", 'shared may not import subgraph:asmi'],
  ['gateway/routes/x.ts', "import { a } from '../../infra/token';", 'gateway may not import infra'],
  ['subgraphs/asso/src/services/x.ts', "import { a } from '../../../../infra/db/migrate';", 'subgraph:asso may not import infra'],
  ['web/src/x.ts', "import { a } from '../../gateway/server';", 'web may not import gateway'],
  ['subgraphs/sinba/src/services/x.ts', "import { a } from '../../../../shared/time';", 'through its path alias: "@shared/time"'],
  ['gateway/routes/x.ts', "import { a } from '@shared/errors/AppError';", 'Import "@shared/errors", not "@shared/errors/AppError"'],
];
const ALLOWED: [string, string][] = [
  ['subgraphs/sinba/src/services/x.ts', "import { a } from '@shared/time';"],
  ['shared/graphql/x.ts', "import { a } from '../time';"],
  ['gateway/routes/x.ts', "import { a } from '@shared/auth';"],
  ['gateway/__tests__/x.test.ts', "import { a } from '@shared/errors/AppError';"],
  ['infra/x.ts', "import { a } from '../subgraphs/asmi/src/server';"],
  ['web/src/x.ts', "import { a } from '@shared/rules';"],
  ['subgraphs/asmi/src/__tests__/x.test.ts', "import { a } from '../../../../infra/db/migrate';"],
];

let results: string[][] = [];
beforeAll(async () => {
  results = await lintProbes([...REFUSED, ...ALLOWED].map(([file, source]) => ({ file, source: `${source}\nexport const b = a;\n` })));
});

describe('lint: code boundaries (issue 20)', () => {
  it.each(REFUSED.map((r, i) => [...r, i] as const))('refuses %s importing across a boundary', (_file, _source, expected, i) => {
    expect(results[i]).toHaveLength(1);
    expect(results[i][0]).toContain(expected);
  });

  it.each(ALLOWED.map((r, i) => [...r, REFUSED.length + i] as const))('allows %s its own imports', (_file, _source, i) => {
    expect(results[i]).toEqual([]);
  });
});
