/**
 * A test double of the subset of the Excel JavaScript API that jobplan uses, behaving like
 * Office.js where it matters for correctness and performance. Each behaviour and where it
 * comes from (the module that models it says more):
 *
 * - objects are proxies; methods and property writes are queued and applied, in order, only
 *   at `context.sync()`; reading a property that was not `load()`ed and synced throws
 *   (PropertyNotLoaded); `getItem` of a missing object fails the sync (ItemNotFound);
 *   `*OrNullObject` gives `isNullObject` after a sync, and loading a null object loads
 *   nothing ("Excel JavaScript object model in Office Add-ins", "*OrNullObject methods");
 * - a string written to `values`/`formulas` that starts with "=" (or "+"/"-" followed by a
 *   non-number) becomes a formula, numeric text becomes a number, a leading apostrophe keeps
 *   the rest as text, and a cell formatted "@" keeps text as typed (Range.values);
 * - a sync whose request or response passes `payloadLimitBytes` fails, like Excel on the
 *   web's 5 MB limit ("Resource limits and performance optimization for Office Add-ins");
 *   request bytes are counted per call as Microsoft's client sends them (core.ts
 *   REQUEST_COST, measured with excel-web-16.00.js; request-bytes.test.ts), responses as the
 *   JSON of what was loaded;
 * - calculated columns: Excel autofills table columns that get different formulas, propagates
 *   an edit of a calculated column, fills new rows (office-js #5909, #2093, #1916, #6745;
 *   fake/calculated-columns.ts), and records every autofill;
 * - calls that clear the user's undo stack are recorded ("Undo support with the Excel
 *   JavaScript API"; fake/undo-stack.ts);
 * - manual calculation shows the values of the last calculation until Application.calculate
 *   (Excel.CalculationMode; fake/application.ts);
 * - names.add may store a table reference as a fixed range (office-js #740; fake/names.ts);
 * - getRanges refuses addresses over 8,192 characters (office-js #5198; fake/range-areas.ts);
 * - TableRow.delete fails on a filtered table (office-js #994; fake/tables.ts);
 * - tables.add without a sheet name uses the active sheet (TableCollection.add; fake/tables.ts).
 *
 * Formulas are not evaluated: a formula cell reads back `""` from `values` unless an
 * `evaluate` hook is given. No Node APIs: the browser test harness bundles this file.
 *
 * This module is the public surface for tests; the proxies live in fake/: core.ts (state,
 * addresses, the proxy machinery), range.ts, range-areas.ts, tables.ts, workbook.ts
 * (worksheets, charts), names.ts, application.ts (calculation, settings), and the models
 * calculated-columns.ts and undo-stack.ts.
 */
import {
  coerce,
  colIndex,
  Ctx,
  findSheet,
  findTable,
  key,
  liveSheets,
  localAddress,
  boxAddress,
  newSheet,
  parseCellRef,
  parseLocal,
  usedBox,
  type FakeCell,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeValidation,
  type FakeValue,
  type Evaluate,
  type WorkbookState,
} from "./fake/core";
import { FakeWorkbook } from "./fake/workbook";
import type { Autofill } from "./fake/calculated-columns";
import type { UndoClearingCall } from "./fake/undo-stack";
import { cellValue, recalculate } from "./fake/application";
import { isLocked } from "./fake/protection";

export type { Autofill, AutofillRule } from "./fake/calculated-columns";
export type { Platform, UndoClearingCall } from "./fake/undo-stack";
export { FakeOfficeError, type FakeCell, type FakeChart, type FakeConditionalFormat, type FakeValidation, type FakeValue } from "./fake/core";

import type { ExcelRun } from "../../src/excel/adapter";
import { columnLetter } from "../../src/workbook/workbook-model";

// ---------------------------------------------------------------------------------------
// Public surface for tests

export interface FakeSheetView {
  name: string;
  exists: boolean;
  visibility: string;
  freezeRows: number;
  /** Value of a cell ("" when empty; for a formula cell, the formula's cached value). */
  value(a1: string): FakeValue;
  /** "=..." for a formula cell, else the value. */
  formula(a1: string): FakeValue;
  numberFormat(a1: string): string;
  fill(a1: string): string | undefined;
  /** Test set-up: writes as a user typing would (formula text becomes a formula). */
  set(a1: string, input: FakeValue): void;
  setFill(a1: string, color: string | undefined): void;
  /** Every non-empty cell: "A1" -> {value, formula, numberFormat, fill}. */
  snapshot(): Record<string, FakeCell>;
  usedRange(): string | undefined;
  /** Values of a block, e.g. "A1:C3". */
  values(address: string): FakeValue[][];
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  /** The whole cell as stored (formats, link), or undefined. */
  cell(a1: string): FakeCell | undefined;
  /** Font name and size set on the whole sheet. */
  sheetFormat: { fontName?: string; fontSize?: number };
  /** Row height in points of a 1-based row, if set. */
  rowHeight(row: number): number | undefined;
  columnHidden(letter: string): boolean;
  columnWidth(letter: string): number | undefined;
  /** Merged areas as A1 ranges. */
  merges: string[];
  /** Notes by cell. */
  notes: Record<string, string>;
  pageLayout: Record<string, unknown>;
  protection: { protected: boolean; options?: Record<string, unknown> };
  /** Whether a cell is locked (Range.format.protection.locked; locked by default). */
  locked(a1: string): boolean;
}

export interface FakeExcel {
  run: ExcelRun;
  syncCount(): number;
  /** Every calculated-column autofill Excel did so far (fake/calculated-columns.ts). */
  autofills(): Autofill[];
  resetSyncCount(): void;
  /** Calls that cleared the user's undo stack, with where they clear it (fake/undo-stack.ts). */
  undoClearingCalls(): UndoClearingCall[];
  /** Formatting calls queued so far, by API ("RangeAreas.format.fill.color" ...), oldest first. */
  calls(): string[];
  /** Forgets the calls recorded so far (undo-clearing and formatting). */
  resetCalls(): void;
  /** Application.calculate calls so far, by type. */
  calculations(): string[];
  /** Test set-up, as the user would in Excel: switching to Manual keeps the values calculated now. */
  setCalculationMode(mode: "Automatic" | "Manual"): void;
  /** Test set-up: a filter on the table hides some rows (AutoFilter.isDataFiltered). */
  filterTable(name: string, filtered: boolean): void;
  /** Test set-up: the user protects a sheet (Review › Protect Sheet), no cell unlocked. */
  protectSheet(name: string): void;
  /** Document settings (SettingCollection). */
  settings(): Record<string, unknown>;
  /** Estimated bytes of the last / largest request. */
  lastRequestBytes(): number;
  maxRequestBytes(): number;
  /** Estimated bytes of the largest response (JSON of what was loaded). */
  maxResponseBytes(): number;
  sheet(name: string): FakeSheetView;
  sheetNames(opts?: { includeHidden?: boolean }): string[];
  tableNames(): string[];
  /** "Sheet!A1:D10" of a table, or undefined. */
  tableAddress(name: string): string | undefined;
  names(): Array<{ name: string; formula: string; comment?: string }>;
  selection(): { sheet: string; address: string } | undefined;
  addSheet(name: string): FakeSheetView;
  /** A table created as a user would, for set-up. */
  addTable(sheet: string, address: string, name: string): void;
  /** Every cell of every sheet, for before/after comparisons. */
  snapshotAll(): Record<string, Record<string, FakeCell>>;
  /** Header texts of a table. */
  tableHeaders(name: string): string[];
  /**
   * Test set-up: replaces a table's body with `rows` as a user would type them (the totals
   * row, if any, moves below). Returns the table's new address.
   */
  setTableBody(name: string, rows: FakeValue[][]): string;
}

export interface FakeExcelOptions {
  /** Request/response limit per sync (default 5 MB, as Excel on the web). */
  payloadLimitBytes?: number;
  /** Sheets that exist at the start (default ["Sheet1"]). */
  sheets?: string[];
  /**
   * Excel's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by
   * default in Excel, and here): off, API writes never autofill (fake/calculated-columns.ts).
   */
  calculatedColumns?: boolean;
  /** Evaluates formulas when their values are read (default: "" for every formula). */
  evaluate?: Evaluate;
  /** Application.calculationMode at the start (default "Automatic"). */
  calculationMode?: "Automatic" | "AutomaticExceptTables" | "Manual";
  /** Model office-js #740: names.add stores table references as fixed ranges (fake/names.ts). */
  freezeTableRefsInNames?: boolean;
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const state: WorkbookState = {
    sheets: [],
    tables: [],
    names: [],
    nextId: 1,
    syncs: 0,
    payloadLimitBytes: options.payloadLimitBytes ?? 5 * 1024 * 1024,
    lastRequestBytes: 0,
    lastResponseBytes: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    evaluate: options.evaluate,
    log: [],
    calculatedColumns: options.calculatedColumns ?? true,
    autofills: [],
    undoClearing: [],
    calculationMode: options.calculationMode ?? "Automatic",
    calculations: [],
    settings: new Map(),
    freezeTableRefsInNames: options.freezeTableRefsInNames ?? false,
  };
  for (const n of options.sheets ?? ["Sheet1"]) newSheet(state, n);

  const run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(state);
    ctx.workbook = new FakeWorkbook(ctx);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    // Excel.run flushes what is still queued when the batch returns.
    if (ctx.queue.length) await ctx.sync();
    return result;
  };

  const view = (name: string): FakeSheetView => {
    const get = () => findSheet(state, name, false);
    const must = () => {
      const s = get();
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    };
    const cellAt = (a1: string) => {
      const { r, c } = parseCellRef(a1);
      return must().cells.get(key(r, c));
    };
    return {
      name,
      get exists() {
        return !!get();
      },
      get visibility() {
        return must().visibility;
      },
      get freezeRows() {
        return must().freezeRows;
      },
      value: (a1) => {
        const cell = cellAt(a1);
        if (!cell) return "";
        if (cell.formula !== undefined) {
          const { r, c } = parseCellRef(a1);
          return cellValue(state, name, r, c, cell.formula, cell.cached);
        }
        return cell.value;
      },
      formula: (a1) => {
        const cell = cellAt(a1);
        return cell ? (cell.formula ?? cell.value) : "";
      },
      numberFormat: (a1) => cellAt(a1)?.numberFormat ?? "General",
      fill: (a1) => cellAt(a1)?.fill,
      set: (a1, input) => {
        const { r, c } = parseCellRef(a1);
        const s = must();
        const cell = s.cells.get(key(r, c)) ?? { value: "" };
        const v = coerce(input, cell.numberFormat);
        cell.value = v.value;
        if (v.formula !== undefined) cell.formula = v.formula;
        else delete cell.formula;
        s.cells.set(key(r, c), cell);
      },
      setFill: (a1, color) => {
        const { r, c } = parseCellRef(a1);
        const s = must();
        const cell = s.cells.get(key(r, c)) ?? { value: "" };
        if (color) cell.fill = color;
        else delete cell.fill;
        s.cells.set(key(r, c), cell);
      },
      snapshot: () => {
        const out: Record<string, FakeCell> = {};
        const s = get();
        if (!s) return out;
        const entries = [...s.cells.entries()].sort((a, b) => {
          const [ra, ca] = a[0].split(",").map(Number);
          const [rb, cb] = b[0].split(",").map(Number);
          return ra - rb || ca - cb;
        });
        for (const [k, cell] of entries) {
          if (cell.value === "" && cell.formula === undefined && !cell.fill && !cell.numberFormat && !cell.bold && !cell.fontColor) continue;
          const [r, c] = k.split(",").map(Number);
          out[`${columnLetter(c)}${r + 1}`] = { ...cell };
        }
        return out;
      },
      usedRange: () => {
        const s = get();
        const b = s && usedBox(s, true);
        return b ? localAddress(b) : undefined;
      },
      values: (address) => {
        const b = parseLocal(address);
        const s = must();
        const out: FakeValue[][] = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row: FakeValue[] = [];
          for (let c = b.c0; c <= b.c1; c++) {
            const cell = s.cells.get(key(r, c));
            row.push(!cell ? "" : cell.formula !== undefined ? cellValue(state, name, r, c, cell.formula, cell.cached) : cell.value);
          }
          out.push(row);
        }
        return out;
      },
      get validations() {
        return must().validations;
      },
      get conditionalFormats() {
        return must().conditionalFormats;
      },
      get charts() {
        return must().charts;
      },
      cell: (a1) => cellAt(a1),
      get sheetFormat() {
        return { ...must().sheetFormat };
      },
      rowHeight: (row) => must().rowHeights.get(row - 1),
      columnHidden: (letter) => must().hiddenColumns.has(colIndex(letter)),
      columnWidth: (letter) => must().columnWidths.get(colIndex(letter)),
      get merges() {
        return must().merges.map((m) => localAddress(m));
      },
      get notes() {
        return Object.fromEntries(must().notes);
      },
      get pageLayout() {
        return { ...must().pageLayout };
      },
      get protection() {
        return { ...must().protection };
      },
      locked: (a1) => {
        const { r, c } = parseCellRef(a1);
        return isLocked(must(), r, c);
      },
    };
  };

  return {
    run,
    syncCount: () => state.syncs,
    autofills: () => state.autofills.map((a) => ({ ...a, cells: [...a.cells], overwrote: [...a.overwrote] })),
    undoClearingCalls: () => state.undoClearing.map((c) => ({ ...c })),
    resetCalls: () => {
      state.undoClearing = [];
      state.log = [];
    },
    calls: () => [...state.log],
    calculations: () => [...state.calculations],
    setCalculationMode: (mode) => {
      if (mode === "Manual" && state.calculationMode !== "Manual") recalculate(state);
      state.calculationMode = mode;
    },
    filterTable: (name, filtered) => void (findTable(state, name, true)!.filtered = filtered),
    protectSheet: (name) => void (findSheet(state, name, true)!.protection = { protected: true, options: {} }),
    settings: () => Object.fromEntries(state.settings),
    resetSyncCount: () => {
      state.syncs = 0;
      state.maxRequestBytes = 0;
      state.maxResponseBytes = 0;
    },
    lastRequestBytes: () => state.lastRequestBytes,
    maxRequestBytes: () => state.maxRequestBytes,
    maxResponseBytes: () => state.maxResponseBytes,
    sheet: view,
    sheetNames: (opts) =>
      liveSheets(state)
        .filter((s) => opts?.includeHidden || s.visibility === "Visible")
        .map((s) => s.name),
    tableNames: () => state.tables.filter((t) => !t.deleted).map((t) => t.name),
    tableAddress: (name) => {
      const t = findTable(state, name, false);
      return t ? boxAddress({ sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 }) : undefined;
    },
    names: () => state.names.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
    selection: () => state.selection,
    addSheet: (name) => {
      newSheet(state, name);
      return view(name);
    },
    addTable: (sheet, address, name) => {
      const s = findSheet(state, sheet, true)!;
      state.tables.push({ name, sheet: s, ...parseLocal(address) });
    },
    tableHeaders: (name) => {
      const t = findTable(state, name, true)!;
      const out: string[] = [];
      for (let c = t.c0; c <= t.c1; c++) out.push(String(t.sheet.cells.get(key(t.r0, c))?.value ?? ""));
      return out;
    },
    setTableBody: (name, rows) => {
      const t = findTable(state, name, true)!;
      const cells = t.sheet.cells;
      const totals: Array<FakeCell | undefined> = [];
      if (t.totals) for (let c = t.c0; c <= t.c1; c++) totals.push(cells.get(key(t.r1, c)));
      for (let r = t.r0 + 1; r <= t.r1; r++) for (let c = t.c0; c <= t.c1; c++) cells.delete(key(r, c));
      const body = rows.length ? rows : [[]];
      body.forEach((row, i) => {
        for (let c = t.c0; c <= t.c1; c++) {
          const v = coerce(row[c - t.c0] ?? "", undefined);
          if (v.value === "" && v.formula === undefined) continue;
          cells.set(key(t.r0 + 1 + i, c), v.formula !== undefined ? { value: "", formula: v.formula } : { value: v.value });
        }
      });
      t.r1 = t.r0 + body.length;
      if (t.totals) {
        t.r1 += 1;
        totals.forEach((cell, i) => {
          if (cell) cells.set(key(t.r1, t.c0 + i), cell);
        });
      }
      return boxAddress({ sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 });
    },
    snapshotAll: () => {
      const out: Record<string, Record<string, FakeCell>> = {};
      for (const s of liveSheets(state)) out[s.name] = view(s.name).snapshot();
      return out;
    },
  };
}
