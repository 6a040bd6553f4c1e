/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true, diagnostics: false }],
  },
  testTimeout: 60000,
  // Builds the webpack bundles the build and browser suites need in the background, once,
  // and reuses them while their inputs are unchanged (test/build/build-cache.ts).
  globalSetup: "<rootDir>/test/build/global-setup.ts",
  // Both cores: jest's default (cores - 1) runs the suites one by one on this 2-core machine.
  maxWorkers: 2,
};
