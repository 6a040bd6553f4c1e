/**
 * The webpack builds the tests need, made once and shared: by the production-build checks
 * (test/build), the pages in Chromium (test/browser) and the pane benchmark. A build is kept
 * in node_modules/.cache/jobplan-builds under a key made of everything it is built from
 * (src, assets, the manifest, the webpack and TypeScript configuration, the lock file, and
 * for the harness the Excel double it bundles), so a build is reused exactly while none of
 * its inputs changed, and made again as soon as one did.
 *
 * Several processes may ask at once (jest workers, the background start in global-setup.ts):
 * the first takes a lock directory and builds, the others wait for its `.complete` marker.
 * A lock left by a process that died is taken over.
 *
 * Run as a script (`node --import tsx test/build/build-cache.ts cdn local harness`) it makes
 * the named builds one after another: what the jest global set-up starts in the background.
 */
import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "jobplan-builds");

/** The production builds' base URL, so that the manifest's URLs are checked as deployed. */
export const PROD_URL = "https://jobplan.example.org/addin/";

export type BuildKind = "cdn" | "local" | "harness";

const KINDS: Record<BuildKind, { mode: "production" | "development"; env: string[]; inputs: string[] }> = {
  cdn: { mode: "production", env: [], inputs: [] },
  local: { mode: "production", env: ["officejs=local"], inputs: [] },
  // The harness bundles the pane with the Excel double.
  harness: { mode: "development", env: ["harness"], inputs: ["test/browser/harness.tsx", "test/excel"] },
};

/** What every build is made of. */
const COMMON_INPUTS = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package.json", "package-lock.json"];

export interface Build {
  kind: BuildKind;
  dir: string;
  /** webpack's output. */
  log: string;
}

function listFiles(rel: string): string[] {
  const full = path.join(ROOT, rel);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [rel];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => listFiles(path.join(rel, name)));
}

/** A hash of the build's inputs (paths and contents) and of how it is built. */
export function buildKey(kind: BuildKind): string {
  const spec = KINDS[kind];
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ kind, mode: spec.mode, env: spec.env, url: PROD_URL, node: process.version }));
  for (const rel of [...COMMON_INPUTS, ...spec.inputs].flatMap(listFiles)) {
    hash.update(rel.split(path.sep).join("/"));
    hash.update("\0");
    hash.update(fs.readFileSync(path.join(ROOT, rel)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 20);
}

function buildDir(kind: BuildKind, key: string): string {
  return path.join(CACHE, `${kind}-${key}`);
}

function complete(dir: string): boolean {
  return fs.existsSync(path.join(dir, ".complete"));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock directory; false when another live process holds it. */
function lock(lockDir: string): boolean {
  try {
    fs.mkdirSync(lockDir, { recursive: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const pid = Number(fs.readFileSync(path.join(lockDir, "pid"), { encoding: "utf8", flag: "a+" }) || 0);
    const age = Date.now() - fs.statSync(lockDir).mtimeMs;
    // A lock whose owner died (or that never got a pid within a minute) is stale.
    if ((pid && alive(pid)) || (!pid && age < 60_000)) return false;
    fs.rmSync(lockDir, { recursive: true, force: true });
    return lock(lockDir);
  }
  fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
  return true;
}

function runWebpack(kind: BuildKind, outDir: string): Promise<{ status: number | null; log: string }> {
  const spec = KINDS[kind];
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const args = [cli, "--mode", spec.mode, ...[...spec.env, `outDir=${outDir}`].flatMap((e) => ["--env", e])];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ADDIN_URL: PROD_URL } });
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    child.on("close", (status) => resolve({ status, log }));
  });
}

/** Drops older builds of the kind (their inputs changed since). */
function prune(kind: BuildKind, keep: string): void {
  if (!fs.existsSync(CACHE)) return;
  for (const name of fs.readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    if (name.startsWith(`${kind}-`) && full !== keep && !name.endsWith(".lock") && !fs.existsSync(`${full}.lock`)) fs.rmSync(full, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The build of `kind` for the current inputs: reused, awaited from another process, or made now. */
export async function sharedBuild(kind: BuildKind, timeoutMs = 600_000): Promise<Build> {
  const dir = buildDir(kind, buildKey(kind));
  const lockDir = `${dir}.lock`;
  const until = Date.now() + timeoutMs;
  fs.mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (complete(dir)) return { kind, dir, log: fs.readFileSync(path.join(dir, ".build-log"), "utf8") };
    if (lock(lockDir)) break;
    if (Date.now() > until) throw new Error(`waited ${timeoutMs / 1000} s for the ${kind} build at ${dir}`);
    await sleep(500);
  }
  try {
    if (complete(dir)) return { kind, dir, log: fs.readFileSync(path.join(dir, ".build-log"), "utf8") };
    const tmp = `${dir}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    const { status, log } = await runWebpack(kind, tmp);
    if (status !== 0) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw new Error(`${kind} build failed (exit ${status}):\n${log.slice(-4000)}`);
    }
    fs.writeFileSync(path.join(tmp, ".build-log"), log);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(tmp, dir);
    fs.writeFileSync(path.join(dir, ".complete"), new Date().toISOString());
    prune(kind, dir);
    return { kind, dir, log };
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Files of a build, relative, with "/" separators (the build's own markers left out). */
export function buildFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return buildFiles(p, base);
    if (dir === base && (d.name === ".complete" || d.name === ".build-log")) return [];
    return [path.relative(base, p).split(path.sep).join("/")];
  });
}

if (require.main === module) {
  const kinds = process.argv.slice(2) as BuildKind[];
  (async () => {
    for (const k of kinds) await sharedBuild(k);
  })().catch((e) => {
    console.error(String(e));
    process.exitCode = 1;
  });
}
