/**
 * Renders a WorkbookSpec with ExcelJS (for summarize, which reads, changes and writes a
 * workbook; new files are written directly by ooxml-write.ts): tables, number formats, widths, frozen header rows,
 * validations and conditional formats, and the presentation the spec asks for (one font,
 * borders and tints, notes, links to cells, row heights, merged titles, page setup and
 * footers, protection). Text values are written as text (never formulas).
 */
import ExcelJS from "exceljs";
import type { CellSpec, CellStyleSpec, SheetSpec, TableSpec, WorkbookSpec } from "../workbook/workbook-model";
import { a1 } from "../workbook/workbook-model";
import { parseBox } from "../core/a1";
import { sheetUnlocks, type SheetUnlock } from "../workbook/protection";
import { changeLogRow, changeLogSheet, CHANGE_LOG_TABLE, type ChangeLogEntry } from "../workbook/change-log";
import { internalLinkTarget } from "./xlsx-links";
import {
  BORDER_COLOR,
  bodyRows,
  bodyStyle,
  cellStyle,
  columnRange,
  fit,
  formatRange,
  formatRows,
  headerStyle,
  isLink,
  PAGE_MARGINS,
  PROTECTION_ALLOWS,
  TABLE_STYLE,
  validationRule,
  type Lang,
} from "./render-rules";
import { writeXlsxFile, type XlsxWriteOptions } from "./ooxml-write";
import { writeFileSafely } from "./safe-write";

interface RenderOptions {
  font?: { name: string; size: number };
  lang: Lang;
  /** Style objects by what they hold, shared by the cells of one render. */
  styles: Map<string, Partial<ExcelJS.Style>>;
}

export function cellValue(cell: CellSpec): ExcelJS.CellValue {
  if (cell.formula !== undefined) return { formula: cell.formula } as ExcelJS.CellFormulaValue;
  const value = cell.value ?? null;
  // ExcelJS writes strings as shared strings; a leading = + - @ stays text. Make that explicit
  // for readers that would sniff: never hand ExcelJS an object here.
  return value;
}

const thin = { style: "thin" as const, color: { argb: BORDER_COLOR } };

/** An ExcelJS style for a spec style, a number format and the workbook font. */
function styleObject(s: CellStyleSpec, numFmt: string | undefined, o: RenderOptions, underline: boolean): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (numFmt) style.numFmt = numFmt;
  const font: Partial<ExcelJS.Font> = {};
  if (o.font) Object.assign(font, { name: o.font.name, size: o.font.size });
  if (s.size) font.size = s.size;
  if (s.bold) font.bold = true;
  if (s.color) font.color = { argb: s.color };
  if (underline) font.underline = true;
  if (Object.keys(font).length) style.font = font;
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: s.fill } };
  if (s.border) style.border = { top: thin, left: thin, bottom: thin, right: thin };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.horizontal) alignment.horizontal = s.horizontal;
  if (s.vertical) alignment.vertical = s.vertical;
  if (s.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) style.alignment = alignment;
  return style;
}

/**
 * Applies a spec style (and the workbook font) to a cell. Equal styles share one object:
 * ExcelJS keys its style table by object when writing, which keeps large sheets fast; a
 * shared object is never changed afterwards (a cell's own copy is made where one must be).
 */
function applyStyle(xc: ExcelJS.Cell, style: CellStyleSpec, numFmt: string | undefined, o: RenderOptions, underline = false): void {
  const key = JSON.stringify([style, numFmt ?? null, underline]);
  let shared = o.styles.get(key);
  if (!shared) o.styles.set(key, (shared = styleObject(style, numFmt, o, underline)));
  xc.style = shared;
}

/** Writes the cell's value, link, note and style (table cells' values are written by addTable first). */
function applyCell(xc: ExcelJS.Cell, cell: CellSpec, style: CellStyleSpec | undefined, fmt: string | undefined, o: RenderOptions): void {
  if (isLink(cell)) {
    xc.value = { text: cell.value as string, hyperlink: internalLinkTarget(cell.hyperlink!.sheet, cell.hyperlink!.cell) };
  } else if (cell.formula === undefined && typeof cell.value === "string") {
    xc.value = cell.value;
  }
  applyStyle(xc, cellStyle(cell, style), fmt, o, !!cell.hyperlink);
  if (cell.note) xc.note = cell.note;
}

function addTable(ws: ExcelJS.Worksheet, table: TableSpec, o: RenderOptions): void {
  const rows = bodyRows(table, o.lang);
  const hasTotals = !!table.totals;
  ws.addTable({
    name: table.name,
    ref: a1(table.origin.row, table.origin.col),
    headerRow: true,
    totalsRow: hasTotals,
    style: { theme: TABLE_STYLE as ExcelJS.TableStyleProperties["theme"], showRowStripes: false },
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
  table.columns.forEach((c, ci) => {
    const xc = ws.getCell(table.origin.row + 1, table.origin.col + ci + 1);
    applyStyle(xc, headerStyle(c), undefined, o);
    if (c.headerNote) xc.note = c.headerNote[o.lang];
  });
  rows.forEach((r, ri) =>
    r.forEach((cell, ci) => {
      const col = table.columns[ci];
      applyCell(ws.getCell(top + ri + 1, table.origin.col + ci + 1), cell, bodyStyle(col), cell.numberFormat ?? col?.numberFormat, o);
    }),
  );
  if (table.totals) {
    const tr = top + rows.length + 1;
    table.totals.forEach((cell, ci) => {
      const xc = ws.getCell(tr, table.origin.col + ci + 1);
      if (cell.formula !== undefined) xc.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) xc.value = cell.value;
      const col = table.columns[ci];
      applyCell(xc, cell, { ...bodyStyle(col), bold: true }, cell.numberFormat ?? col?.numberFormat, o);
    });
  }
  table.columns.forEach((c, ci) => {
    const col = ws.getColumn(table.origin.col + ci + 1);
    if (c.width) col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  const span = formatRows(table, rows.length);
  for (const dv of table.validations ?? []) {
    const range = columnRange(table, dv.column, span);
    if (!range) continue;
    const r = validationRule(dv, o.lang);
    const rule: ExcelJS.DataValidation = {
      type: r.type,
      allowBlank: true,
      showInputMessage: !!r.prompt,
      promptTitle: r.promptTitle,
      prompt: r.prompt,
      showErrorMessage: true,
      errorTitle: r.errorTitle,
      errorStyle: r.errorStyle,
      error: r.error,
      formulae: [r.type === "whole" ? Number(r.formula) : r.formula],
      ...(r.operator ? { operator: r.operator } : {}),
    };
    // ExcelJS 4.4 accepts a range address here (typed as a single address).
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
  }
  let priority = 1;
  for (const cf of table.conditionalFormats ?? []) {
    const ref = formatRange(table, cf.columns, span);
    if (!ref) continue;
    const style: Partial<ExcelJS.Style> = {};
    if (cf.numberFormat) style.numFmt = cf.numberFormat;
    else style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: cf.fill } };
    if (cf.fontColor && !cf.numberFormat) style.font = { color: { argb: cf.fontColor } };
    ws.addConditionalFormatting({ ref, rules: [{ type: "expression", priority: priority++, formulae: [cf.formula], style }] });
  }
}

/**
 * Protects a sheet without a password, unlocking the given ranges first (what a person
 * types into); everything else (formulas, jobplan's value columns, titles) stays locked.
 */
export function protectWorksheet(ws: ExcelJS.Worksheet, unlocked: SheetUnlock["unlocked"]): void {
  // Styles are shared between cells: each gets an unlocked copy, itself shared by the cells that had it.
  const copies = new Map<Partial<ExcelJS.Style>, Partial<ExcelJS.Style>>();
  for (const box of unlocked) {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const xc = ws.getCell(r + 1, c + 1);
        let copy = copies.get(xc.style);
        if (!copy) copies.set(xc.style, (copy = { ...xc.style, protection: { locked: false } }));
        xc.style = copy;
      }
    }
  }
  // ExcelJS sets the flags synchronously; the promise only matters for a password hash.
  const allows = Object.fromEntries(PROTECTION_ALLOWS.map((k) => [k, true]));
  void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, ...allows });
}

/** Protects the named sheets of a workbook read from a file (see workbook/protection.ts). */
export function applyProtection(wb: ExcelJS.Workbook, unlocks: readonly SheetUnlock[]): void {
  for (const u of unlocks) {
    const ws = wb.getWorksheet(u.sheet);
    if (ws) protectWorksheet(ws, u.unlocked);
  }
}

function applyPageSetup(ws: ExcelJS.Worksheet, sheet: SheetSpec): void {
  const p = sheet.pageSetup;
  if (!p) return;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: !!p.horizontalCentered,
    margins: { ...PAGE_MARGINS },
  };
  if (p.printTitleRows) ws.pageSetup.printTitlesRow = `${p.printTitleRows.first + 1}:${p.printTitleRows.last + 1}`;
  if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: p.footer };
}

export function addSheet(wb: ExcelJS.Workbook, sheet: SheetSpec, options: Partial<RenderOptions> = {}): ExcelJS.Worksheet {
  const o: RenderOptions = { lang: options.lang ?? "ko", font: options.font, styles: options.styles ?? new Map() };
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.freezeRows ? [{ state: "frozen", ySplit: sheet.freezeRows, xSplit: 0 }] : undefined,
  });
  for (const t of sheet.tables) addTable(ws, t, o);
  for (const c of sheet.cells ?? []) {
    const xc = ws.getCell(c.row + 1, c.col + 1);
    const cell = fit(c.cell, o.lang);
    xc.value = cellValue(cell);
    applyCell(xc, cell, undefined, cell.numberFormat, o);
  }
  for (const m of sheet.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const h of sheet.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  applyPageSetup(ws, sheet);
  if (sheet.protection?.enabled) protectWorksheet(ws, sheetUnlocks(sheet).unlocked);
  return ws;
}

/** An ExcelJS workbook for the spec. */
export function renderWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "jobplan";
  wb.calcProperties = { fullCalcOnLoad: true };
  const options: RenderOptions = { lang: spec.lang ?? "ko", font: spec.font, styles: new Map() };
  for (const sheet of spec.sheets) addSheet(wb, sheet, options);
  for (const n of spec.names ?? []) wb.definedNames.add(n.formula.replace(/^=/, ""), n.name);
  return wb;
}

interface LoadedTableModel {
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  totalsRow?: boolean;
}

function loadedTable(ws: ExcelJS.Worksheet, name: string): LoadedTableModel | undefined {
  const tables = (ws as unknown as { tables?: Record<string, { table?: LoadedTableModel; model?: LoadedTableModel }> }).tables ?? {};
  const t = tables[name];
  return t ? (t.table ?? t.model) : undefined;
}

/**
 * Appends a row to the 변경 이력 sheet of a workbook (adding the sheet at the end when it is
 * missing): the row goes below the ChangeLog table, which is widened to take it in. Returns
 * the sheet's name.
 */
export function appendChangeLog(wb: ExcelJS.Workbook, entry: ChangeLogEntry, lang: Lang = "ko", font?: RenderOptions["font"]): string {
  const o: RenderOptions = { lang, font, styles: new Map() };
  const ws = wb.worksheets.find((w) => loadedTable(w, CHANGE_LOG_TABLE));
  if (!ws) return addSheet(wb, changeLogSheet([entry], lang), o).name;
  const model = loadedTable(ws, CHANGE_LOG_TABLE)!;
  const ref = model.tableRef ?? model.ref!;
  const [start, end] = ref.split(":");
  const box = parseBox(ref)!;
  // A table written with no rows holds one blank body row: fill it instead of adding one.
  const blank = box.bottom === box.top + 1 && Array.from({ length: box.right - box.left + 1 }, (_, i) => ws!.getCell(box.bottom + 1, box.left + i + 1).value).every((x) => x === null || x === "");
  const row = blank ? box.bottom : box.bottom + 1;
  const columns = changeLogSheet([], lang).tables[0].columns;
  changeLogRow(entry, lang).forEach((cell, i) => {
    const xc = ws!.getCell(row + 1, box.left + i + 1);
    xc.value = cellValue(cell);
    applyCell(xc, cell, { border: true, ...columns[i]?.style }, cell.numberFormat ?? columns[i]?.numberFormat, o);
  });
  const bottom = `${end.replace(/\d+$/, "")}${row + 1}`;
  model.tableRef = `${start}:${bottom}`;
  if (model.ref) model.ref = model.tableRef;
  if (model.autoFilterRef) model.autoFilterRef = `${start}:${bottom}`;
  return ws.name;
}

/**
 * Writes the spec to `file` through a temporary file renamed over it: directly as OOXML
 * (ooxml-write.ts, the fast writer), with cached formula results where the caller knows them.
 */
export async function writeWorkbookFile(spec: WorkbookSpec, file: string, options: XlsxWriteOptions = {}): Promise<void> {
  await writeXlsxFile(spec, file, options);
}

/** The same through ExcelJS (the writers' comparison test and the benchmark). */
export async function writeWorkbookFileWithExcelJS(spec: WorkbookSpec, file: string): Promise<void> {
  const wb = renderWorkbook(spec);
  await writeFileSafely(file, (out) => wb.xlsx.write(out));
}
