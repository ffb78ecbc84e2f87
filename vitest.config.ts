import { defineConfig } from 'vitest/config';
import { SummaryReporter } from './test/support/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/mongo-global-setup.ts'],
    reporters: ['default', new SummaryReporter()],
    // e2e suites start real HTTP servers; keep files parallel but bounded for a 2-core machine.
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
