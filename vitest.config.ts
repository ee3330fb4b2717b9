import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Loading into DuckDB and driving Chromium take seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The CLI speaks the language of the locale: the tests fix it, so that they read the same everywhere.
    env: { TZ: 'Europe/Berlin', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
