/**
 * Template writing benchmark: the 10,000-project workbook (buildWorkbookSpec of a generated
 * plan with its findings) written by each candidate, side by side:
 * - the direct OOXML writer (src/cli/ooxml-write.ts), what template, import and demo use:
 *   `template_write_10k_ms`, the median of 3 (the spec is built once, outside the timing);
 * - ExcelJS: renderWorkbook + xlsx.write (what the CLI used before), one run;
 * - ExcelJS's streaming WorkbookWriter, one run, writing only the cells (values, formulas,
 *   one style per column): it cannot write tables, so it could not keep the template's
 *   features; its figure is a floor for what streaming through ExcelJS would cost.
 * Building the spec (src/workbook) is timed apart. `npm run bench -- workbook`.
 */
import os from "os";
import path from "path";
import { mkdtempSync, rmSync, statSync } from "fs";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { checkPlan } from "../src/core";
import { writeWorkbookFile, writeWorkbookFileWithExcelJS } from "../src/cli/xlsx-write";
import { buildWorkbookSpec } from "../src/workbook/template-sheets";
import type { CellSpec, WorkbookSpec } from "../src/workbook/workbook-model";
import { generatePlan } from "./workbook-helpers";

export interface WorkbookFigures {
  template_write_10k_ms: number;
  template_write_10k_cpu_ms: number;
  template_spec_10k_ms: number;
  exceljs_write_10k_ms: number;
  exceljs_stream_cells_10k_ms: number;
}

export const TEMPLATE_WRITE_TARGET_MS = 500;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall and CPU milliseconds of one call. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

async function streamCells(spec: WorkbookSpec, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const value = (c: CellSpec): ExcelJS.CellValue => (c.formula !== undefined ? ({ formula: c.formula } as ExcelJS.CellFormulaValue) : (c.value ?? null));
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const rows = new Map<number, Array<{ col: number; value: ExcelJS.CellValue; style: Partial<ExcelJS.Style> }>>();
    const put = (r: number, col: number, v: ExcelJS.CellValue, style: Partial<ExcelJS.Style>) => {
      if (!rows.has(r)) rows.set(r, []);
      rows.get(r)!.push({ col, value: v, style });
    };
    for (const t of sheet.tables) {
      const styles = t.columns.map((c): Partial<ExcelJS.Style> => ({ numFmt: c.numberFormat, font: { name: spec.font?.name, size: spec.font?.size } }));
      t.columns.forEach((c, i) => put(t.origin.row, t.origin.col + i, c.header.ko, { font: { bold: true } }));
      t.rows.forEach((r, ri) => r.forEach((c, ci) => put(t.origin.row + 1 + ri, t.origin.col + ci, value(c), styles[ci] ?? {})));
    }
    for (const r of [...rows.keys()].sort((a, b) => a - b)) {
      const row = ws.getRow(r + 1);
      for (const c of rows.get(r)!) {
        const cell = row.getCell(c.col + 1);
        cell.value = c.value;
        cell.style = c.style;
      }
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
}

export async function benchWorkbook(projects = 10_000): Promise<WorkbookFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "jobplan-bench-"));
  try {
    const plan = generatePlan(projects, 11, "half-up");
    const findings = checkPlan(plan);
    const specRuns: number[] = [];
    let spec = buildWorkbookSpec(plan, findings);
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      spec = buildWorkbookSpec(plan, findings);
      specRuns.push(performance.now() - t);
    }
    const file = path.join(dir, "direct.xlsx");
    await writeWorkbookFile(spec, file); // warm-up
    const direct = [];
    for (let i = 0; i < 3; i++) direct.push(await timed(() => writeWorkbookFile(spec, file)));
    const directMs = median(direct.map((r) => r.ms));
    const directCpu = median(direct.map((r) => r.cpuMs));
    const exceljsFile = path.join(dir, "exceljs.xlsx");
    const exceljs = await timed(() => writeWorkbookFileWithExcelJS(spec, exceljsFile));
    const streamFile = path.join(dir, "stream.xlsx");
    const stream = await timed(() => streamCells(spec, streamFile));

    const tasks = plan.strategies.reduce((a, s) => a + s.tasks.length, 0);
    const kb = (f: string) => `${Math.round(statSync(f).size / 1024)} KB`;
    const met = directMs < TEMPLATE_WRITE_TARGET_MS ? "met" : "NOT met";
    console.log(`workbook: writing the template of ${projects} projects, ${tasks} tasks, ${findings.length} findings (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`);
    console.log(`  building the spec (src/workbook)            ${median(specRuns).toFixed(0)} ms   (not part of the write)`);
    console.log(`  direct OOXML writer (used)                  ${directMs.toFixed(0)} ms   (CPU ${directCpu.toFixed(0)} ms; ${kb(file)}; target < ${TEMPLATE_WRITE_TARGET_MS} ms: ${met})`);
    console.log(`  ExcelJS workbook + xlsx.write               ${exceljs.ms.toFixed(0)} ms   (${kb(exceljsFile)})`);
    console.log(`  ExcelJS streaming writer, cells only        ${stream.ms.toFixed(0)} ms   (${kb(streamFile)}; no tables, validations, notes or links: it cannot write tables)`);
    return {
      template_write_10k_ms: Math.round(directMs),
      template_write_10k_cpu_ms: Math.round(directCpu),
      template_spec_10k_ms: Math.round(median(specRuns)),
      exceljs_write_10k_ms: Math.round(exceljs.ms),
      exceljs_stream_cells_10k_ms: Math.round(stream.ms),
    };
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
