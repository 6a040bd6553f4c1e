/**
 * Workbook benchmark: `jobplan check` on a 10,000-project .xlsx (ExcelJS read, table
 * reading, core checks) against LibreOffice recalculating the same workbook's summary
 * formulas headless, side by side. bench/run.ts calls benchWorkbook().
 */
import os from "os";
import path from "path";
import { mkdtempSync, rmSync } from "fs";
import { performance } from "perf_hooks";
import { checkPlan } from "../src/core";
import { summarizePlan } from "../src/core/summarize";
import { writeWorkbookFile } from "../src/cli/xlsx-write";
import { loadAndCheck } from "../src/cli/workbook-io";
import ExcelJS from "exceljs";
import { workbookTables } from "../src/cli/xlsx-read";
import { readPlanFromTables } from "../src/workbook/read-tables";
import { buildWorkbookSpec } from "../src/workbook/template-sheets";
import { cleanupRecalc, findSoffice, generatePlan, recalcWithLibreOffice } from "./workbook-helpers";

export async function benchWorkbook(projects = 10_000): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobplan-bench-"));
  try {
    const plan = generatePlan(projects, 11, "half-up");
    const file = path.join(dir, `plan-${projects}.xlsx`);
    let t = performance.now();
    await writeWorkbookFile(buildWorkbookSpec(plan, checkPlan(plan)), file);
    const writeMs = performance.now() - t;

    t = performance.now();
    const { findings } = await loadAndCheck(file, "en");
    const checkMs = performance.now() - t;

    // Where check's time goes.
    t = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const readMs = performance.now() - t;
    t = performance.now();
    const read = readPlanFromTables(workbookTables(wb));
    const tablesMs = performance.now() - t;
    t = performance.now();
    checkPlan(read.plan);
    const checksMs = performance.now() - t;

    t = performance.now();
    summarizePlan(plan);
    const coreSummaryMs = performance.now() - t;

    const tasks = plan.strategies.reduce((a, s) => a + s.tasks.length, 0);
    console.log(`workbook: ${projects} projects, ${tasks} tasks, ${plan.strategies.length} strategies`);
    console.log(`  write template (ExcelJS)          ${writeMs.toFixed(0)} ms`);
    console.log(`  jobplan check (read + checks)     ${checkMs.toFixed(0)} ms  (${findings.length} findings)`);
    console.log(`    ExcelJS read ${readMs.toFixed(0)} ms, tables -> plan ${tablesMs.toFixed(0)} ms, core checks ${checksMs.toFixed(0)} ms`);
    console.log(`  core summarizePlan                ${coreSummaryMs.toFixed(1)} ms`);
    if (!findSoffice()) {
      console.log("  LibreOffice recalculation         skipped: soffice not installed");
      return;
    }
    t = performance.now();
    const out = recalcWithLibreOffice(file);
    const loMs = performance.now() - t;
    cleanupRecalc(out);
    console.log(`  LibreOffice recalculation (open, recalc SUMIFS, save)  ${loMs.toFixed(0)} ms`);
    console.log(`  ratio LibreOffice / jobplan check  ${(loMs / checkMs).toFixed(2)}x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchWorkbook(Number(process.argv[2]) || 10_000).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
