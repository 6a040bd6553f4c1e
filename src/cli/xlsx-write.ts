/**
 * Renders a WorkbookSpec with ExcelJS: tables, number formats, widths, frozen header rows,
 * validations and conditional formats, and the presentation the spec asks for (one font,
 * borders and tints, notes, links to cells, row heights, merged titles, page setup and
 * footers, protection). Text values are written as text (never formulas).
 */
import ExcelJS from "exceljs";
import type { CellSpec, CellStyleSpec, ColumnSpec, SheetSpec, TableSpec, WorkbookSpec } from "../workbook/workbook-model";
import { a1, columnLetter } from "../workbook/workbook-model";
import { parseBox } from "../core/a1";
import { limitCell } from "../workbook/cell-limits";
import { sheetUnlocks, type SheetUnlock } from "../workbook/protection";
import { changeLogRow, changeLogSheet, CHANGE_LOG_TABLE, type ChangeLogEntry } from "../workbook/change-log";
import { internalLinkTarget } from "./xlsx-links";
import { writeFileSafely } from "./safe-write";

/** Rows below the header covered by validations and conditional formats at least. */
const MIN_FORMAT_ROWS = 1000;

const HEADER_FILL = "FFD9D9D9";
const GENERATED_HEADER_FILL = "FFBDD7EE";
const BORDER_COLOR = "FFA6A6A6";

type Lang = "ko" | "en";

interface RenderOptions {
  font?: { name: string; size: number };
  lang: Lang;
  /** Style objects by what they hold, shared by the cells of one render. */
  styles: Map<string, Partial<ExcelJS.Style>>;
}

const WORDS = {
  ko: { promptTitle: "입력 안내", errorTitle: "입력 오류", wholeNumber: "0 이상의 정수만 입력할 수 있습니다.", list: "목록에 있는 값을 고르세요." },
  en: { promptTitle: "Input", errorTitle: "Invalid entry", wholeNumber: "Only a whole number, 0 or more, can be entered.", list: "Pick a value from the list." },
};

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
  if (cell.hyperlink && cell.formula === undefined && typeof cell.value === "string") {
    xc.value = { text: cell.value, hyperlink: internalLinkTarget(cell.hyperlink.sheet, cell.hyperlink.cell) };
  } else if (cell.formula === undefined && typeof cell.value === "string") {
    xc.value = cell.value;
  }
  const merged: CellStyleSpec = { ...style, ...cell.style };
  if (cell.hyperlink) merged.color = merged.color ?? "FF0563C1";
  if (typeof cell.value === "string" && cell.value.includes("\n")) merged.wrap = true;
  applyStyle(xc, merged, fmt, o, !!cell.hyperlink);
  if (cell.note) xc.note = cell.note;
}

/** A cell within Excel's text limit (a spec built by buildWorkbookSpec already is: this is the last guard). */
function fit(cell: CellSpec, o: RenderOptions): CellSpec {
  return limitCell(cell, o.lang).cell;
}

function addTable(ws: ExcelJS.Worksheet, table: TableSpec, o: RenderOptions): void {
  const rows = (table.rows.length ? table.rows : [table.columns.map((): CellSpec => ({ value: null }))]).map((r) => r.map((c) => fit(c, o)));
  const hasTotals = !!table.totals;
  ws.addTable({
    name: table.name,
    ref: a1(table.origin.row, table.origin.col),
    headerRow: true,
    totalsRow: hasTotals,
    style: { theme: "TableStyleLight1", showRowStripes: false },
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
  // Header: bold, grey (computed columns blue), wrapped, with the column's note.
  table.columns.forEach((c, ci) => {
    const xc = ws.getCell(table.origin.row + 1, table.origin.col + ci + 1);
    const fill = c.generated ? GENERATED_HEADER_FILL : HEADER_FILL;
    applyStyle(xc, { bold: true, fill, border: true, horizontal: "center", vertical: "middle", wrap: true }, undefined, o);
    if (c.headerNote) xc.note = c.headerNote[o.lang];
  });
  const styleOf = (c: ColumnSpec | undefined): CellStyleSpec => ({ border: true, vertical: "middle", ...c?.style });
  rows.forEach((r, ri) =>
    r.forEach((cell, ci) => {
      const col = table.columns[ci];
      applyCell(ws.getCell(top + ri + 1, table.origin.col + ci + 1), cell, styleOf(col), cell.numberFormat ?? col?.numberFormat, o);
    }),
  );
  if (table.totals) {
    const tr = top + rows.length + 1;
    table.totals.forEach((cell, ci) => {
      const xc = ws.getCell(tr, table.origin.col + ci + 1);
      if (cell.formula !== undefined) xc.value = { formula: cell.formula } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null && cell.value !== undefined) xc.value = cell.value;
      const col = table.columns[ci];
      applyCell(xc, cell, { ...styleOf(col), bold: true }, cell.numberFormat ?? col?.numberFormat, o);
    });
  }
  table.columns.forEach((c, ci) => {
    const col = ws.getColumn(table.origin.col + ci + 1);
    if (c.width) col.width = c.width;
    if (c.hidden) col.hidden = true;
  });
  const span = Math.max(rows.length, MIN_FORMAT_ROWS);
  const rangeOf = (colKey: string) => {
    const ci = table.columns.findIndex((c) => c.key === colKey);
    if (ci < 0) return undefined;
    const letter = columnLetter(table.origin.col + ci);
    return `${letter}${top + 1}:${letter}${top + span}`;
  };
  const words = WORDS[o.lang];
  for (const dv of table.validations ?? []) {
    const range = rangeOf(dv.column);
    if (!range) continue;
    const base = {
      allowBlank: true,
      showInputMessage: !!dv.prompt,
      promptTitle: words.promptTitle,
      prompt: dv.prompt?.[o.lang],
      showErrorMessage: true,
      errorTitle: words.errorTitle,
    };
    const rule: ExcelJS.DataValidation =
      dv.kind === "list"
        ? { ...base, type: "list", formulae: [dv.source!.replace(/^=/, "")], errorStyle: "warning", error: dv.error?.[o.lang] ?? words.list }
        : { ...base, type: "whole", operator: "greaterThanOrEqual", formulae: [0], errorStyle: "stop", error: dv.error?.[o.lang] ?? words.wholeNumber };
    // ExcelJS 4.4 accepts a range address here (typed as a single address).
    (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
  }
  let priority = 1;
  for (const cf of table.conditionalFormats ?? []) {
    const idx = cf.columns.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const first = columnLetter(table.origin.col + Math.min(...idx));
    const last = columnLetter(table.origin.col + Math.max(...idx));
    const style: Partial<ExcelJS.Style> = {};
    if (cf.numberFormat) style.numFmt = cf.numberFormat;
    else style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: cf.fill } };
    if (cf.fontColor && !cf.numberFormat) style.font = { color: { argb: cf.fontColor } };
    ws.addConditionalFormatting({
      ref: `${first}${top + 1}:${last}${top + span}`,
      rules: [{ type: "expression", priority: priority++, formulae: [cf.formula], style }],
    });
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
  void ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, sort: true, autoFilter: true });
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
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
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
    const cell = fit(c.cell, o);
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
 * missing): the row goes below the ChangeLog table, which is widened to take it in.
 */
export function appendChangeLog(wb: ExcelJS.Workbook, entry: ChangeLogEntry, lang: Lang = "ko", font?: RenderOptions["font"]): void {
  const o: RenderOptions = { lang, font, styles: new Map() };
  const ws = wb.worksheets.find((w) => loadedTable(w, CHANGE_LOG_TABLE));
  if (!ws) {
    addSheet(wb, changeLogSheet([entry], lang), o);
    return;
  }
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
}

/** Renders the spec and writes it through a temporary file renamed over `file` (safe-write.ts). */
export async function writeWorkbookFile(spec: WorkbookSpec, file: string): Promise<void> {
  const wb = renderWorkbook(spec);
  await writeFileSafely(file, (out) => wb.xlsx.write(out));
}
