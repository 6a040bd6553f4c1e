/**
 * File-level operations on plan workbooks: load a plan from .xlsx or .txt, write a plan as
 * the template, regenerate the generated cells of an existing workbook in place.
 */
import { readFileSync, statSync, openSync, readSync, closeSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { checkPlan } from "../core";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import { importPlanText } from "../import";
import { readPlanFromTables } from "../workbook/read-tables";
import { regenerateCells } from "../workbook/regenerate";
import { planSummaryRows } from "../workbook/summary-rows";
import { FONT } from "../workbook/sheet-layout";
import { buildWorkbookSpec, findingsSheet, SHEET_NAMES } from "../workbook/template-sheets";
import { growSummaryTables } from "./grow-tables";
import { workbookTables } from "./xlsx-read";
import { addSheet, writeWorkbookFile } from "./xlsx-write";

export type Lang = "ko" | "en";

/** A file that cannot be read as a plan: missing, unreadable, not .xlsx / .txt. */
export class InputError extends Error {}

export interface LoadedPlan {
  plan: Plan;
  findings: Finding[];
}

const XLSX_EXT = new Set([".xlsx", ".xlsm"]);

function ensureFile(file: string, lang: Lang): void {
  let st;
  try {
    st = statSync(file);
  } catch {
    throw new InputError(lang === "ko" ? `파일이 없습니다: ${file}` : `No such file: ${file}`);
  }
  if (!st.isFile()) throw new InputError(lang === "ko" ? `파일이 아닙니다: ${file}` : `Not a file: ${file}`);
}

function startsWithZip(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(4);
    const n = readSync(fd, buf, 0, 4, 0);
    return n === 4 && buf[0] === 0x50 && buf[1] === 0x4b;
  } finally {
    closeSync(fd);
  }
}

/** Checks both the reader's findings and the core checks; never throws for plan problems. */
function withChecks(plan: Plan, findings: Finding[]): Finding[] {
  return [...findings, ...checkPlan(plan)];
}

export async function loadWorkbook(file: string, lang: Lang): Promise<ExcelJS.Workbook> {
  ensureFile(file, lang);
  if (!startsWithZip(file)) {
    throw new InputError(
      lang === "ko" ? `.xlsx 파일이 아닙니다 (zip 형식이 아님): ${file}` : `Not an .xlsx file (not a zip archive): ${file}`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new InputError(lang === "ko" ? `.xlsx 파일을 읽을 수 없습니다: ${file} (${(e as Error).message})` : `Cannot read .xlsx file ${file}: ${(e as Error).message}`);
  }
  return wb;
}

/** Reads a plan from .xlsx or .txt and runs every check. */
export async function loadAndCheck(file: string, lang: Lang): Promise<LoadedPlan> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".txt") {
    ensureFile(file, lang);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (e) {
      throw new InputError(lang === "ko" ? `파일을 읽을 수 없습니다: ${file}` : `Cannot read ${file}: ${(e as Error).message}`);
    }
    const { plan, findings } = importPlanText(text);
    return { plan, findings: withChecks(plan, findings) };
  }
  if (!XLSX_EXT.has(ext)) {
    ensureFile(file, lang);
    throw new InputError(lang === "ko" ? `.xlsx 또는 .txt 파일이 아닙니다: ${file}` : `Not an .xlsx or .txt file: ${file}`);
  }
  const wb = await loadWorkbook(file, lang);
  const read = readPlanFromTables(workbookTables(wb));
  return { plan: read.plan, findings: withChecks(read.plan, read.findings) };
}

/** Writes a plan and its findings as the jobplan template. */
export async function writePlanWorkbook(plan: Plan, findings: Finding[], file: string, lang: Lang): Promise<void> {
  await writeWorkbookFile(buildWorkbookSpec(plan, findings, { lang }), file);
}

export interface SummarizeResult {
  findings: Finding[];
  /** Cells whose formulas were rewritten. */
  regenerated: number;
  /** Summary rows added for tasks / strategies of TaskPlans the summaries lacked. */
  added: { byTask: number; byStrategy: number };
  /** The added rows' names, in table order. */
  addedRows: Array<{ table: "summaryByTask" | "summaryByStrategy"; strategy: string; task?: string }>;
}

/**
 * Regenerates the generated columns (summary formulas, 요약 반영액, status) and the findings
 * sheet of an existing workbook, after adding summary rows for tasks and strategies that
 * TaskPlans has and the summaries lack; every other cell is left as it was (cells below an
 * added row in the table's columns move down with it, as in Excel).
 */
export async function summarizeWorkbook(input: string, output: string, lang: Lang): Promise<SummarizeResult> {
  const wb = await loadWorkbook(input, lang);
  const rows = planSummaryRows(readPlanFromTables(workbookTables(wb)));
  growSummaryTables(wb, rows);
  // Read again: formulas and findings follow the workbook as it now is (the new rows in).
  const read = rows.tables.length ? readPlanFromTables(workbookTables(wb)) : rows.read;
  const findings = withChecks(read.plan, read.findings);
  const { formulas, values } = regenerateCells(read, lang);
  for (const g of formulas) {
    const ws = wb.getWorksheet(g.sheet);
    if (ws) ws.getCell(g.cell).value = { formula: g.formula } as ExcelJS.CellFormulaValue;
  }
  // The value columns the formulas read (matched names, 합계 flag, rounding nudges).
  for (const g of values) {
    const ws = wb.getWorksheet(g.sheet);
    if (ws) ws.getCell(g.cell).value = g.value;
  }
  // The findings sheet is jobplan's own: rebuilt at the same position.
  const sheetName = read.tables.findings?.input.sheet ?? SHEET_NAMES.findings;
  const old = wb.getWorksheet(sheetName);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  let name = sheetName;
  if (old && !read.tables.findings) name = `${sheetName} (jobplan)`;
  else if (old) wb.removeWorksheet(old.id);
  const existing = wb.getWorksheet(name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = addSheet(wb, findingsSheet(findings, lang, undefined, name), { lang, font: FONT });
  if (orderNo !== undefined && read.tables.findings) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  await wb.xlsx.writeFile(output);
  const addedRows = rows.tables.flatMap((g) => g.added.map((a) => ({ table: g.kind, strategy: a.strategy, task: a.task })));
  return { findings, regenerated: formulas.length, added: rows.added, addedRows };
}
