/**
 * Runs the real CLI (bin/jobplan.js on the prebuilt bundle) as a child process and measures
 * its wall time and peak resident memory (bench/peak-rss.js). Shared by the CLI bench and
 * the reliability tests that bound memory.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";

const ROOT = path.join(__dirname, "..");
export const JOBPLAN_BIN = path.join(ROOT, "bin", "jobplan.js");
const PEAK = path.join(__dirname, "peak-rss.js");

/** Builds the CLI bundle now, so that no measured run pays for it. */
export function buildCliBundle(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(ROOT, "bin", "build-cli.js")) as { buildCli: () => string }).buildCli();
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** CPU time of the process (user + system), unaffected by other processes on the machine. */
  cpuMs: number;
  peakMb: number;
}

export function runJobplan(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobplan-peak-"));
  const peakFile = path.join(dir, "peak");
  try {
    const t = performance.now();
    const r = spawnSync(process.execPath, ["--require", PEAK, JOBPLAN_BIN, ...args], {
      cwd: opts.cwd ?? dir,
      encoding: "utf8",
      env: { ...process.env, LANG: "C.UTF-8", ...opts.env, JOBPLAN_PEAK_FILE: peakFile },
      maxBuffer: 64 * 2 ** 20,
    });
    const ms = performance.now() - t;
    let peak = 0;
    let cpu = 0;
    try {
      [peak, cpu] = readFileSync(peakFile, "utf8").split(" ").map(Number);
    } catch {
      // killed before exit: no figure
    }
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms, cpuMs: cpu, peakMb: peak / 2 ** 20 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
