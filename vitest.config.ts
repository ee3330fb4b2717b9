import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Loading into DuckDB and driving Chromium take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'Europe/Berlin' },
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
