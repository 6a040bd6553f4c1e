/**
 * Pane suites (jsdom) wait for the pane with testing-library's waitFor/findBy, whose default
 * limit is 1 s: on this shared 2-core machine under load an operation (which now also loads
 * the adapter's chunk on first use) can take longer, and a test failed only for that. The
 * suites still wait for the same states; only the time allowed grows. Node suites skip it.
 */
/* global require */
/* eslint-disable @typescript-eslint/no-require-imports */
if (typeof document !== "undefined") {
  require("@testing-library/react").configure({ asyncUtilTimeout: 10_000 });
}
