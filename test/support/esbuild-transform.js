/**
 * jest's transform of TypeScript: esbuild, with tsconfig.json's compiler options. It strips
 * the types, as ts-jest did here (isolatedModules, no diagnostics), at a fraction of the cost
 * (a cold run transformed for tens of seconds); `npm test` type-checks with `tsc --noEmit`
 * first. Nothing in the tests relies on jest.mock hoisting, which esbuild does not do.
 */
/* global require, module, __dirname, __filename */
/* eslint-disable @typescript-eslint/no-require-imports */
const { transformSync, version } = require("esbuild");
const { createHash } = require("crypto");
const { readFileSync } = require("fs");
const path = require("path");

const TSCONFIG = readFileSync(path.join(__dirname, "..", "..", "tsconfig.json"), "utf8");
const OPTIONS = {
  format: "cjs",
  target: "node20",
  sourcemap: "external",
  sourcesContent: false,
  // jest runs CommonJS: import() becomes require(), as tsc's "module": "commonjs" does.
  supported: { "dynamic-import": false },
  tsconfigRaw: { compilerOptions: JSON.parse(TSCONFIG).compilerOptions },
};

module.exports = {
  process(source, filename) {
    const { code, map } = transformSync(source, { ...OPTIONS, loader: filename.endsWith(".tsx") ? "tsx" : "ts", sourcefile: filename });
    return { code, map };
  },
  getCacheKey(source, filename) {
    return createHash("sha256").update(`${version}\0${TSCONFIG}\0${readFileSync(__filename)}\0${filename}\0`).update(source).digest("hex");
  },
};
