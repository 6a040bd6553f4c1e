/**
 * Builds the CLI into one CommonJS file with esbuild (about a tenth of a second), so that
 * each `jobplan` call starts plain Node instead of compiling TypeScript. The bundle lives in
 * node_modules/.cache/jobplan/ (never committed) and is rebuilt whenever a source file is
 * newer; bin/jobplan.js does that on demand, so `npm ci && npm run demo` needs no build step.
 * ExcelJS stays outside the bundle and is loaded only by the commands that write.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const ENTRY = path.join(ROOT, "src", "cli", "main.ts");
const BUNDLE = path.join(ROOT, "node_modules", ".cache", "jobplan", "cli.js");

/** Newest modification time (ms) of the sources the bundle is made of. */
function newestSource() {
  let newest = fs.statSync(path.join(ROOT, "package.json")).mtimeMs;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(ROOT, "src"));
  return newest;
}

function isFresh() {
  try {
    return fs.statSync(BUNDLE).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

/** Builds the bundle (written to a temporary file and renamed, so a concurrent run never reads half of it). */
function buildCli() {
  const esbuild = require("esbuild");
  const result = esbuild.buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: ["exceljs"],
    write: false,
    logLevel: "silent",
    outfile: BUNDLE,
  });
  fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.outputFiles[0].contents);
  fs.renameSync(tmp, BUNDLE);
  return BUNDLE;
}

/** The bundle, built first when it is missing or older than a source; undefined if it cannot be built. */
function ensureCli() {
  if (isFresh()) return BUNDLE;
  try {
    return buildCli();
  } catch {
    return undefined;
  }
}

module.exports = { BUNDLE, buildCli, ensureCli, isFresh };

if (require.main === module) {
  buildCli();
  process.stdout.write(`${path.relative(ROOT, BUNDLE)}\n`);
}
