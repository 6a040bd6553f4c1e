#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so the repo needs no separate build step.
const path = require("path");
const { spawnSync } = require("child_process");
const tsx = require.resolve("tsx/cli");
const main = path.join(__dirname, "..", "src", "cli", "main.ts");
const r = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(r.status === null ? 1 : r.status);
