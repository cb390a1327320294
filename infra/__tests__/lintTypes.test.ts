import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * ESLint keeps the types honest in runtime code (issue 20 item 1): no double
 * cast (`as unknown as`) and no import of a package's dist/ files; tests may
 * cast loosely. Run by ESLint itself on one-line files, as if they were at `file`.
 */
const ROOT = path.join(__dirname, '..', '..');

function lint(file: string, source: string): Promise<string[]> {
  const script = `
    const { ESLint } = require('eslint');
    new ESLint({ cwd: process.cwd() }).lintText(${JSON.stringify(source)}, { filePath: ${JSON.stringify(file)} })
      .then((r) => process.stdout.write(JSON.stringify(r[0].messages.map((m) => m.ruleId))));
  `;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', script], { cwd: ROOT }, (err, stdout, stderr) => (err ? reject(new Error(`eslint failed: ${stderr}`)) : resolve(JSON.parse(stdout) as string[])));
  });
}

describe('lint: generated and public types only (issue 20 item 1)', () => {
  it('refuses a double cast in runtime code, allows it in a test', async () => {
    const source = 'export const b = (1 as unknown as string).length;\n';
    expect(await lint('subgraphs/asmi/src/services/x.ts', source)).toEqual(['no-restricted-syntax']);
    expect(await lint('subgraphs/asmi/src/__tests__/x.test.ts', source)).toEqual([]);
  });

  it("refuses an import of a package's dist/ files", async () => {
    const source = "import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';\nexport type M = GraphQLResolverMap;\n";
    expect(await lint('gateway/x.ts', source)).toEqual(['no-restricted-imports']);
    expect(await lint('gateway/y.ts', "import type { buildSubgraphSchema } from '@apollo/subgraph';\nexport type B = typeof buildSubgraphSchema;\n")).toEqual([]);
  });
});
