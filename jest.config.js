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
};
module.exports = {
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/__tests__/**/*.test.ts', '!**/*.int.test.ts', '!**/*.e2e.test.ts'], testPathIgnorePatterns: ['/node_modules/', '\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/**/*.int.test.ts'], testTimeout: 60000 },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.test.ts'], testTimeout: 120000 },
  ],
};
