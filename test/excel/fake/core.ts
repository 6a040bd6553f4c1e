/**
 * The double's machinery: its state (sheets, cells, tables, names), addresses, what Excel
 * stores for a written value, and the proxy objects that queue work until `context.sync()`.
 */
import { columnLetter } from "../../../src/workbook/workbook-model";
import type { Autofill } from "./calculated-columns";
import type { UndoClearingCall } from "./undo-stack";

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** A formula's value as of the last calculation (what manual calculation mode shows). */
  cached?: FakeValue;
  fontName?: string;
  fontSize?: number;
  underline?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  /** The cell's border sides as set (inside borders become the inner cells' sides). */
  borders?: Partial<Record<"top" | "bottom" | "left" | "right", { style?: string; color?: string; weight?: string }>>;
  /** Range.hyperlink (ExcelApi 1.7). */
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

/** Formatting that a new table row takes from the row above (fake/tables.ts) and copyFrom "Formats" copies. */
export const STYLE_FIELDS = ["numberFormat", "fill", "fontColor", "bold", "fontName", "fontSize", "underline", "horizontal", "vertical", "wrap", "borders"] as const;

export interface FakeValidation {
  address: string;
  rule: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  numberFormat?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  categories?: string;
  /** Series names set through chart.series (ChartSeries.name). */
  seriesNames?: string[];
  position?: [string, string?];
}

export interface SheetState {
  id: number;
  name: string;
  visibility: string;
  position: number;
  cells: Map<string, FakeCell>;
  freezeRows: number;
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
  columnWidths: Map<number, number>;
  /** Formats set on the whole sheet (font name and size; fake/format.ts). */
  sheetFormat: { fontName?: string; fontSize?: number };
  /** Row heights in points, 0-based rows. */
  rowHeights: Map<number, number>;
  /** Hidden columns, 0-based. */
  hiddenColumns: Set<number>;
  /** Merged areas. */
  merges: Array<{ r0: number; c0: number; r1: number; c1: number }>;
  /** Notes (ExcelApi 1.18) by A1 address. */
  notes: Map<string, string>;
  /** Worksheet.pageLayout (ExcelApi 1.9) as set: property -> value. */
  pageLayout: Record<string, unknown>;
  /** WorksheetProtection (fake/protection.ts). */
  protection: { protected: boolean; options?: Record<string, unknown> };
  /** Range.format.protection.locked assignments, in order; the last covering a cell wins (default locked). */
  lockRanges: Array<{ r0: number; c0: number; r1: number; c1: number; locked: boolean }>;
  deleted?: boolean;
}

export interface TableState {
  name: string;
  sheet: SheetState;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  style?: string;
  /** Table.showBandedRows as set (undefined: the style's default). */
  bandedRows?: boolean;
  /** The last row (r1) is a totals row. */
  totals?: boolean;
  deleted?: boolean;
  /** A filter hides some of its rows (AutoFilter.isDataFiltered). */
  filtered?: boolean;
}

export interface NameState {
  name: string;
  formula: string;
  comment?: string;
  visible: boolean;
}

export interface Box {
  sheet: SheetState;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export class FakeOfficeError extends Error {
  code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.code = code;
    this.name = "OfficeExtension.Error";
  }
}

// ---------------------------------------------------------------------------------------
// Addresses

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseCellRef(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new FakeOfficeError("InvalidArgument", `bad cell reference ${ref}`);
  return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
}

/** "A1:C3" (sheet part stripped) to a box. Whole columns/rows are not supported. */
export function parseLocal(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const cols = /^\$?([A-Za-z]+):\$?([A-Za-z]+)$/.exec(local);
  if (cols) return { r0: 0, c0: colIndex(cols[1]), r1: 1048575, c1: colIndex(cols[2]) };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16383 };
  const [a, b] = local.split(":");
  const p = parseCellRef(a);
  const q = b ? parseCellRef(b) : p;
  return { r0: Math.min(p.r, q.r), c0: Math.min(p.c, q.c), r1: Math.max(p.r, q.r), c1: Math.max(p.c, q.c) };
}

export function sheetPrefix(name: string): string {
  return /^[A-Za-z_\u3131-\uD79D][A-Za-z0-9_.\u3131-\uD79D]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function localAddress(b: { r0: number; c0: number; r1: number; c1: number }): string {
  const a = `${columnLetter(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${columnLetter(b.c1)}${b.r1 + 1}`;
}

export function boxAddress(b: Box): string {
  return `${sheetPrefix(b.sheet.name)}!${localAddress(b)}`;
}

export const key = (r: number, c: number) => `${r},${c}`;

// ---------------------------------------------------------------------------------------
// State

/**
 * Computes a formula cell's value (tests only; the double has no formula engine). `value`
 * reads another cell of the same sheet as Excel would show it.
 */
export type Evaluate = (sheet: string, address: string, formula: string, value: (address: string) => FakeValue) => FakeValue;

export interface WorkbookState {
  sheets: SheetState[];
  tables: TableState[];
  names: NameState[];
  nextId: number;
  syncs: number;
  selection?: { sheet: string; address: string };
  activeSheet?: SheetState;
  payloadLimitBytes: number;
  lastRequestBytes: number;
  lastResponseBytes: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  evaluate?: Evaluate;
  log: string[];
  /** Excel's AutoCorrect "Fill formulas in tables to create calculated columns" (default on). */
  calculatedColumns: boolean;
  /** Every calculated-column autofill, in order (calculated-columns.ts). */
  autofills: Autofill[];
  /** Calls that cleared the user's undo stack (undo-stack.ts). */
  undoClearing: UndoClearingCall[];
  /** Application.calculationMode (application.ts). */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual";
  /** Application.calculate calls, by calculation type. */
  calculations: string[];
  /** Document settings (SettingCollection, ExcelApi 1.4). */
  settings: Map<string, unknown>;
  /** Excel froze table references of names added with names.add (office-js #740). */
  freezeTableRefsInNames: boolean;
}

export function liveSheets(s: WorkbookState): SheetState[] {
  return s.sheets.filter((x) => !x.deleted).sort((a, b) => a.position - b.position);
}

export function newSheet(s: WorkbookState, name: string): SheetState {
  if (liveSheets(s).some((x) => x.name.toLowerCase() === name.toLowerCase()))
    throw new FakeOfficeError("ItemAlreadyExists", `sheet ${name} exists`);
  if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new FakeOfficeError("InvalidArgument", `bad sheet name ${name}`);
  const sheet: SheetState = {
    id: s.nextId++,
    name,
    visibility: "Visible",
    position: liveSheets(s).length,
    cells: new Map(),
    freezeRows: 0,
    validations: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: new Map(),
    sheetFormat: {},
    rowHeights: new Map(),
    hiddenColumns: new Set(),
    merges: [],
    notes: new Map(),
    pageLayout: {},
    protection: { protected: false },
    lockRanges: [],
  };
  s.sheets.push(sheet);
  return sheet;
}

export const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/** What Excel stores when `input` is written to a cell, given the cell's number format. */
export function coerce(input: unknown, numberFormat: string | undefined): { value: FakeValue; formula?: string } {
  if (input === null || input === undefined) return { value: "" };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const s = String(input);
  if (s === "") return { value: "" };
  if (s.startsWith("'")) return { value: s.slice(1) };
  if (numberFormat === "@") return { value: s };
  if (s.startsWith("=") && s.length > 1) return { value: "", formula: s };
  const t = s.trim();
  if (t !== "" && /\d/.test(t) && NUMERIC.test(t)) return { value: Number(t.replace(/,/g, "")) };
  if ((s.startsWith("+") || s.startsWith("-")) && s.length > 1) return { value: "", formula: s };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  return { value: s };
}

// ---------------------------------------------------------------------------------------
// Proxy machinery

export type Op = () => void;

/**
 * Request bytes per call, measured with Microsoft's client (excel-web-16.00.js, loaded in
 * Node by test/excel/real-client.ts: the bytes one more such call adds to a batch). The
 * double adds each call's data (JSON) on top; request-bytes.test.ts checks whole batches
 * against the real client.
 */
export const REQUEST_COST = {
  /** Every sync: the request envelope and the root objects. */
  batch: 400,
  /** A range (or other object) fetched and one property set, method called or load queued. */
  call: 265,
  /** range.format.fill / .font: two more objects on the path. */
  format: 525,
  /** rows.add(index) on a collection already in the batch. */
  rowAdd: 175,
  /** rows.getItemAt(i).delete(). */
  rowDelete: 260,
  /** names.add, settings.add, worksheets.add. */
  add: 172,
  /** worksheet.activate(), freezePanes.freezeRows(n): no new range. */
  sheetCall: 95,
  /** range.copyFrom(source): the source range too. */
  copyFrom: 495,
  /** A property set on an object created earlier in the batch (format of a conditional format). */
  followUp: 130,
  /** protection.protect() / unprotect() on a worksheet already in the batch. */
  protect: 150,
  /** A page layout property or method on a worksheet already in the batch. */
  pageLayout: 200,
  /** notes.add(address, text) on a worksheet already in the batch. */
  note: 200,
} as const;

/** What tables need of a worksheet proxy. */
export interface SheetHandle {
  _sheet(): SheetState;
  _loadNow(prop: string): void;
  readonly name: string;
}

export class Ctx {
  queue: Op[] = [];
  nullables: Array<FakeProxy> = [];
  requestBytes = 0;
  responseBytes = 0;
  /** The FakeWorkbook (workbook.ts sets it; core does not depend on it). */
  workbook: unknown;
  /** Makes a worksheet proxy (workbook.ts sets it, so tables need not import worksheets). */
  makeWorksheet!: (resolve: () => SheetState | undefined) => SheetHandle;
  trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(public state: WorkbookState) {}
  /**
   * Queues a call: its request bytes are `base` (the call and the object path it needs, as
   * REQUEST_COST gives them) plus `payload` (its data as JSON).
   */
  enqueue(op: Op, payload = 0, base: number = REQUEST_COST.call) {
    this.queue.push(op);
    this.requestBytes += base + payload;
  }
  async sync(): Promise<void> {
    const s = this.state;
    s.syncs++;
    const ops = this.queue;
    const req = this.queue.length ? REQUEST_COST.batch + this.requestBytes : 0;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    s.lastRequestBytes = req;
    s.maxRequestBytes = Math.max(s.maxRequestBytes, req);
    if (req > s.payloadLimitBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ~${req} bytes`);
    }
    await Promise.resolve();
    for (const op of ops) op();
    for (const p of this.nullables.splice(0)) p._settleNull();
    s.lastResponseBytes = this.responseBytes;
    s.maxResponseBytes = Math.max(s.maxResponseBytes, this.responseBytes);
    if (this.responseBytes > s.payloadLimitBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ~${this.responseBytes} bytes`);
    }
  }
}

export abstract class FakeProxy {
  protected _loaded: Record<string, unknown> = {};
  protected _isNull: boolean | undefined;
  protected _nullable = false;
  constructor(public context: Ctx) {}

  /** Properties load() fetches when called without arguments. */
  protected abstract _scalarProps(): string[];
  protected abstract _read(prop: string): unknown;

  protected _get<T>(prop: string): T {
    if (!(prop in this._loaded)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this._loaded[prop] as T;
  }

  protected _set(prop: string, value: unknown, apply: () => void) {
    const bytes = estimateBytes(value);
    this.context.enqueue(() => {
      this._assertLive();
      apply();
    }, bytes);
    void prop;
  }

  protected _assertLive() {
    /* overridden where an object can be null */
  }

  load(props?: string | string[] | { select?: string }): this {
    let list: string[];
    if (props === undefined) list = this._scalarProps();
    else if (typeof props === "string") list = props.split(",");
    else if (Array.isArray(props)) list = props;
    else list = (props.select ?? "").split(",");
    list = list.map((p) => p.trim()).filter(Boolean);
    this.context.enqueue(() => {
      try {
        this._assertLive();
      } catch (err) {
        // Loading a null object (from *OrNullObject) loads nothing; isNullObject tells.
        if (this._nullable) return;
        throw err;
      }
      for (const p of list) this._loadPath(p);
    });
    return this;
  }

  protected _loadPath(path: string) {
    const value = this._read(path);
    this._loaded[path] = value;
    this.context.responseBytes += estimateBytes(value);
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw new FakeOfficeError("PropertyNotLoaded", "isNullObject needs context.sync()");
    return this._isNull;
  }

  _settleNull() {
    /* overridden */
  }

  toJSON() {
    return { ...this._loaded };
  }
}

/** UTF-8 bytes of the value as JSON (Korean text is 3 bytes a character). */
export function estimateBytes(value: unknown): number {
  if (value === undefined) return 8;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return 64;
  }
  if (json === undefined) return 8;
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

export function findSheet(st: WorkbookState, name: string, required: boolean): SheetState | undefined {
  const sh = liveSheets(st).find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!sh && required) throw new FakeOfficeError("ItemNotFound", `worksheet ${name}`);
  return sh;
}

/** Resolves once per proxy (an object keeps its identity across renames). */
export function memo<T>(fn: () => T | undefined): () => T | undefined {
  let done = false;
  let v: T | undefined;
  return () => {
    if (!done || v === undefined) {
      v = fn();
      done = v !== undefined;
    }
    return v;
  };
}

export function usedBox(sheet: SheetState, valuesOnly: boolean): Box | undefined {
  let r0 = Infinity,
    c0 = Infinity,
    r1 = -1,
    c1 = -1;
  for (const [k, cell] of sheet.cells) {
    const used = cell.formula !== undefined || cell.value !== "" || (!valuesOnly && (cell.fill || cell.numberFormat || cell.bold));
    if (!used) continue;
    const [r, c] = k.split(",").map(Number);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? undefined : { sheet, r0, c0, r1, c1 };
}

export function findTable(st: WorkbookState, name: string, required: boolean): TableState | undefined {
  const t = st.tables.find((x) => !x.deleted && x.name.toLowerCase() === name.toLowerCase());
  if (!t && required) throw new FakeOfficeError("ItemNotFound", `table ${name}`);
  return t;
}
