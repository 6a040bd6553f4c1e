/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // esbuild strips the types (tsc --noEmit type-checks first in `npm test`): test/support/esbuild-transform.js.
  transform: {
    "^.+\\.tsx?$": "<rootDir>/test/support/esbuild-transform.js",
  },
  testTimeout: 60000,
  setupFilesAfterEnv: ["<rootDir>/test/support/dom-timeouts.js"],
  // Builds the webpack bundles the build and browser suites need in the background, once,
  // and reuses them while their inputs are unchanged (test/build/build-cache.ts).
  globalSetup: "<rootDir>/test/build/global-setup.ts",
  // The long suites first, also on a fresh clone with no timings cached (test/support/sequencer.js).
  testSequencer: "<rootDir>/test/support/sequencer.js",
  // Both cores: jest's default (cores - 1) runs the suites one by one on this 2-core machine.
  maxWorkers: 2,
};
