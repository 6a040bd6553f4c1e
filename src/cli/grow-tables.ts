/**
 * Grows summary tables in an ExcelJS workbook: inserts the rows a SummaryRowPlan asks for,
 * writes their names as text and widens the tables' refs.
 *
 * ExcelJS has no "insert table row", and spliceRows would move whole sheet rows (notes typed
 * beside the table too). Excel itself shifts only the table's columns when a table row is
 * inserted, so this does the same: cells of those columns at and below the insertion move
 * down with their styles; the new cells take the style of the body row next to them.
 */
import type ExcelJS from "exceljs";
import type { SummaryRowPlan, SummaryTableGrowth } from "../workbook/summary-rows";

interface TableModel {
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  totalsRow?: boolean;
}

/** Shared formulas hold their master's address; moving cells would break them, so make them plain. */
function unshareFormulas(ws: ExcelJS.Worksheet): void {
  const plain: Array<{ cell: ExcelJS.Cell; formula: string; result: unknown }> = [];
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const m = cell.model as { sharedFormula?: string; shareType?: string; result?: unknown };
      if (m.sharedFormula || m.shareType === "shared") plain.push({ cell, formula: cell.formula, result: m.result });
    }),
  );
  for (const p of plain) p.cell.value = { formula: p.formula, result: p.result } as ExcelJS.CellFormulaValue;
}

function copyModel(src: ExcelJS.Cell, dst: ExcelJS.Cell): void {
  const m = { ...structuredClone(src.model), address: dst.address } as unknown as ExcelJS.Cell["model"];
  // The model setter keeps an old note when the new model has none.
  delete (dst as unknown as { _comment?: unknown })._comment;
  dst.model = m;
}

function blankWithStyle(dst: ExcelJS.Cell, styleFrom: ExcelJS.Cell | undefined): void {
  delete (dst as unknown as { _comment?: unknown })._comment;
  dst.value = null;
  dst.style = styleFrom ? structuredClone(styleFrom.style) : {};
}

/** Moves cells of columns c0..c1 (1-based) at and below `at` down by `n` rows. */
function shiftDown(ws: ExcelJS.Worksheet, at: number, n: number, c0: number, c1: number): void {
  for (let r = ws.rowCount; r >= at; r--) {
    for (let c = c0; c <= c1; c++) copyModel(ws.getCell(r, c), ws.getCell(r + n, c));
  }
}

function insertRuns(inserted: readonly number[]): Array<{ index: number; count: number }> {
  const runs: Array<{ index: number; count: number }> = [];
  for (const i of inserted) {
    const last = runs[runs.length - 1];
    if (last && last.index + last.count === i) last.count++;
    else runs.push({ index: i, count: 1 });
  }
  return runs;
}

function loadedTable(ws: ExcelJS.Worksheet, name: string): TableModel | undefined {
  const tables = (ws as unknown as { tables?: Record<string, { table?: TableModel; model?: TableModel }> }).tables ?? {};
  const t = tables[name];
  return t ? (t.table ?? t.model) : undefined;
}

function growOne(ws: ExcelJS.Worksheet, g: SummaryTableGrowth): void {
  const c0 = g.origin.col + 1;
  const c1 = g.origin.col + g.width;
  const firstBody = g.origin.row + 2; // 1-based sheet row of body index 0
  for (const run of insertRuns(g.inserted)) {
    const at = firstBody + run.index;
    shiftDown(ws, at, run.count, c0, c1);
    // Style of the body row above, or below for a row inserted first.
    const neighbour = run.index > 0 ? at - 1 : at + run.count;
    for (let r = at; r < at + run.count; r++) for (let c = c0; c <= c1; c++) blankWithStyle(ws.getCell(r, c), ws.getCell(neighbour, c));
  }
  // Names are text: a string value is written as a string, never parsed as a formula.
  for (const c of g.cells) ws.getCell(c.cell).value = c.value;
  const model = loadedTable(ws, g.table);
  if (!model) return;
  const grownBody = g.bodyRows + g.inserted.length;
  const top = g.origin.row + 1;
  const left = ws.getColumn(c0).letter;
  const right = ws.getColumn(c1).letter;
  const lastBody = top + grownBody;
  model.tableRef = `${left}${top}:${right}${lastBody + (model.totalsRow ? 1 : 0)}`;
  if (model.autoFilterRef) model.autoFilterRef = `${left}${top}:${right}${lastBody}`;
}

/** Applies the plan's row insertions and name cells to the workbook. */
export function growSummaryTables(wb: ExcelJS.Workbook, plan: SummaryRowPlan): void {
  const sheets = new Set(plan.tables.filter((g) => g.inserted.length).map((g) => g.sheet));
  for (const name of sheets) {
    const ws = wb.getWorksheet(name);
    if (ws) unshareFormulas(ws);
  }
  for (const g of plan.tables) {
    const ws = wb.getWorksheet(g.sheet);
    if (ws) growOne(ws, g);
  }
}
