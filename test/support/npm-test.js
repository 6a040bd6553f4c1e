/**
 * `npm test`: the type check (tsc --noEmit), the lint (eslint) and jest, started together
 * rather than one after another: on a 2-core machine jest leaves a core idle now and then
 * (at its start, while a suite waits for LibreOffice or Chromium, at its end), and a cold
 * type check and lint took a minute before jest could start. tsc and eslint keep their
 * caches under node_modules/.cache; their output is printed when each ends, so that it does
 * not run into jest's. The exit code is the first failure's (tsc, eslint, then jest), 0 when
 * all three pass. Arguments go to jest (`npm test -- test/cli`).
 */
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports */
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "..");
const CACHE = path.join(ROOT, "node_modules", ".cache");
/** A package's command-line script (its package.json "bin"). */
function bin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  const { bin: b } = require(manifest);
  return path.join(path.dirname(manifest), typeof b === "string" ? b : b[name]);
}

/** Runs a package's command; resolves with its exit code, and its output when `buffer`. */
function run(name, [pkg, command], args, buffer) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin(pkg, command), ...args], { cwd: ROOT, stdio: buffer ? ["ignore", "pipe", "pipe"] : "inherit" });
    let out = "";
    if (buffer) {
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
    }
    child.on("close", (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      if (buffer) process.stderr.write(`\n${name}: ${status === 0 ? "passed" : `FAILED (exit ${status})`}\n${out}`);
      resolve(status);
    });
  });
}

const checks = [
  run("tsc --noEmit", ["typescript", "tsc"], ["--noEmit", "-p", "tsconfig.json", "--incremental", "--tsBuildInfoFile", path.join(CACHE, "jobplan-tsc.tsbuildinfo")], true),
  run("eslint", ["eslint", "eslint"], ["--cache", "--cache-strategy", "content", "--cache-location", path.join(CACHE, "eslint") + path.sep, "src", "test", "bench"], true),
  run("jest", ["jest", "jest"], process.argv.slice(2), false),
];

Promise.all(checks).then((codes) => {
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) console.error(`npm test: ${["tsc", "eslint", "jest"].filter((_, i) => codes[i] !== 0).join(", ")} failed`);
  process.exitCode = failed ?? 0;
});
