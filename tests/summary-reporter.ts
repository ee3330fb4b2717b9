// Ends the run with a plain "N passed, N failed" line, which CI reads whatever the test runner. A file that
// fails before or outside its tests (an import error, a failing hook) counts as one failure, and so does
// every unhandled error: a run is only green when nothing failed anywhere.
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const counts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
    for (const m of modules) {
      let failedTests = 0;
      for (const test of m.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') failedTests++;
        else counts.skipped++;
      }
      const fileFailed = m.state() === 'failed' || m.errors().length > 0;
      counts.failed += failedTests || (fileFailed ? 1 : 0);
    }
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
