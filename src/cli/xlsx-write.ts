/**
 * Renders a WorkbookSpec with ExcelJS: tables, number formats, widths, frozen header rows,
 * validations and conditional formats. Text values are written as text (never formulas).
 */
import ExcelJS from "exceljs";
import type { CellSpec, SheetSpec, TableSpec, WorkbookSpec } from "../workbook/workbook-model";
import { a1, columnLetter } from "../workbook/workbook-model";
import { writeFileSafely } from "./safe-write";

/** Rows below the header covered by validations and conditional formats at least. */
const MIN_FORMAT_ROWS = 1000;

export function cellValue(cell: CellSpec): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: cell.formula } as ExcelJS.CellFormulaValue;
  const value = cell.value ?? null;
  // ExcelJS writes strings as shared strings; a leading = + - @ stays text. Make that explicit
  // for readers that would sniff: never hand ExcelJS an object here.
  return value;
}

function addTable(ws: ExcelJS.Worksheet, table: TableSpec): void {
  const rows = table.rows.length ? table.rows : [table.columns.map((): CellSpec => ({ value: null }))];
  const hasTotals = !!table.totals;
  ws.addTable({
    name: table.name,
    ref: a1(table.origin.row, table.origin.col),
    headerRow: true,
    totalsRow: hasTotals,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: table.columns.map((c, i) => {
      const col: ExcelJS.TableColumnProperties = { name: c.header.ko, filterButton: true };
      const t = table.totals?.[i];
      if (t?.formula !== undefined) {
        // ExcelJS cannot write <totalsRowFormula>, and "custom" without one makes Excel
        // repair the file: declare none and put the formula in the totals cell below.
        col.totalsRowFunction = "none";
      } else if (t?.value !== undefined && t.value !== null && typeof t.value === "string") {
        col.totalsRowLabel = t.value;
      }
      return col;
    }),
    rows: rows.map((r) => r.map(cellValue)),
  });
  const top = table.origin.row + 1; // 0-based first body row
  rows.forEach((r, ri) =>
    r.forEach((cell, ci) => {
      const xc = ws.getCell(top + ri + 1, table.origin.col + ci + 1);
      const fmt = cell.numberFormat ?? table.columns[ci]?.numberFormat;
      if (fmt) xc.numFmt = fmt;
      if (cell.formula === undefined && typeof cell.value === "string") xc.value = cell.value;
      if (typeof cell.value === "string" && cell.value.includes("\n")) xc.alignment = { wrapText: true, vertical: "top" };
    }),
  );
  if (table.totals) {
    const tr = top + rows.length + 1;
    table.totals.forEach((cell, ci) => {
      const xc = ws.getCell(tr, table.origin.col + ci + 1);
      if (cell.formula !== undefined) xc.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) xc.value = cell.value;
      const fmt = cell.numberFormat ?? table.columns[ci]?.numberFormat;
      if (fmt) xc.numFmt = fmt;
      xc.font = { bold: true };
    });
  }
  table.columns.forEach((c, ci) => {
    const col = ws.getColumn(table.origin.col + ci + 1);
    if (c.width) col.width = c.width;
  });
  const span = Math.max(rows.length, MIN_FORMAT_ROWS);
  const rangeOf = (colKey: string) => {
    const ci = table.columns.findIndex((c) => c.key === colKey);
    if (ci < 0) return undefined;
    const letter = columnLetter(table.origin.col + ci);
    return `${letter}${top + 1}:${letter}${top + span}`;
  };
  for (const dv of table.validations ?? []) {
    const range = rangeOf(dv.column);
    if (!range) continue;
    const base = { allowBlank: true, showInputMessage: !!dv.prompt, promptTitle: "jobplan", prompt: dv.prompt?.ko, showErrorMessage: true };
    const rule: ExcelJS.DataValidation =
      dv.kind === "list"
        ? { ...base, type: "list", formulae: [dv.source!.replace(/^=/, "")], errorStyle: "warning" }
        : { ...base, type: "whole", operator: "greaterThanOrEqual", formulae: [0], errorStyle: "stop", error: "0 이상의 정수 / a whole number >= 0" };
    // ExcelJS 4.4 accepts a range address here (typed as a single address).
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
  }
  for (const cf of table.conditionalFormats ?? []) {
    const idx = cf.columns.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const first = columnLetter(table.origin.col + Math.min(...idx));
    const last = columnLetter(table.origin.col + Math.max(...idx));
    ws.addConditionalFormatting({
      ref: `${first}${top + 1}:${last}${top + span}`,
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: cf.fill } },
            font: cf.fontColor ? { color: { argb: cf.fontColor } } : undefined,
          },
        },
      ],
    });
  }
}

export function addSheet(wb: ExcelJS.Workbook, sheet: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : undefined,
  });
  for (const t of sheet.tables) addTable(ws, t);
  for (const c of sheet.cells ?? []) {
    const xc = ws.getCell(c.row + 1, c.col + 1);
    xc.value = cellValue(c.cell);
    if (c.cell.numberFormat) xc.numFmt = c.cell.numberFormat;
  }
  return ws;
}

/** An ExcelJS workbook for the spec. */
export function renderWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jobplan";
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of spec.sheets) addSheet(wb, sheet);
  for (const n of spec.names ?? []) wb.definedNames.add(n.formula.replace(/^=/, ""), n.name);
  return wb;
}

/** Renders the spec and writes it through a temporary file renamed over `file` (safe-write.ts). */
export async function writeWorkbookFile(spec: WorkbookSpec, file: string): Promise<void> {
  const wb = renderWorkbook(spec);
  await writeFileSafely(file, (out) => wb.xlsx.write(out));
}
