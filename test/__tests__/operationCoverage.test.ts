import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Kind, parse } from 'graphql';
import { USER_ROLES } from '@shared/auth';

/**
 * The safety net of issue 20 (item 7): every Query and Mutation field of the
 * composed supergraph has an end-to-end test through the gateway that
 * asserts on its data as a role allowed to call it. A test declares it with
 * `covers('<Type.field>', '<ROLE>', res)` (test/support/coverage.ts), which
 * checks at run time that `res` came from the gateway, selected that field as
 * that role and returned data; this test finds the declarations in the files
 * under test/e2e. See docs/architecture.md, "Tests".
 *
 * Not listed: the federation machinery (`_entities`, `_service`) and
 * `@inaccessible` fields (module-to-module calls: the gateway does not
 * expose them; their integration tests call the subgraph as SERVICE).
 */
const ROOT = join(__dirname, '..', '..');
const SUPERGRAPH = join(ROOT, 'gateway', 'supergraph.graphql');
const E2E_DIR = join(ROOT, 'test', 'e2e');
const FEDERATION_FIELDS = new Set(['_entities', '_service']);
const ROLES = new Set<string>([...USER_ROLES, 'ANONYMOUS']);

/**
 * Operations whose end-to-end test shows a defect not fixed yet: the test is
 * written, as `it.failing` (Jest fails it once the defect is fixed, so it is
 * turned into an ordinary `it` and the operation leaves this list). Keep the
 * reason; never add an operation here to skip writing its test.
 */
export const KNOWN_DEFECTS: Record<string, string> = {
};

/** Every `Query.x` / `Mutation.x` a client can send through the gateway. */
export function gatewayOperations(sdl: string): string[] {
  const ops: string[] = [];
  for (const def of parse(sdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (def.name.value !== 'Query' && def.name.value !== 'Mutation') continue;
    for (const field of def.fields ?? []) {
      if (FEDERATION_FIELDS.has(field.name.value)) continue;
      if (field.directives?.some((d) => d.name.value === 'inaccessible')) continue;
      ops.push(`${def.name.value}.${field.name.value}`);
    }
  }
  return [...new Set(ops)].sort();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.e2e\.test\.ts$/.test(name) ? [path] : [];
  });
}

export interface Declaration {
  operation: string;
  role: string;
  line: number;
  /** The test it sits in: run, expected to fail (`it.failing`, a known defect) or not run (`.skip`, `.todo`, `xit`). */
  kind: 'run' | 'failing' | 'skipped';
}

const OPENER = /^\s*(describe|it|test|xit|xtest|xdescribe)(\.(failing|skip|only|todo|concurrent))?(\.each\b.*)?\(/;

/**
 * `covers('Type.field', 'ROLE', …)` calls in a test file, comment lines left
 * out, each with the kind of test it sits in (found by indentation: the
 * files are formatted, a block's body is indented under its opener).
 */
export function declaredCoverage(source: string): Declaration[] {
  const found: Declaration[] = [];
  const open: { indent: number; kind: Declaration['kind'] }[] = [];
  source.split('\n').forEach((text, i) => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
    const indent = text.length - text.trimStart().length;
    while (open.length > 0 && open[open.length - 1].indent >= indent) open.pop();
    const opener = OPENER.exec(text);
    if (opener) {
      const skipped = opener[1].startsWith('x') || opener[3] === 'skip' || opener[3] === 'todo';
      open.push({ indent, kind: skipped ? 'skipped' : opener[3] === 'failing' ? 'failing' : 'run' });
    }
    const kind = open.some((o) => o.kind === 'skipped') ? 'skipped' : open.some((o) => o.kind === 'failing') ? 'failing' : 'run';
    for (const m of text.matchAll(/\bcovers(?:<[^()]*?>)?\(\s*['"`]((?:Query|Mutation)\.\w+)['"`]\s*,\s*['"`](\w+)['"`]/g)) {
      found.push({ operation: m[1], role: m[2], line: i + 1, kind });
    }
  });
  return found;
}

describe('every operation of the supergraph is exercised through the gateway (issue 20)', () => {
  const operations = gatewayOperations(readFileSync(SUPERGRAPH, 'utf8'));
  const declarations = filesUnder(E2E_DIR).flatMap((file) =>
    declaredCoverage(readFileSync(file, 'utf8')).map((d) => ({ ...d, where: `${relative(ROOT, file)}:${d.line}` })),
  );

  it('lists the operations of the supergraph (sanity)', () => {
    expect(operations).toEqual(expect.arrayContaining(['Mutation.admitMinor', 'Query.minor', 'Query.codes']));
    expect(operations).not.toContain('Query._entities');
    expect(operations.length).toBeGreaterThan(40);
  });

  it('has an end-to-end test asserting on the data of each Query and Mutation field', () => {
    // Only tests that run and pass count: a covers() in it.failing, .skip or .todo covers nothing.
    const covered = new Set(declarations.filter((d) => d.kind === 'run').map((d) => d.operation));
    const missing = operations.filter((op) => !covered.has(op) && !(op in KNOWN_DEFECTS));
    if (missing.length > 0) {
      const [type, field] = missing[0].split('.');
      const keyword = type === 'Query' ? 'query' : 'mutation';
      throw new Error(
        `${missing.length} operation(s) of gateway/supergraph.graphql have no end-to-end test through the gateway:\n` +
          missing.map((op) => `  - ${op}`).join('\n') +
          `\n\nFor each, in a test file under test/e2e (*.e2e.test.ts, hub from startTestHub in test/support/startHub.ts),\n` +
          `send it through the gateway as a role allowed to call it, declare it with covers() and assert on the data, e.g.:\n` +
          `  import { covers } from '../support/coverage';\n` +
          `  const res = await hub.gql(hub.token({ role: 'SOCIAL_WORKER', sub: 'sw-1', service: 'S1' }), '${keyword} { ${field}(…) { id … } }', { … });\n` +
          `  expect(covers('${missing[0]}', 'SOCIAL_WORKER', res)).toEqual({ … the data you expect … });\n` +
          `covers(operation, role, res) checks the role of the token, that the document selects the operation, that no error\n` +
          `touches it and that it returned data; this test finds the covers('Type.field', 'ROLE', …) calls by reading the files.\n` +
          `See docs/architecture.md, "Tests".`,
      );
    }
  });

  it('lists as known defects only operations the gateway exposes, each with its it.failing test, and no other', () => {
    const failing = new Set(declarations.filter((d) => d.kind === 'failing').map((d) => d.operation));
    expect(Object.keys(KNOWN_DEFECTS).filter((op) => !operations.includes(op) || !failing.has(op))).toEqual([]);
    // An it.failing test of an operation that is not a listed defect hides a failure the list should name.
    expect([...failing].filter((op) => !(op in KNOWN_DEFECTS))).toEqual([]);
  });

  it('names only operations the gateway exposes and roles that exist', () => {
    const known = new Set(operations);
    const wrong = declarations.filter((d) => !known.has(d.operation) || !ROLES.has(d.role));
    expect(wrong.map((d) => `${d.where}: covers('${d.operation}', '${d.role}')`)).toEqual([]);
  });

  it('finds covers() calls, skips comments and tells the kind of test around them (the scanner itself)', () => {
    const src = [
      "const a = covers('Mutation.admitMinor', 'STRUCTURE_OPERATOR', res);",
      "  // covers('Query.minor', 'SOCIAL_WORKER', res)",
      'const b = covers<{ id: string }>("Query.codes", "ANONYMOUS", await hub.gql(undefined, q));',
      "const c = covers<Record<string, unknown>[]>('Mutation.submitEvents', 'STRUCTURE_OPERATOR', res);",
      "describe('x', () => {",
      "  it.failing('defect', async () => {",
      "    covers('Mutation.recordAbsence', 'STRUCTURE_OPERATOR', res);",
      '  });',
      "  it.skip('later', async () => {",
      "    covers('Query.minors', 'SOCIAL_WORKER', res);",
      '  });',
      "  it.each([1, 2])('case %s', async () => {",
      "    covers('Query.minor', 'SOCIAL_WORKER', res);",
      '  });',
      '});',
    ].join('\n');
    expect(declaredCoverage(src)).toEqual([
      { operation: 'Mutation.admitMinor', role: 'STRUCTURE_OPERATOR', line: 1, kind: 'run' },
      { operation: 'Query.codes', role: 'ANONYMOUS', line: 3, kind: 'run' },
      { operation: 'Mutation.submitEvents', role: 'STRUCTURE_OPERATOR', line: 4, kind: 'run' },
      { operation: 'Mutation.recordAbsence', role: 'STRUCTURE_OPERATOR', line: 7, kind: 'failing' },
      { operation: 'Query.minors', role: 'SOCIAL_WORKER', line: 10, kind: 'skipped' },
      { operation: 'Query.minor', role: 'SOCIAL_WORKER', line: 13, kind: 'run' },
    ]);
  });
});
