/**
 * The reliability catalogue's harness: a fresh folder per case, the CLI run in-process (or as
 * a child process where a real exit, a signal or another user is needed), and a fingerprint
 * of every file in the folder before and after, so each case can say which files may change.
 */
import { createHash } from "crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync } from "fs";
import os from "os";
import path from "path";
import { spawnSync, type SpawnSyncReturns } from "child_process";
import { runCli, type CliIO } from "../../src/cli/run-cli";
import { checkPlan } from "../../src/core";
import { importPlanText } from "../../src/import";
import { writePlanWorkbook } from "../../src/cli/plan-write";
import { JOBPLAN_BIN } from "../../bench/cli-run";

export const REPO = path.resolve(__dirname, "..", "..");
export const SAMPLE = path.join(REPO, "samples", "seogu-2020-jobs-plan.txt");
export const SAMPLE_TEXT = readFileSync(SAMPLE, "utf8");

export function caseDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobplan-rel-"));
  chmodSync(dir, 0o755);
  return dir;
}

export interface Ran {
  code: number;
  out: string;
  err: string;
}

export async function cli(dir: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const r: Ran = { code: -1, out: "", err: "" };
  const io: CliIO = { cwd: dir, env, stdout: (t) => void (r.out += t), stderr: (t) => void (r.err += t) };
  r.code = await runCli(args, io);
  return r;
}

/** The CLI as a child process on the bundle; `prefix` runs it under another program (setpriv, bash). */
export function cliProcess(dir: string, args: string[], opts: { prefix?: string[]; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  const argv = [...(opts.prefix ?? []), process.execPath, JOBPLAN_BIN, ...args];
  return spawnSync(argv[0], argv.slice(1), { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8", ...opts.env }, timeout: 120_000 });
}

/**
 * Root ignores file permissions: a root process runs the CLI without capabilities (still
 * uid 0, so it reads the repository wherever it is cloned, but permission bits apply).
 */
export const AS_UNPRIVILEGED: string[] = process.getuid?.() === 0 ? ["setpriv", "--bounding-set=-all", "--inh-caps=-all"] : [];

/** Hash of every regular file under `dir` (relative path -> sha256). */
export function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) {
        try {
          out.set(path.relative(dir, p), createHash("sha256").update(readFileSync(p)).digest("hex"));
        } catch {
          out.set(path.relative(dir, p), "unreadable");
        }
      }
    }
  };
  walk(dir);
  return out;
}

/** The files that were added, removed or changed between two fingerprints. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/** The sample plan written as a jobplan workbook (with its findings sheet). */
export async function sampleWorkbook(file: string): Promise<void> {
  const { plan, findings } = importPlanText(SAMPLE_TEXT);
  await writePlanWorkbook(plan, [...findings, ...checkPlan(plan)], file, "ko");
}

/** Finding codes of a check, sorted, for comparing two readings of the same plan. */
export async function findingCodes(dir: string, file: string): Promise<string[]> {
  const r = await cli(dir, ["check", file, "--json"]);
  if (r.code !== 0 && r.code !== 1) throw new Error(`check ${file}: exit ${r.code}: ${r.err}`);
  return (JSON.parse(r.out) as Array<{ code: string; severity: string }>).map((f) => `${f.severity}:${f.code}`).sort();
}
