#!/usr/bin/env node
// The jobplan CLI: runs the esbuild bundle of src/cli/main.ts (built on first use and after
// any source change, see build-cli.js); falls back to running the TypeScript through tsx.
const path = require("path");
const { ensureCli } = require("./build-cli");

const bundle = ensureCli();
if (bundle) {
  require(bundle).main(process.argv.slice(2));
} else {
  const { spawnSync } = require("child_process");
  const tsx = require.resolve("tsx/cli");
  const main = path.join(__dirname, "..", "src", "cli", "main.ts");
  const r = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(r.status === null ? 3 : r.status);
}
