/**
 * A SheetSpec laid out as cells for the direct .xlsx writer: every cell's value or formula,
 * style index, note and link, and the sheet's columns, row heights, merges, tables,
 * validations, conditional formats, page setup and protection. The rules are render-rules.ts,
 * the same as the ExcelJS renderer's; a test compares the two writers' files cell by cell.
 */
import type { CellBox } from "../core/a1";
import type { CellSpec, CellValue, PageSetupSpec, SheetSpec, TableSpec } from "../workbook/workbook-model";
import { a1 } from "../workbook/workbook-model";
import { sheetUnlocks } from "../workbook/protection";
import { bodyRows, bodyStyle, cellStyle, columnRange, fit, formatRange, formatRows, headerStyle, isLink, linkLocation, validationRule, type Lang, type ValidationRule } from "./render-rules";
import type { StyleTable } from "./ooxml-styles";

export interface GridCell {
  value: CellValue;
  formula?: string;
  /** The formula's cached result, where the writer knows it. */
  result?: CellValue;
  xf: number;
  note?: string;
  /** "'Sheet'!A1" */
  link?: string;
}

export interface GridTable {
  name: string;
  ref: string;
  /** Header row to the last body row (the totals row left out). */
  filterRef: string;
  columns: string[];
  /** Per column, with a totals row: its label or "none". */
  totals?: Array<{ label?: string }>;
}

export interface GridSheet {
  name: string;
  /** rows[r][c], 0-based. */
  rows: Array<Array<GridCell | undefined> | undefined>;
  heights: Map<number, number>;
  cols: Map<number, { width?: number; hidden?: boolean }>;
  merges: CellBox[];
  freezeRows?: number;
  tables: GridTable[];
  validations: Array<{ sqref: string; rule: ValidationRule }>;
  formats: Array<{ sqref: string; formula: string; priority: number; dxf: number }>;
  pageSetup?: PageSetupSpec;
  protect: boolean;
}

export interface GridOptions {
  lang: Lang;
  styles: StyleTable;
  /** Cached results of formula cells by A1 address, for this sheet. */
  results?: ReadonlyMap<string, CellValue>;
}

class Grid {
  readonly sheet: GridSheet;
  constructor(
    name: string,
    private readonly o: GridOptions,
  ) {
    this.sheet = { name, rows: [], heights: new Map(), cols: new Map(), merges: [], tables: [], validations: [], formats: [], protect: false };
  }

  get(row: number, col: number): GridCell | undefined {
    return this.sheet.rows[row]?.[col];
  }

  put(row: number, col: number, cell: GridCell): void {
    const rows = this.sheet.rows;
    const r = rows[row] ?? (rows[row] = []);
    r[col] = cell;
  }

  /**
   * A spec cell at (row, col) with a base style and number format. `plainXf` gives the style
   * index of a cell with no look of its own (no style, link or line break) by its number
   * format: most cells of a column share one, found without building its key.
   */
  cell(row: number, col: number, cell: CellSpec, base: Parameters<typeof cellStyle>[1], fmt: string | undefined, plainXf?: (fmt: string | undefined) => number): void {
    const out: GridCell = { value: null, xf: 0 };
    if (cell.formula !== undefined) {
      out.formula = cell.formula;
      const result = this.o.results?.get(a1(row, col));
      if (result !== undefined) out.result = result;
    } else out.value = cell.value ?? null;
    if (cell.hyperlink && isLink(cell)) out.link = linkLocation(cell);
    const plain = plainXf && !cell.style && !cell.hyperlink && !(typeof cell.value === "string" && cell.value.includes("\n"));
    out.xf = plain ? plainXf(fmt) : this.o.styles.xf({ style: cellStyle(cell, base), numFmt: fmt, underline: !!cell.hyperlink });
    if (cell.note) out.note = cell.note;
    this.put(row, col, out);
  }
}

function addTable(g: Grid, table: TableSpec, o: GridOptions): void {
  const rows = bodyRows(table, o.lang);
  const { row: top, col: left } = table.origin;
  table.columns.forEach((c, ci) => {
    const cell: GridCell = { value: c.header.ko, xf: o.styles.xf({ style: headerStyle(c) }) };
    if (c.headerNote) cell.note = c.headerNote[o.lang];
    g.put(top, left + ci, cell);
  });
  const bases = table.columns.map((c) => {
    const style = bodyStyle(c);
    const byFormat = new Map<string | undefined, number>();
    const plainXf = (fmt: string | undefined) => {
      let xf = byFormat.get(fmt);
      if (xf === undefined) byFormat.set(fmt, (xf = o.styles.xf({ style, numFmt: fmt })));
      return xf;
    };
    return { style, plainXf };
  });
  const plainBase = bodyStyle(undefined);
  for (let ri = 0; ri < rows.length; ri++) {
    const r = rows[ri];
    for (let ci = 0; ci < r.length; ci++) {
      const cell = r[ci];
      const base = bases[ci];
      g.cell(top + 1 + ri, left + ci, cell, base?.style ?? plainBase, cell.numberFormat ?? table.columns[ci]?.numberFormat, base?.plainXf);
    }
  }
  const last = top + rows.length + (table.totals ? 1 : 0);
  if (table.totals) {
    table.totals.forEach((cell, ci) => {
      const col = table.columns[ci];
      g.cell(last, left + ci, cell, { ...bodyStyle(col), bold: true }, cell.numberFormat ?? col?.numberFormat);
    });
  }
  table.columns.forEach((c, ci) => {
    const prev = g.sheet.cols.get(left + ci) ?? {};
    g.sheet.cols.set(left + ci, { width: c.width ?? prev.width, hidden: c.hidden || prev.hidden });
  });
  const right = left + table.columns.length - 1;
  g.sheet.tables.push({
    name: table.name,
    ref: `${a1(top, left)}:${a1(last, right)}`,
    filterRef: `${a1(top, left)}:${a1(top + rows.length, right)}`,
    columns: table.columns.map((c) => c.header.ko),
    totals: table.totals?.map((t) => (t.formula === undefined && typeof t.value === "string" ? { label: t.value } : {})),
  });
  const span = formatRows(table, rows.length);
  for (const dv of table.validations ?? []) {
    const sqref = columnRange(table, dv.column, span);
    if (sqref) g.sheet.validations.push({ sqref, rule: validationRule(dv, o.lang) });
  }
  let priority = 1;
  for (const cf of table.conditionalFormats ?? []) {
    const sqref = formatRange(table, cf.columns, span);
    if (!sqref) continue;
    const dxf = o.styles.dxf(cf.numberFormat ? { numFmt: cf.numberFormat } : { fill: cf.fill, fontColor: cf.fontColor });
    g.sheet.formats.push({ sqref, formula: cf.formula, priority: priority++, dxf });
  }
}

/** Unlocks every cell of the boxes (empty ones get a cell holding only the unlocked style). */
function unlock(g: Grid, boxes: readonly CellBox[], o: GridOptions): void {
  for (const box of boxes) {
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        const cell = g.get(r, c);
        if (cell) cell.xf = o.styles.unlocked(cell.xf);
        else g.put(r, c, { value: null, xf: o.styles.unlocked(0) });
      }
    }
  }
}

export function gridSheet(sheet: SheetSpec, o: GridOptions): GridSheet {
  const g = new Grid(sheet.name, o);
  for (const t of sheet.tables) addTable(g, t, o);
  for (const c of sheet.cells ?? []) {
    const cell = fit(c.cell, o.lang);
    g.cell(c.row, c.col, cell, undefined, cell.numberFormat);
  }
  g.sheet.merges = (sheet.merges ?? []).map((m) => ({ ...m }));
  for (const h of sheet.rowHeights ?? []) g.sheet.heights.set(h.row, h.height);
  g.sheet.freezeRows = sheet.freezeRows;
  g.sheet.pageSetup = sheet.pageSetup;
  if (sheet.protection?.enabled) {
    g.sheet.protect = true;
    unlock(g, sheetUnlocks(sheet).unlocked, o);
  }
  return g.sheet;
}
