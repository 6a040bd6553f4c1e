/**
 * Regenerating the generated cells of an existing workbook in place (summarize): ExcelJS
 * reads the file, jobplan's cells are rewritten, every other cell is left as it was; the
 * 변경 이력 sheet gets a row, and protection is put on when asked for (or kept when the
 * workbook had it). New workbooks are written by plan-write.ts, without ExcelJS.
 */
import ExcelJS from "exceljs";
import type { Finding } from "../core/findings";
import { readPlanFromTables } from "../workbook/read-tables";
import { regenerateCells } from "../workbook/regenerate";
import { planSummaryRows } from "../workbook/summary-rows";
import { FONT } from "../workbook/sheet-layout";
import { findingsSheet, SHEET_NAMES } from "../workbook/template-sheets";
import { cellChanges } from "../workbook/change-log";
import { workbookUnlocks } from "../workbook/protection";
import type { CellValue } from "../workbook/workbook-model";
import { InputError } from "./errors";
import { fileError } from "./file-access";
import { growSummaryTables } from "./grow-tables";
import { ensureZip, readWorkbookTables, withChecks, xlsxError } from "./load-plan";
import { M, say } from "./messages";
import { writeFileSafely } from "./safe-write";
import { withRelativeTargets } from "./relative-parts";
import { rewriteRisks } from "./xlsx-guard";
import { workbookTables } from "./xlsx-read";
import { addSheet, appendChangeLog, applyProtection } from "./xlsx-write";
import { generatedFigures } from "./generated-figures";
import { heldValues } from "./held-values";
import { cliLogEntry } from "./plan-write";

export type Lang = "ko" | "en";

export { InputError };
export { loadAndCheck, importPlanFile, readPlanText, readWorkbookTables, isWorkbookName, type LoadedPlan } from "./load-plan";
export { writePlanWorkbook } from "./plan-write";

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
  /** Generated cells whose value changed (listed on the 변경 이력 sheet). */
  changed: number;
  /** Whether the written workbook's sheets are protected. */
  protected: boolean;
}

/**
 * Regenerates the generated columns (summary formulas, 요약 반영액, status) and the findings
 * sheet of an existing workbook, after adding summary rows for tasks and strategies that
 * TaskPlans has and the summaries lack; every other cell is left as it was (cells below an
 * added row in the table's columns move down with it, as in Excel).
 */
export async function summarizeWorkbook(input: string, output: string, lang: Lang, options: { protect?: boolean } = {}): Promise<SummarizeResult> {
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
  // Each formula gets the core's figure as its cached result; the log compares it with the value the file held.
  const figures = generatedFigures(read, formulas, values, lang);
  const held = heldValues(first, rows, read);
  const before = new Map<string, CellValue>();
  const after = new Map<string, CellValue>();
  for (const g of formulas) {
    const ws = wb.getWorksheet(g.sheet);
    if (!ws) continue;
    const at = `${g.sheet}!${g.cell}`;
    const cell = ws.getCell(g.cell);
    before.set(at, held(g.sheet, g.cell));
    const result = figures.get(at);
    after.set(at, result ?? null);
    cell.value = (result === undefined || result === null ? { formula: g.formula } : { formula: g.formula, result }) as ExcelJS.CellFormulaValue;
  }
  // The value columns the formulas read (matched names, 합계 flag, rounding nudges).
  for (const g of values) {
    const ws = wb.getWorksheet(g.sheet);
    if (!ws) continue;
    const cell = ws.getCell(g.cell);
    before.set(`${g.sheet}!${g.cell}`, held(g.sheet, g.cell));
    after.set(`${g.sheet}!${g.cell}`, g.value);
    cell.value = g.value;
  }
  const protect = !!options.protect || isProtected(wb, read);
  // The findings sheet is jobplan's own: rebuilt at the same position.
  const sheetName = read.tables.findings?.input.sheet ?? SHEET_NAMES.findings;
  const old = wb.getWorksheet(sheetName);
  const orderNo = old ? (old as unknown as { orderNo: number }).orderNo : undefined;
  let name = sheetName;
  if (old && !read.tables.findings) name = `${sheetName} (jobplan)`;
  else if (old) wb.removeWorksheet(old.id);
  const existing = wb.getWorksheet(name);
  if (existing) wb.removeWorksheet(existing.id);
  const findingsSpec = findingsSheet(findings, lang, undefined, name);
  if (protect) findingsSpec.protection = { enabled: true };
  const ws = addSheet(wb, findingsSpec, { lang, font: FONT });
  if (orderNo !== undefined && read.tables.findings) (ws as unknown as { orderNo: number }).orderNo = orderNo;
  const addedRows = rows.tables.flatMap((g) => g.added.map((a) => ({ table: g.kind, strategy: a.strategy, task: a.task })));
  const changes = cellChanges(before, after);
  const log = appendChangeLog(wb, cliLogEntry("regenerate", findings, { written: formulas.length + values.length, addedRows: addedRows.length, changes }), lang, FONT);
  if (protect) {
    applyProtection(
      wb,
      workbookUnlocks(read).filter((u) => u.sheet !== name),
    );
    applyProtection(wb, [{ sheet: log, unlocked: [] }]);
  }
  wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  try {
    await writeFileSafely(output, (out) => wb.xlsx.write(out));
  } catch (e) {
    throw fileError(e, output, false, lang);
  }
  return { findings, regenerated: formulas.length, added: rows.added, addedRows, changed: changes.length, protected: protect };
}

/** Whether jobplan's sheets are protected already (kept so on a rewrite, as the new cells need). */
function isProtected(wb: ExcelJS.Workbook, read: ReturnType<typeof readPlanFromTables>): boolean {
  return Object.values(read.tables).some((t) => {
    const ws = t && wb.getWorksheet(t.input.sheet);
    return !!(ws as unknown as { sheetProtection?: { sheet?: boolean } } | undefined)?.sheetProtection?.sheet;
  });
}
