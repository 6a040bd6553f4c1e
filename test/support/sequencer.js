/**
 * jest's order of the suites: as its default (failed last time first, then the longest first,
 * from the timings it cached), except that a suite it has no timing for (every suite on a
 * fresh clone, as in CI) is placed by the duration below, measured on this 2-core machine,
 * instead of by its file's size, so that the long suites start first and the two workers end
 * together. The figures only order the suites: a suite missing here runs after these.
 */
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports */
const Sequencer = require("@jest/test-sequencer").default;
const path = require("path");

/** Seconds, idle machine, after the suites were made faster (tests3). */
const KNOWN_SECONDS = {
  "test/browser/taskpane.test.ts": 30,
  "test/excel/adapter.test.ts": 25,
  "test/reliability/workbooks.test.ts": 25,
  "test/cli/bench-json.test.ts": 20,
  "test/build/build-output.test.ts": 20,
  "test/excel/payload.test.ts": 15,
  "test/taskpane/App.test.tsx": 15,
  "test/cli/writers-agree.test.ts": 15,
  "test/cli/change-log.test.ts": 15,
  "test/workbook/summary-rows.test.ts": 14,
  "test/workbook/printed-workbook.test.ts": 12,
  "test/workbook/libreoffice-formulas.test.ts": 12,
  "test/cli/cli.test.ts": 10,
  "test/taskpane/ribbon-selftest.test.tsx": 10,
  "test/workbook/summarize-preserves.test.ts": 8,
  "test/reliability/writes.test.ts": 8,
  "test/workbook/protection-and-log.test.ts": 8,
  "test/workbook/special-names.test.ts": 6,
  "test/browser/addin-page.test.ts": 6,
};

class LongestFirst extends Sequencer {
  sort(tests) {
    const root = (t) => t.context.config.rootDir;
    const known = (t) => KNOWN_SECONDS[path.relative(root(t), t.path).split(path.sep).join("/")];
    for (const t of tests) t.duration = this.time(t) ?? (known(t) === undefined ? undefined : known(t) * 1000);
    const size = (t) => t.context.hasteFS.getSize(t.path) ?? 0;
    return tests.sort((a, b) => {
      const failedA = this.hasFailed(a);
      if (failedA !== this.hasFailed(b)) return failedA ? -1 : 1;
      const da = a.duration ?? -1;
      const db = b.duration ?? -1;
      if (da !== db) return db - da;
      return size(b) - size(a);
    });
  }
}

module.exports = LongestFirst;
