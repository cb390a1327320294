/**
 * Jest projects: unit tests need nothing external; integration and end-to-end
 * tests talk to real PostgreSQL (DATABASE_URL, or an embedded server started
 * once by test/support/globalSetup.ts).
 */
const tsJest = ['ts-jest', { diagnostics: false }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
  // The path alias of tsconfig.json (docs/architecture.md "Code boundaries and lint").
  moduleNameMapper: { '^@shared/(.*)$': '<rootDir>/shared/$1' },
  // web/ is the browser client: its component tests run under Vitest (npm run test:web), never here.
  modulePathIgnorePatterns: ['<rootDir>/web/'],
};
module.exports = {
  // testTimeout is a global option: Jest ignores it inside `projects`, so a
  // set-up hook of an integration file timed out at 5 s on a loaded machine.
  // One generous ceiling for all; unit tests finish in milliseconds anyway.
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/__tests__/**/*.test.ts', '!**/*.int.test.ts', '!**/*.e2e.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/web/', '\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/**/*.int.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/web/'], testTimeout: 60000 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'], testTimeout: 120000 },
    // Browser end-to-end tests of the web client (web/, issue 9): the hub plus Debian's Chromium driven by playwright-core.
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/*.e2e.test.ts'], testTimeout: 300000 },
  ],
};
