/**
 * File-level operations on plan workbooks: load a plan from .xlsx or .txt, write a plan as
 * the template, regenerate the generated cells of an existing workbook in place.
 */
import ExcelJS from "exceljs";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import { readPlanFromTables } from "../workbook/read-tables";
import { regenerateCells } from "../workbook/regenerate";
import { planSummaryRows } from "../workbook/summary-rows";
import { FONT } from "../workbook/sheet-layout";
import { buildWorkbookSpec, findingsSheet, SHEET_NAMES } from "../workbook/template-sheets";
import { InputError } from "./errors";
import { fileError } from "./file-access";
import { growSummaryTables } from "./grow-tables";
import { ensureZip, readWorkbookTables, withChecks, xlsxError } from "./load-plan";
import { M, say } from "./messages";
import { writeFileSafely } from "./safe-write";
import { withRelativeTargets } from "./relative-parts";
import { rewriteRisks } from "./xlsx-guard";
import { workbookTables } from "./xlsx-read";
import { addSheet, writeWorkbookFile } from "./xlsx-write";

export type Lang = "ko" | "en";

export { InputError };
export { loadAndCheck, importPlanFile, readPlanText, readWorkbookTables, isWorkbookName, type LoadedPlan } from "./load-plan";

export async function loadWorkbook(file: string, lang: Lang, absoluteTargets = false): Promise<ExcelJS.Workbook> {
  ensureZip(file, lang);
  const wb = new ExcelJS.Workbook();
  try {
    const relative = absoluteTargets ? await withRelativeTargets(file) : undefined;
    if (relative) await wb.xlsx.load(relative as unknown as ExcelJS.Buffer);
    else await wb.xlsx.readFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code) throw fileError(e, file, true, lang);
    throw new InputError(say(lang, M.unreadableXlsx(file, (e as Error).message)));
  }
  // LibreOffice writes tables without <tableStyleInfo>, which ExcelJS cannot write back.
  for (const ws of wb.worksheets) {
    const tables = (ws as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables ?? {};
    for (const t of Object.values(tables)) {
      if (t.table && !t.table.style)
        t.table.style = {
          theme: null,
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
    }
  }
  return wb;
}

/** Writes a plan and its findings as the jobplan template. */
export async function writePlanWorkbook(plan: Plan, findings: Finding[], file: string, lang: Lang): Promise<void> {
  try {
    await writeWorkbookFile(buildWorkbookSpec(plan, findings, { lang }), file);
  } catch (e) {
    throw fileError(e, file, false, lang);
  }
}

export interface SummarizeResult {
  findings: Finding[];
  /** Cells whose formulas were rewritten. */
  regenerated: number;
  /** Summary rows added for tasks / strategies of TaskPlans the summaries lacked. */
  added: { byTask: number; byStrategy: number };
  /** The added rows' names, in table order. */
  addedRows: Array<{
    table: "summaryByTask" | "summaryByStrategy";
    strategy: string;
    task?: string;
  }>;
}

/**
 * Regenerates the generated columns (summary formulas, 요약 반영액, status) and the findings
 * sheet of an existing workbook, after adding summary rows for tasks and strategies that
 * TaskPlans has and the summaries lack; every other cell is left as it was (cells below an
 * added row in the table's columns move down with it, as in Excel).
 */
export async function summarizeWorkbook(input: string, output: string, lang: Lang): Promise<SummarizeResult> {
  ensureZip(input, lang);
  if (/\.xlsm$/i.test(input) || /\.xlsm$/i.test(output)) throw new InputError(say(lang, M.macros(input)));
  let risks;
  try {
    risks = await rewriteRisks(input);
  } catch (e) {
    throw xlsxError(e, input, lang);
  }
  if (risks.macros) throw new InputError(say(lang, M.macros(input)));
  if (risks.dropped.length) throw new InputError(say(lang, M.wouldDrop(input, risks.dropped)));
  if (risks.tooLarge?.kind === "overlong") throw new InputError(say(lang, M.overlongText(input)));
  if (risks.tooLarge?.kind === "far") throw new InputError(say(lang, M.farCell(input, `${risks.tooLarge.sheet}!${risks.tooLarge.cell}`)));
  const first = readPlanFromTables(await readWorkbookTables(input, lang));
  const wb = await loadWorkbook(input, lang, risks.absoluteTargets);
  const rows = planSummaryRows(first);
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
  try {
    await writeFileSafely(output, (out) => wb.xlsx.write(out));
  } catch (e) {
    throw fileError(e, output, false, lang);
  }
  const addedRows = rows.tables.flatMap((g) => g.added.map((a) => ({ table: g.kind, strategy: a.strategy, task: a.task })));
  return { findings, regenerated: formulas.length, added: rows.added, addedRows };
}
