/**
 * CLI benchmark: `jobplan check` of a 10,000-project workbook as a user runs it (a child
 * process on the prebuilt bundle: start-up, streaming read, plan reading, checks, report),
 * its peak memory, the same for hostile workbooks (a cell at XFD1048576, a 300-million-
 * character shared string), and LibreOffice recalculating the same workbook's summary
 * formulas, side by side. `npm run bench -- cli`; benchCli() returns the figures.
 */
import os from "os";
import path from "path";
import { mkdtempSync, rmSync } from "fs";
import { performance } from "perf_hooks";
import { checkPlan } from "../src/core";
import { writeWorkbookFile } from "../src/cli/xlsx-write";
import { readXlsxTables } from "../src/cli/xlsx-stream";
import { readPlanFromTables } from "../src/workbook/read-tables";
import { buildWorkbookSpec } from "../src/workbook/template-sheets";
import { buildCliBundle, runJobplan } from "./cli-run";
import {
  cleanupRecalc,
  findSoffice,
  generatePlan,
  recalcWithLibreOffice,
} from "./workbook-helpers";
import { specSheets, writeHandmadeXlsx } from "./xlsx-handmade";

export interface CliFigures {
  cli_check_10k_ms: number;
  cli_check_10k_peak_mb: number;
  lo_recalc_10k_ms: number | null;
}

const TARGET_PEAK_MB = 300;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** `hostile: false` skips the hostile workbooks, `runs: 1` measures once (bench --quick). */
export async function benchCli(
  projects = 10_000,
  options: { hostile?: boolean; runs?: number } = {},
): Promise<CliFigures> {
  const repeat = Array.from({ length: options.runs ?? 3 }, (_, i) => i);
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobplan-bench-cli-"));
  try {
    const plan = generatePlan(projects, 11, "half-up");
    const spec = buildWorkbookSpec(plan, checkPlan(plan));
    const file = path.join(dir, `plan-${projects}.xlsx`);
    await writeWorkbookFile(spec, file);
    buildCliBundle();
    runJobplan(["--version"]); // warm the file cache
    const runs = repeat.map(() => runJobplan(["check", file], { cwd: dir }));
    if (runs.some((r) => r.status !== 1))
      throw new Error(`check exited ${runs.map((r) => r.status).join(", ")}: ${runs[0].stderr}`);
    const checkMs = median(runs.map((r) => r.ms));
    const checkCpuMs = median(runs.map((r) => r.cpuMs));
    const peakMb = Math.max(...runs.map((r) => r.peakMb));
    const startMs = median(repeat.map(() => runJobplan(["--version"]).ms));

    // Where the time goes, in this process (warm): streaming read, tables -> plan, checks.
    let t = performance.now();
    const tables = await readXlsxTables(file);
    const readMs = performance.now() - t;
    t = performance.now();
    const read = readPlanFromTables(tables);
    const planMs = performance.now() - t;
    t = performance.now();
    checkPlan(read.plan);
    const checksMs = performance.now() - t;

    // Hostile workbooks: the plan plus an extra sheet.
    const hostile = options.hostile !== false;
    const sheets = specSheets(spec);
    const far = path.join(dir, "far-cell.xlsx");
    if (hostile)
      await writeHandmadeXlsx(far, [
        ...sheets,
        {
          name: "메모",
          cells: [
            { ref: "A1", value: "메모" },
            { ref: "XFD1048576", value: "끝" },
          ],
        },
      ]);
    const huge = path.join(dir, "huge-string.xlsx");
    if (hostile)
      await writeHandmadeXlsx(
        huge,
        [...sheets, { name: "메모", cells: [{ ref: "A1", value: "메모" }] }],
        {
          hugeString: { sheet: "메모", ref: "B2", length: 300_000_000 },
        },
      );
    const farRun = hostile ? runJobplan(["check", far], { cwd: dir }) : undefined;
    const hugeRun = hostile ? runJobplan(["check", huge], { cwd: dir }) : undefined;

    let loMs: number | null = null;
    if (findSoffice()) {
      t = performance.now();
      const out = recalcWithLibreOffice(file);
      loMs = performance.now() - t;
      cleanupRecalc(out);
    }
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    const load = os.loadavg()[0];
    console.log(
      `cli: jobplan check of a ${projects}-project workbook, as a child process (median of ${repeat.length}; load average ${load.toFixed(1)} on ${os.cpus().length} CPUs)`,
    );
    console.log(
      `  jobplan check                      ${checkMs.toFixed(0)} ms   (CPU ${checkCpuMs.toFixed(0)} ms; start-up alone ${startMs.toFixed(0)} ms)`,
    );
    console.log(
      `    in-process: streaming read ${readMs.toFixed(0)} ms, tables -> plan ${planMs.toFixed(0)} ms, core checks ${checksMs.toFixed(0)} ms`,
    );
    console.log(
      `  peak memory of check               ${peakMb.toFixed(0)} MB   (target < ${TARGET_PEAK_MB} MB: ${met(peakMb < TARGET_PEAK_MB)})`,
    );
    if (farRun)
      console.log(
        `  with a cell at XFD1048576          ${farRun.ms.toFixed(0)} ms, ${farRun.peakMb.toFixed(0)} MB, exit ${farRun.status}`,
      );
    if (hugeRun)
      console.log(
        `  with a 300M-character string       ${hugeRun.ms.toFixed(0)} ms, ${hugeRun.peakMb.toFixed(0)} MB, exit ${hugeRun.status}`,
      );
    if (loMs === null)
      console.log("  LibreOffice recalculation          skipped: soffice not installed");
    else {
      console.log(
        `  LibreOffice recalculation          ${loMs.toFixed(0)} ms   (open, recalculate SUMIFS, save)`,
      );
      console.log(
        `  ratio LibreOffice / jobplan check  ${(loMs / checkMs).toFixed(1)}x   (target >= 10x: ${met(loMs / checkMs >= 10)})`,
      );
    }
    return {
      cli_check_10k_ms: Math.round(checkMs),
      cli_check_10k_peak_mb: Math.round(peakMb),
      lo_recalc_10k_ms: loMs === null ? null : Math.round(loMs),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchCli(Number(process.argv[2]) || 10_000).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
