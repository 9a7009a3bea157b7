// Prints one plain closing line ("Summary: N passed, N failed[, N skipped]") that CI tooling can
// read, after jest's own summary. A test file that fails to load (syntax error, throwing import)
// has no failed test case but fails the run: each such file counts as one failure, so the line
// never reads "0 failed" when jest exits 1.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    const unloaded = results.testResults.filter(
      (file) => file.testExecError || (file.failureMessage && file.numFailingTests === 0),
    ).length;
    const failed = results.numFailedTests + unloaded;
    const skipped = results.numPendingTests + results.numTodoTests;
    const tail = skipped ? `, ${skipped} skipped` : '';
    // The same rule as test/support/reference.ts: without the published specs, the tests that pin the
    // project's copies against them are not declared, so say that they did not run.
    const reference = path.resolve(process.env.REFERENCE_DIR || path.join(this.rootDir, '..', 'shared', 'reference'));
    if (!fs.existsSync(reference) && !process.env.SUMMARY_QUIET_REFERENCE) {
      const outcome =
        process.env.CI === 'true'
          ? 'CI=true requires them, so their tests fail'
          : 'the comparisons against them did not run';
      process.stdout.write(`Reference specs not found at ${reference} (set REFERENCE_DIR): ${outcome}.\n`);
    }
    if (unloaded) process.stdout.write(`${unloaded} test file(s) failed to run (counted as failures below).\n`);
    // Under scripts/run-jest.mjs, which runs the suite in two parts, the counts go to a file and
    // the script prints the one closing line for both.
    if (process.env.SUMMARY_FILE) {
      const counts = { passed: results.numPassedTests, failed, skipped };
      fs.writeFileSync(process.env.SUMMARY_FILE, JSON.stringify(counts));
      return;
    }
    process.stdout.write(`Summary: ${results.numPassedTests} passed, ${failed} failed${tail}\n`);
  }
}
module.exports = SummaryReporter;
