// ESLint (flat config): typescript-eslint's recommended rules that the code
// base keeps, and the code boundaries of docs/architecture.md ("Code
// boundaries and lint"), checked on the resolved path of every import.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * The part of the repository a file belongs to: `subgraph:<name>` for each
 * subgraph, otherwise its top-level folder (shared, gateway, infra, web, test,
 * bench), or null outside them (node_modules, packages).
 */
function partOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === '..' || rel[0] === 'node_modules') return null;
  if (rel[0] === 'subgraphs' && rel.length > 2) return `subgraph:${rel[1]}`;
  return ['shared', 'gateway', 'infra', 'web', 'test', 'bench'].includes(rel[0]) ? rel[0] : null;
}

/**
 * Who may import whom (runtime code; test files, in __tests__/ or named
 * *.test.ts, may import anything). `shared` is the bottom layer: it
 * imports nothing of the hub. A subgraph imports shared and itself, never
 * another subgraph (data crosses modules only through GraphQL) nor the
 * gateway. The gateway imports shared and itself. infra (start-up,
 * migrations, generators, tools) sits on top and may import everything
 * below; nothing below imports infra. The web client imports only the
 * browser-safe rules of shared.
 */
function allowed(from, to, isTest) {
  if (to === null || from === null || from === to) return true;
  // Tests assemble what they test: a subgraph's integration test migrates with infra/ and may start the
  // other modules it calls. The boundaries are about runtime code.
  if (isTest) return true;
  switch (from) {
    case 'shared':
      return false;
    case 'gateway':
      return to === 'shared';
    case 'web':
      return to === 'shared';
    case 'infra':
      return to !== 'test' && to !== 'bench' && to !== 'web';
    case 'test':
    case 'bench':
      return true;
    default: // a subgraph
      return to === 'shared';
  }
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports respect the code boundaries (docs/architecture.md, "Code boundaries and lint")' },
    schema: [],
    messages: {
      crossing: '{{from}} may not import {{to}} ("{{source}}"): see docs/architecture.md, "Code boundaries and lint".',
      index: 'Import "{{index}}", not "{{source}}": the folder\'s index file is its public surface (docs/architecture.md, "Code boundaries and lint").',
      alias: 'Import shared/ through its path alias: "{{alias}}", not "{{source}}" (docs/architecture.md, "Code boundaries and lint").',
    },
  },
  create(context) {
    const file = context.filename;
    const from = partOf(file);
    const isTest = /(^|[\\/])__tests__[\\/]|\.test\.tsx?$/.test(file);
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      // '@shared/…' is the path alias of tsconfig.json for the shared/ folder.
      const resolved = source.startsWith('@shared/') ? path.join(ROOT, 'shared', source.slice('@shared/'.length)) : source.startsWith('.') ? path.resolve(path.dirname(file), source) : null;
      if (resolved === null) return;
      const to = partOf(resolved);
      if (to === 'shared' && from !== 'shared' && source.startsWith('.')) context.report({ node, messageId: 'alias', data: { source, alias: `@shared/${path.relative(path.join(ROOT, 'shared'), resolved).split(path.sep).join('/')}` } });
      // A folder of shared/ with an index file is imported through it: the index exports on purpose.
      const deep = /^@shared\/([^/]+)\/.+/.exec(source);
      if (deep && !isTest && fs.existsSync(path.join(ROOT, 'shared', deep[1], 'index.ts'))) context.report({ node, messageId: 'index', data: { source, index: `@shared/${deep[1]}` } });
      if (!allowed(from, to, isTest)) context.report({ node, messageId: 'crossing', data: { from, to, source } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0].value);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'coverage/', '.data/', 'bench/results/', 'test/artifacts/', '**/generated/**', '**/*.cjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs'],
    plugins: { sirmi: { rules: { boundaries } } },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'sirmi/boundaries': 'error',
      // Types come from the SDL (npm run codegen) and from packages' public entry points (issue 20 item 1).
      'no-restricted-syntax': ['error', { selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']", message: 'No double cast (`as unknown as`): type the value (generated types, a type guard, an implemented interface).' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['@apollo/*/dist/*'], message: "Import a package's public entry point, not its dist/ files." }] }],
      // `_`-prefixed names are deliberately unused (callback positions, a field dropped from a rest copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The code strips control characters from file names and CSV cells on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Tests and benchmarks read loosely typed responses and load CommonJS helpers.
    files: ['**/__tests__/**', '**/*.test.ts', '**/*.test.tsx', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-syntax': 'off',
      'preserve-caught-error': 'off',
    },
  },
);
