import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // Integration and e2e tests start real Apertium processes and local HTTP servers.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // 2 cores: more workers only contend with the Apertium processes the tests start.
    pool: 'forks',
    maxWorkers: 2,
  },
});
