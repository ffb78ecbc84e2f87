import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain line 'Tests: N passed, N failed, N skipped', which CI tooling reads in any
 * language, so a run that executed nothing can never pass as green by its exit code alone.
 */
export class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const count = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) count[test.result().state] += 1;
    }
    process.stdout.write(
      `\nTests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped\n`,
    );
  }
}
