/**
 * A test double of the subset of the Excel JavaScript API that jobplan uses, behaving like
 * Office.js where it matters for correctness and performance:
 *
 * - objects are proxies; methods and property writes are queued and applied, in order, only
 *   at `context.sync()`;
 * - reading a property that was not `load()`ed and synced throws (code PropertyNotLoaded);
 * - `getItem` of a missing object fails the sync (ItemNotFound); `*OrNullObject` gives
 *   `isNullObject` after a sync;
 * - a string written to `values`/`formulas` that starts with "=" (or "+"/"-" followed by a
 *   non-number) becomes a formula, numeric text becomes a number, a leading apostrophe keeps
 *   the rest as text, and a cell formatted "@" keeps text as typed;
 * - a sync whose estimated request or response payload passes `payloadLimitBytes` fails
 *   (like Excel on the web's 5 MB limit);
 * - syncs are counted.
 *
 * Formulas are not evaluated: a formula cell reads back `""` from `values` unless an
 * `evaluate` hook is given. No Node APIs: the browser test harness bundles this file.
 */
import type { ExcelRun } from "../../src/excel/adapter";
import { columnLetter } from "../../src/workbook/workbook-model";

export type FakeValue = string | number | boolean;

export interface FakeCell {
  value: FakeValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
}

export interface FakeValidation {
  address: string;
  rule: unknown;
  prompt?: unknown;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  categories?: string;
  position?: [string, string?];
}

interface SheetState {
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
  deleted?: boolean;
}

interface TableState {
  name: string;
  sheet: SheetState;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  style?: string;
  /** The last row (r1) is a totals row. */
  totals?: boolean;
  deleted?: boolean;
}

interface NameState {
  name: string;
  formula: string;
  comment?: string;
  visible: boolean;
}

interface Box {
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

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseCellRef(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new FakeOfficeError("InvalidArgument", `bad cell reference ${ref}`);
  return { r: Number(m[2]) - 1, c: colIndex(m[1]) };
}

/** "A1:C3" (sheet part stripped) to a box. Whole columns/rows are not supported. */
function parseLocal(address: string): { r0: number; c0: number; r1: number; c1: number } {
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

function sheetPrefix(name: string): string {
  return /^[A-Za-z_\u3131-\uD79D][A-Za-z0-9_.\u3131-\uD79D]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function localAddress(b: { r0: number; c0: number; r1: number; c1: number }): string {
  const a = `${columnLetter(b.c0)}${b.r0 + 1}`;
  return b.r0 === b.r1 && b.c0 === b.c1 ? a : `${a}:${columnLetter(b.c1)}${b.r1 + 1}`;
}

function boxAddress(b: Box): string {
  return `${sheetPrefix(b.sheet.name)}!${localAddress(b)}`;
}

const key = (r: number, c: number) => `${r},${c}`;

// ---------------------------------------------------------------------------------------
// State

interface WorkbookState {
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
  evaluate?: (sheet: string, address: string, formula: string) => FakeValue;
  log: string[];
}

function liveSheets(s: WorkbookState): SheetState[] {
  return s.sheets.filter((x) => !x.deleted).sort((a, b) => a.position - b.position);
}

function newSheet(s: WorkbookState, name: string): SheetState {
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
  };
  s.sheets.push(sheet);
  return sheet;
}

const NUMERIC = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/** What Excel stores when `input` is written to a cell, given the cell's number format. */
function coerce(input: unknown, numberFormat: string | undefined): { value: FakeValue; formula?: string } {
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

type Op = () => void;

class Ctx {
  queue: Op[] = [];
  nullables: Array<FakeProxy> = [];
  requestBytes = 0;
  responseBytes = 0;
  workbook: FakeWorkbook;
  trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(public state: WorkbookState) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op, bytes = 16) {
    this.queue.push(op);
    this.requestBytes += bytes;
  }
  async sync(): Promise<void> {
    const s = this.state;
    s.syncs++;
    const ops = this.queue;
    const req = this.requestBytes;
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
    if (this.responseBytes > s.payloadLimitBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ~${this.responseBytes} bytes`);
    }
  }
}

abstract class FakeProxy {
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
      this._assertLive();
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
function estimateBytes(value: unknown): number {
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

// ---------------------------------------------------------------------------------------
// Workbook

class FakeWorkbook {
  worksheets: FakeWorksheetCollection;
  tables: FakeTableCollection;
  names: FakeNamedItemCollection;
  constructor(private ctx: Ctx) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, undefined);
    this.names = new FakeNamedItemCollection(ctx);
  }
  getSelectedRange(): FakeRange {
    const st = this.ctx.state;
    return new FakeRange(this.ctx, () => {
      const sel = st.selection ?? { sheet: liveSheets(st)[0].name, address: "A1" };
      const sheet = liveSheets(st).find((x) => x.name === sel.sheet)!;
      return { sheet, ...parseLocal(sel.address) };
    });
  }
}

class FakeWorksheetCollection extends FakeProxy {
  private _items: FakeWorksheet[] | undefined;
  protected _scalarProps() {
    return ["items/name"];
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadPath(path: string) {
    const sheets = liveSheets(this.context.state);
    const fresh = !this._items || this._items.length !== sheets.length || this._items!.some((x, i) => x._sheet() !== sheets[i]);
    if (fresh) this._items = sheets.map((sh) => new FakeWorksheet(this.context, () => sh));
    const sub = path.startsWith("items/") ? path.slice(6) : path === "items" ? "" : path;
    for (const item of this._items!) if (sub) item._loadNow(sub);
  }
  get items(): FakeWorksheet[] {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "items");
    return this._items;
  }
  add(name?: string): FakeWorksheet {
    let created: SheetState | undefined;
    const st = this.context.state;
    this.context.enqueue(() => {
      created = newSheet(st, name ?? `Sheet${st.nextId}`);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError("InvalidOperation", "sheet not created");
      return created;
    });
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => findSheet(this.context.state, name, true)!);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, () => findSheet(this.context.state, name, false), true);
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.state.activeSheet ?? liveSheets(this.context.state)[0]);
  }
}

function findSheet(st: WorkbookState, name: string, required: boolean): SheetState | undefined {
  const sh = liveSheets(st).find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!sh && required) throw new FakeOfficeError("ItemNotFound", `worksheet ${name}`);
  return sh;
}

/** Resolves once per proxy (an object keeps its identity across renames). */
function memo<T>(fn: () => T | undefined): () => T | undefined {
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

class FakeWorksheet extends FakeProxy {
  private _resolve: () => SheetState | undefined;
  tables: FakeTableCollection;
  charts: FakeChartCollection;
  freezePanes: { freezeRows: (n: number) => void; unfreeze: () => void };
  constructor(ctx: Ctx, resolve: () => SheetState | undefined, nullable = false) {
    super(ctx);
    this._resolve = memo(resolve);
    this._nullable = nullable;
    if (nullable) ctx.nullables.push(this);
    this.tables = new FakeTableCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    this.freezePanes = {
      freezeRows: (n: number) => ctx.enqueue(() => (this._sheet().freezeRows = n)),
      unfreeze: () => ctx.enqueue(() => (this._sheet().freezeRows = 0)),
    };
  }
  _sheet(): SheetState {
    const s = this._resolve();
    if (!s) throw new FakeOfficeError("InvalidOperation", "the worksheet is a null object");
    if (s.deleted) throw new FakeOfficeError("ItemNotFound", `worksheet ${s.name} was deleted`);
    return s;
  }
  override _settleNull() {
    this._isNull = this._resolve() === undefined;
  }
  protected override _assertLive() {
    this._sheet();
  }
  protected _scalarProps() {
    return ["name", "visibility", "position", "id"];
  }
  protected _read(prop: string): unknown {
    const s = this._sheet();
    switch (prop) {
      case "name":
        return s.name;
      case "visibility":
        return s.visibility;
      case "position":
        return liveSheets(this.context.state).indexOf(s);
      case "id":
        return `{sheet-${s.id}}`;
      default:
        throw new FakeOfficeError("InvalidArgument", `unknown worksheet property ${prop}`);
    }
  }
  _loadNow(prop: string) {
    this._loadPath(prop);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => {
      const s = this._sheet();
      if (liveSheets(this.context.state).some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `sheet ${v}`);
      s.name = v;
    });
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._set("visibility", v, () => {
      const s = this._sheet();
      if (v !== "Visible" && liveSheets(this.context.state).filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new FakeOfficeError("InvalidOperation", "cannot hide the last visible sheet");
      s.visibility = v;
    });
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, () => {
      const s = this._sheet();
      const list = liveSheets(this.context.state).filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      list.forEach((x, i) => (x.position = i));
    });
  }
  get id(): string {
    return this._get("id");
  }
  delete() {
    this.context.enqueue(() => {
      const s = this._sheet();
      const st = this.context.state;
      if (liveSheets(st).filter((x) => x !== s && x.visibility === "Visible").length === 0)
        throw new FakeOfficeError("InvalidOperation", "cannot delete the last visible sheet");
      s.deleted = true;
      for (const t of st.tables) if (t.sheet === s) t.deleted = true;
      liveSheets(st).forEach((x, i) => (x.position = i));
      if (st.activeSheet === s) st.activeSheet = undefined;
    });
  }
  activate() {
    this.context.enqueue(() => (this.context.state.activeSheet = this._sheet()));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._sheet();
      if (!address) return { sheet: s, r0: 0, c0: 0, r1: 1048575, c1: 16383 };
      return { sheet: s, ...parseLocal(address) };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => ({ sheet: this._sheet(), r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 }));
  }
  getCell(row: number, col: number): FakeRange {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => usedBox(this._sheet(), !!valuesOnly) ?? { sheet: this._sheet(), r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, () => usedBox(this._sheet(), !!valuesOnly), true);
  }
}

function usedBox(sheet: SheetState, valuesOnly: boolean): Box | undefined {
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

// ---------------------------------------------------------------------------------------
// Range

class FakeRange extends FakeProxy {
  private _resolve: () => Box | undefined;
  format: FakeRangeFormat;
  dataValidation: FakeDataValidation;
  conditionalFormats: FakeConditionalFormatCollection;
  constructor(ctx: Ctx, resolve: () => Box | undefined, nullable = false) {
    super(ctx);
    this._resolve = resolve;
    this._nullable = nullable;
    if (nullable) ctx.nullables.push(this);
    this.format = new FakeRangeFormat(ctx, this);
    this.dataValidation = new FakeDataValidation(ctx, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(ctx, this);
  }
  _box(): Box {
    const b = this._resolve();
    if (!b) throw new FakeOfficeError("InvalidOperation", "the range is a null object");
    if (b.sheet.deleted) throw new FakeOfficeError("ItemNotFound", "the worksheet was deleted");
    return b;
  }
  override _settleNull() {
    try {
      this._isNull = this._resolve() === undefined;
    } catch {
      this._isNull = true;
    }
  }
  protected override _assertLive() {
    this._box();
  }
  protected _scalarProps() {
    return ["address", "values", "formulas", "numberFormat", "rowCount", "columnCount", "rowIndex", "columnIndex", "text"];
  }
  protected _read(prop: string): unknown {
    const b = this._box();
    const grid = (f: (cell: FakeCell | undefined, r: number, c: number) => unknown) => {
      const rows = b.r1 - b.r0 + 1;
      const cols = b.c1 - b.c0 + 1;
      if (rows * cols > 5_000_000) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "range too large");
      const out: unknown[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: unknown[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(f(b.sheet.cells.get(key(r, c)), r, c));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case "address":
        return boxAddress(b);
      case "addressLocal":
        return boxAddress(b);
      case "rowCount":
        return b.r1 - b.r0 + 1;
      case "columnCount":
        return b.c1 - b.c0 + 1;
      case "rowIndex":
        return b.r0;
      case "columnIndex":
        return b.c0;
      case "values":
        return grid((cell, r, c) => {
          if (!cell) return "";
          if (cell.formula !== undefined) {
            const ev = this.context.state.evaluate;
            return ev ? ev(b.sheet.name, `${columnLetter(c)}${r + 1}`, cell.formula) : "";
          }
          return cell.value;
        });
      case "text":
        return grid((cell) => (cell ? (cell.formula !== undefined ? "" : String(cell.value)) : ""));
      case "formulas":
        return grid((cell) => (cell ? (cell.formula !== undefined ? cell.formula : cell.value) : ""));
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      case "valueTypes":
        return grid((cell) =>
          !cell || (cell.formula === undefined && cell.value === "")
            ? "Empty"
            : typeof cell.value === "number"
              ? "Double"
              : typeof cell.value === "boolean"
                ? "Boolean"
                : "String",
        );
      default:
        throw new FakeOfficeError("InvalidArgument", `unknown range property ${prop}`);
    }
  }

  /** Writes a 2-D array or broadcasts a scalar over the range. */
  private _write(input: unknown, cellFn: (cell: FakeCell, v: unknown) => void) {
    const b = this._box();
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    const is2d = Array.isArray(input);
    if (rows * cols > 5_000_000) throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `writing ${rows}x${cols} cells`);
    if (is2d) {
      const arr = input as unknown[][];
      if (arr.length !== rows || arr.some((r) => !Array.isArray(r) || r.length !== cols))
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols} at ${boxAddress(b)}).`,
        );
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const k = key(b.r0 + r, b.c0 + c);
        let cell = b.sheet.cells.get(k);
        if (!cell) {
          cell = { value: "" };
          b.sheet.cells.set(k, cell);
        }
        cellFn(cell, is2d ? (input as unknown[][])[r][c] : input);
      }
    }
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(v: unknown[][]) {
    this._set("values", v, () =>
      this._write(v, (cell, x) => {
        const { value, formula } = coerce(x, cell.numberFormat);
        cell.value = value;
        if (formula !== undefined) cell.formula = formula;
        else delete cell.formula;
      }),
    );
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.values = v;
  }
  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this._set("numberFormat", v, () =>
      this._write(v, (cell, x) => {
        const f = String(x ?? "General");
        if (f === "General") delete cell.numberFormat;
        else cell.numberFormat = f;
      }),
    );
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }
  get address(): string {
    return this._get("address");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  /**
   * Copies the source's formulas (or values) over this range, tiling the source. The fake
   * copies formula text verbatim: right for structured references ([@col]), not for
   * relative A1 references, which Excel would shift.
   */
  copyFrom(source: string | FakeRange, copyType: string = "All") {
    this.context.enqueue(() => {
      const b = this._box();
      let src: Box;
      if (typeof source === "string") {
        const bang = source.lastIndexOf("!");
        const sheet = bang >= 0 ? findSheet(this.context.state, source.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"), true)! : b.sheet;
        src = { sheet, ...parseLocal(source) };
      } else src = source._box();
      const h = src.r1 - src.r0 + 1;
      const w = src.c1 - src.c0 + 1;
      if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 5_000_000) throw new FakeOfficeError("InvalidArgument", "copy too large");
      if (!["All", "Formulas", "Values", "Formats"].includes(copyType)) throw new FakeOfficeError("NotImplemented", copyType);
      const snapshot: Array<FakeCell | undefined> = [];
      for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) snapshot.push(src.sheet.cells.get(key(src.r0 + r, src.c0 + c)));
      for (let r = b.r0; r <= b.r1; r++)
        for (let c = b.c0; c <= b.c1; c++) {
          const from = snapshot[((r - b.r0) % h) * w + ((c - b.c0) % w)];
          const k = key(r, c);
          const cell = b.sheet.cells.get(k) ?? { value: "" };
          if (copyType === "Formats") {
            for (const p of ["numberFormat", "fill", "fontColor", "bold"] as const) {
              if (from?.[p] !== undefined) (cell as unknown as Record<string, unknown>)[p] = from[p];
              else delete cell[p];
            }
            b.sheet.cells.set(k, cell);
            continue;
          }
          if (copyType === "Values" && from?.formula !== undefined) throw new FakeOfficeError("NotImplemented", "values of formulas");
          cell.value = from?.value ?? "";
          if (from?.formula !== undefined) cell.formula = from.formula;
          else delete cell.formula;
          if (copyType === "All") {
            if (from?.numberFormat) cell.numberFormat = from.numberFormat;
            else delete cell.numberFormat;
          }
          b.sheet.cells.set(k, cell);
        }
    }, 64);
  }
  select() {
    this.context.enqueue(() => {
      const b = this._box();
      this.context.state.selection = { sheet: b.sheet.name, address: localAddress(b) };
      this.context.state.activeSheet = b.sheet;
    });
  }
  clear(applyTo?: string) {
    this.context.enqueue(() => {
      const b = this._box();
      for (const [k, cell] of [...b.sheet.cells.entries()]) {
        const [r, c] = k.split(",").map(Number);
        if (r < b.r0 || r > b.r1 || c < b.c0 || c > b.c1) continue;
        if (!applyTo || applyTo === "All") b.sheet.cells.delete(k);
        else if (applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
        } else if (applyTo === "Formats") {
          delete cell.numberFormat;
          delete cell.fill;
          delete cell.fontColor;
          delete cell.bold;
        }
      }
    });
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, () => {
      const b = this._box();
      return { sheet: b.sheet, r0: b.r0 + row, c0: b.c0 + col, r1: b.r0 + row, c1: b.c0 + col };
    });
  }
  getOffsetRange(rows: number, cols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const b = this._box();
      return { sheet: b.sheet, r0: b.r0 + rows, c0: b.c0 + cols, r1: b.r1 + rows, c1: b.c1 + cols };
    });
  }
  getResizedRange(dRows: number, dCols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const b = this._box();
      return { sheet: b.sheet, r0: b.r0, c0: b.c0, r1: b.r1 + dRows, c1: b.c1 + dCols };
    });
  }
}

class FakeRangeFormat {
  fill: { color: string; clear: () => void };
  font: { bold: boolean; color: string };
  private _range: FakeRange;
  constructor(
    private ctx: Ctx,
    range: FakeRange,
  ) {
    this._range = range;
    const each = (fn: (c: FakeCell) => void) => () => {
      const b = range._box();
      if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 5_000_000) throw new FakeOfficeError("NotImplemented", "the fake formats at most 5M cells at once");
      for (let r = b.r0; r <= b.r1; r++)
        for (let c = b.c0; c <= b.c1; c++) {
          const k = key(r, c);
          let cell = b.sheet.cells.get(k);
          if (!cell) {
            cell = { value: "" };
            b.sheet.cells.set(k, cell);
          }
          fn(cell);
        }
    };
    const fill = {
      clear: () => ctx.enqueue(each((c) => delete c.fill)),
    } as { color: string; clear: () => void };
    Object.defineProperty(fill, "color", {
      get() {
        throw new FakeOfficeError("PropertyNotLoaded", "format.fill.color (read fills with sheet(name).fill() in tests)");
      },
      set(v: string) {
        ctx.enqueue(each((c) => (v ? (c.fill = v) : delete c.fill)));
      },
    });
    this.fill = fill;
    const font = {} as { bold: boolean; color: string };
    Object.defineProperty(font, "bold", {
      get() {
        throw new FakeOfficeError("PropertyNotLoaded", "format.font.bold");
      },
      set(v: boolean) {
        ctx.enqueue(each((c) => (c.bold = v)));
      },
    });
    Object.defineProperty(font, "color", {
      get() {
        throw new FakeOfficeError("PropertyNotLoaded", "format.font.color");
      },
      set(v: string) {
        ctx.enqueue(each((c) => (c.fontColor = v)));
      },
    });
    this.font = font;
  }
  set columnWidth(w: number) {
    this.ctx.enqueue(() => {
      const b = this._range._box();
      for (let c = b.c0; c <= b.c1; c++) b.sheet.columnWidths.set(c, w);
    });
  }
  get columnWidth(): number {
    throw new FakeOfficeError("PropertyNotLoaded", "format.columnWidth");
  }
  set wrapText(_v: boolean) {
    this.ctx.enqueue(() => this._range._box());
  }
  autofitColumns() {
    this.ctx.enqueue(() => this._range._box());
  }
}

class FakeDataValidation {
  constructor(
    private ctx: Ctx,
    private range: FakeRange,
  ) {}
  set rule(rule: unknown) {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      const existing = b.sheet.validations.find((v) => v.address === address);
      if (existing) existing.rule = rule;
      else b.sheet.validations.push({ address, rule });
    }, estimateBytes(rule));
  }
  set prompt(prompt: unknown) {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      const existing = b.sheet.validations.find((v) => v.address === address);
      if (existing) existing.prompt = prompt;
      else b.sheet.validations.push({ address, rule: undefined, prompt });
    });
  }
  set errorAlert(_a: unknown) {
    this.ctx.enqueue(() => this.range._box());
  }
  clear() {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      b.sheet.validations = b.sheet.validations.filter((v) => v.address !== address);
    });
  }
}

class FakeConditionalFormatCollection {
  constructor(
    private ctx: Ctx,
    private range: FakeRange,
  ) {}
  add(type: string) {
    let cf: FakeConditionalFormat | undefined;
    this.ctx.enqueue(() => {
      const b = this.range._box();
      cf = { address: localAddress(b), type };
      b.sheet.conditionalFormats.push(cf);
    });
    const later = (fn: (c: FakeConditionalFormat) => void) => () => {
      if (!cf) throw new FakeOfficeError("InvalidOperation", "conditional format not created");
      fn(cf);
    };
    const ctx = this.ctx;
    return {
      custom: {
        rule: {
          set formula(f: string) {
            ctx.enqueue(later((c) => (c.formula = f)), f.length);
          },
        },
        format: {
          fill: {
            set color(v: string) {
              ctx.enqueue(later((c) => (c.fill = v)));
            },
          },
          font: {
            set color(v: string) {
              ctx.enqueue(later((c) => (c.fontColor = v)));
            },
          },
        },
      },
    };
  }
  clearAll() {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      b.sheet.conditionalFormats = b.sheet.conditionalFormats.filter((c) => c.address !== address);
    });
  }
}

// ---------------------------------------------------------------------------------------
// Tables

class FakeTableCollection extends FakeProxy {
  private _items: FakeTable[] | undefined;
  constructor(
    ctx: Ctx,
    private sheet: FakeWorksheet | undefined,
  ) {
    super(ctx);
  }
  protected _scalarProps() {
    return ["items/name"];
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadPath(path: string) {
    const st = this.context.state;
    const sheet = this.sheet?._sheet();
    const tables = st.tables.filter((t) => !t.deleted && (!sheet || t.sheet === sheet));
    const fresh = !this._items || this._items.length !== tables.length || this._items!.some((x, i) => x._state() !== tables[i]);
    if (fresh) this._items = tables.map((t) => new FakeTable(this.context, () => t));
    const sub = path.startsWith("items/") ? path.slice(6) : "";
    for (const item of this._items!) if (sub) item._loadNow(sub);
  }
  get items(): FakeTable[] {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "items");
    return this._items;
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableState | undefined;
    const st = this.context.state;
    this.context.enqueue(() => {
      let box: Box;
      if (typeof address === "string") {
        let sheet: SheetState;
        if (address.includes("!")) {
          const sheetName = address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
          sheet = findSheet(st, sheetName, true)!;
        } else if (this.sheet) sheet = this.sheet._sheet();
        else throw new FakeOfficeError("InvalidArgument", "table address needs a sheet");
        box = { sheet, ...parseLocal(address) };
      } else box = address._box();
      if (this.sheet && box.sheet !== this.sheet._sheet()) throw new FakeOfficeError("InvalidArgument", "range on another sheet");
      if (!hasHeaders) throw new FakeOfficeError("NotImplemented", "fake tables need headers");
      if (box.r1 <= box.r0) throw new FakeOfficeError("InvalidArgument", "a table needs a header row and at least one data row");
      for (const t of st.tables) {
        if (t.deleted || t.sheet !== box.sheet) continue;
        if (!(box.r1 < t.r0 || box.r0 > t.r1 || box.c1 < t.c0 || box.c0 > t.c1))
          throw new FakeOfficeError("InvalidOperation", "tables can't overlap");
      }
      created = { name: `Table${st.nextId++}`, sheet: box.sheet, r0: box.r0, c0: box.c0, r1: box.r1, c1: box.c1 };
      // Excel fills blank headers with Column1, Column2 ...
      for (let c = box.c0; c <= box.c1; c++) {
        const k = key(box.r0, c);
        const cell = box.sheet.cells.get(k);
        if (!cell || (cell.value === "" && cell.formula === undefined))
          box.sheet.cells.set(k, { ...(cell ?? {}), value: `Column${c - box.c0 + 1}` });
      }
      st.tables.push(created);
    });
    return new FakeTable(this.context, () => created);
  }
  getItem(name: string): FakeTable {
    return new FakeTable(this.context, () => findTable(this.context.state, name, true));
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(this.context, () => findTable(this.context.state, name, false), true);
  }
}

function findTable(st: WorkbookState, name: string, required: boolean): TableState | undefined {
  const t = st.tables.find((x) => !x.deleted && x.name.toLowerCase() === name.toLowerCase());
  if (!t && required) throw new FakeOfficeError("ItemNotFound", `table ${name}`);
  return t;
}

class FakeTable extends FakeProxy {
  private _resolve: () => TableState | undefined;
  columns: FakeTableColumnCollection;
  rows: FakeTableRowCollection;
  worksheet: FakeWorksheet;
  constructor(ctx: Ctx, resolve: () => TableState | undefined, nullable = false) {
    super(ctx);
    this._resolve = memo(resolve);
    this._nullable = nullable;
    if (nullable) ctx.nullables.push(this);
    this.columns = new FakeTableColumnCollection(ctx, this);
    this.rows = new FakeTableRowCollection(ctx, this);
    this.worksheet = new FakeWorksheet(ctx, () => this._table().sheet);
  }
  _table(): TableState {
    const t = this._resolve();
    if (!t) throw new FakeOfficeError("InvalidOperation", "the table is a null object");
    if (t.deleted) throw new FakeOfficeError("ItemNotFound", `table ${t.name} was deleted`);
    return t;
  }
  override _settleNull() {
    this._isNull = this._resolve() === undefined;
  }
  protected override _assertLive() {
    this._table();
  }
  protected _scalarProps() {
    return ["name", "style", "showTotals"];
  }
  protected _read(prop: string): unknown {
    const t = this._table();
    if (prop === "name") return t.name;
    if (prop === "style") return t.style ?? "TableStyleMedium2";
    if (prop === "showTotals") return !!t.totals;
    throw new FakeOfficeError("InvalidArgument", `unknown table property ${prop}`);
  }
  _loadNow(prop: string) {
    this._loadPath(prop);
  }
  protected override _loadPath(path: string) {
    if (path.startsWith("worksheet/")) this.worksheet._loadNow(path.slice(10));
    else super._loadPath(path);
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => {
      const t = this._table();
      if (!/^[A-Za-z_\\\u3131-\uD79D][A-Za-z0-9_.\u3131-\uD79D]*$/.test(v)) throw new FakeOfficeError("InvalidArgument", `bad table name ${v}`);
      if (this.context.state.tables.some((x) => x !== t && !x.deleted && x.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `table ${v}`);
      if (this.context.state.names.some((n) => n.name.toLowerCase() === v.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `name ${v}`);
      t.name = v;
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, () => (this._table().style = v));
  }
  set showTotals(v: boolean) {
    this.context.enqueue(() => {
      const t = this._table();
      if (v && !t.totals) {
        t.r1 += 1;
        t.totals = true;
      } else if (!v && t.totals) {
        for (let c = t.c0; c <= t.c1; c++) t.sheet.cells.delete(key(t.r1, c));
        t.r1 -= 1;
        t.totals = false;
      }
    });
  }
  private _range(part: "all" | "header" | "body" | "totals"): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._table();
      if (part === "totals") {
        if (!t.totals) throw new FakeOfficeError("ItemNotFound", "the table has no totals row");
        return { sheet: t.sheet, r0: t.r1, c0: t.c0, r1: t.r1, c1: t.c1 };
      }
      const r0 = part === "body" ? t.r0 + 1 : t.r0;
      const r1 = part === "header" ? t.r0 : part === "body" && t.totals ? t.r1 - 1 : t.r1;
      return { sheet: t.sheet, r0, c0: t.c0, r1, c1: t.c1 };
    });
  }
  getTotalRowRange(): FakeRange {
    return this._range("totals");
  }
  getRange(): FakeRange {
    return this._range("all");
  }
  getHeaderRowRange(): FakeRange {
    return this._range("header");
  }
  getDataBodyRange(): FakeRange {
    return this._range("body");
  }
  resize(address: string | FakeRange) {
    this.context.enqueue(() => {
      const t = this._table();
      const b = typeof address === "string" ? { sheet: t.sheet, ...parseLocal(address) } : address._box();
      if (b.r0 !== t.r0 || b.c0 !== t.c0) throw new FakeOfficeError("InvalidArgument", "resize must keep the header row in place");
      if (b.r1 <= b.r0) throw new FakeOfficeError("InvalidArgument", "a table needs a data row");
      t.r1 = b.r1 + (t.totals ? 1 : 0);
      t.c1 = b.c1;
    });
  }
  delete() {
    this.context.enqueue(() => (this._table().deleted = true));
  }
  /** For tests: the table's state. */
  _state() {
    return this._table();
  }
}

class FakeTableColumnCollection extends FakeProxy {
  private _items: Array<{ name: string; index: number }> | undefined;
  constructor(
    ctx: Ctx,
    private table: FakeTable,
  ) {
    super(ctx);
  }
  protected _scalarProps() {
    return ["items/name"];
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadPath() {
    const t = this.table._table();
    this._items = [];
    for (let c = t.c0; c <= t.c1; c++) this._items.push({ name: String(t.sheet.cells.get(key(t.r0, c))?.value ?? ""), index: c - t.c0 });
  }
  get items() {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "items");
    return this._items;
  }
  getItemAt(index: number) {
    const table = this.table;
    return {
      getDataBodyRange: () =>
        new FakeRange(this.context, () => {
          const t = table._table();
          return { sheet: t.sheet, r0: t.r0 + 1, c0: t.c0 + index, r1: t.r1, c1: t.c0 + index };
        }),
    };
  }
}

class FakeTableRowCollection extends FakeProxy {
  private _count: number | undefined;
  constructor(
    ctx: Ctx,
    private table: FakeTable,
  ) {
    super(ctx);
  }
  protected _scalarProps() {
    return ["count"];
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadPath() {
    const t = this.table._table();
    this._count = t.r1 - t.r0 - (t.totals ? 1 : 0);
  }
  get count(): number {
    if (this._count === undefined) throw new FakeOfficeError("PropertyNotLoaded", "count");
    return this._count;
  }
  /**
   * Inserts rows at a body index (the end when null or -1), as Excel does: cells of the
   * table's columns at and below move down (other columns stay), so does a table below in
   * those columns; the new cells take the number format of the body row above.
   */
  add(index: number | null | undefined, values?: unknown[][]) {
    this.context.enqueue(() => {
      const t = this.table._table();
      const body = t.r1 - t.r0 - (t.totals ? 1 : 0);
      const at = index === null || index === undefined || index === -1 ? body : index;
      if (at < 0 || at > body) throw new FakeOfficeError("InvalidArgument", `row index ${index} outside 0..${body}`);
      const rows = values ?? [new Array(t.c1 - t.c0 + 1).fill("")];
      if (rows.some((r) => r.length !== t.c1 - t.c0 + 1)) throw new FakeOfficeError("InvalidArgument", "row width differs from the table's");
      const start = t.r0 + 1 + at;
      shiftTableColumns(this.context.state, t, start, rows.length);
      const formatRow = at > 0 ? start - 1 : start + rows.length;
      for (let i = 0; i < rows.length; i++) {
        for (let c = 0; c <= t.c1 - t.c0; c++) {
          const k = key(start + i, t.c0 + c);
          const above = t.sheet.cells.get(key(formatRow, t.c0 + c))?.numberFormat;
          const cell: FakeCell = { value: "" };
          if (above) cell.numberFormat = above;
          const v = coerce(rows[i][c], cell.numberFormat);
          cell.value = v.value;
          if (v.formula !== undefined) cell.formula = v.formula;
          if (cell.value !== "" || cell.formula !== undefined || cell.numberFormat) t.sheet.cells.set(k, cell);
        }
      }
      t.r1 += rows.length;
    }, estimateBytes(values ?? []));
  }
  getItemAt(index: number) {
    return {
      /** Deletes the row; cells of the table's columns below move up. */
      delete: () =>
        this.context.enqueue(() => {
          const t = this.table._table();
          const body = t.r1 - t.r0 - (t.totals ? 1 : 0);
          if (index < 0 || index >= body) throw new FakeOfficeError("InvalidArgument", `no table row ${index}`);
          if (body === 1) throw new FakeOfficeError("InvalidOperation", "a table keeps one data row");
          shiftTableColumns(this.context.state, t, t.r0 + 1 + index, -1);
          t.r1 -= 1;
        }),
    };
  }
}

/**
 * Moves the cells of table `t`'s columns from sheet row `from` down by `n`; a negative `n`
 * deletes rows from..from-n-1 and moves the rest up. Tables below in those columns move
 * with them; one that only partly overlaps the columns would be cut, which Excel refuses.
 */
function shiftTableColumns(st: WorkbookState, t: TableState, from: number, n: number): void {
  const cells = t.sheet.cells;
  for (const o of st.tables) {
    if (o === t || o.deleted || o.sheet !== t.sheet || o.r0 < from || o.c1 < t.c0 || o.c0 > t.c1) continue;
    if (o.c0 < t.c0 || o.c1 > t.c1) throw new FakeOfficeError("InvalidOperation", `inserting would shift part of table ${o.name}`);
    o.r0 += n;
    o.r1 += n;
  }
  const moving: Array<[number, number, FakeCell]> = [];
  for (const [k, cell] of cells) {
    const [r, c] = k.split(",").map(Number);
    if (c < t.c0 || c > t.c1 || r < from) continue;
    moving.push([r, c, cell]);
    cells.delete(k);
  }
  for (const [r, c, cell] of moving) {
    if (n < 0 && r < from - n) continue; // a deleted row
    cells.set(key(r + n, c), cell);
  }
}

// ---------------------------------------------------------------------------------------
// Names and charts

class FakeNamedItemCollection extends FakeProxy {
  private _items: Array<{ name: string; formula: string; comment?: string; delete(): void }> | undefined;
  protected _scalarProps() {
    return ["items/name"];
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadPath() {
    this._items = this.context.state.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      comment: n.comment,
      delete: () => this.getItemOrNullObject(n.name).delete(),
    }));
  }
  get items() {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "items");
    return this._items;
  }
  add(name: string, reference: string | FakeRange, comment?: string) {
    this.context.enqueue(() => {
      const st = this.context.state;
      if (st.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `name ${name}`);
      if (st.tables.some((t) => !t.deleted && t.name.toLowerCase() === name.toLowerCase()))
        throw new FakeOfficeError("ItemAlreadyExists", `table ${name}`);
      const formula = typeof reference === "string" ? reference : "=" + boxAddress(reference._box());
      st.names.push({ name, formula, comment, visible: true });
    }, name.length + (typeof reference === "string" ? reference.length : 32));
  }
  addFormulaLocal(name: string, formula: string, comment?: string) {
    this.add(name, formula, comment);
  }
  getItemOrNullObject(name: string) {
    const ctx = this.context;
    const find = () => ctx.state.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    return {
      delete: () =>
        ctx.enqueue(() => {
          const n = find();
          if (!n) throw new FakeOfficeError("InvalidOperation", "the name is a null object");
          ctx.state.names = ctx.state.names.filter((x) => x !== n);
        }),
    };
  }
}

class FakeChartCollection {
  constructor(
    private ctx: Ctx,
    private sheet: FakeWorksheet,
  ) {}
  add(type: string, sourceData: FakeRange, seriesBy?: string) {
    let chart: FakeChart | undefined;
    this.ctx.enqueue(() => {
      const s = this.sheet._sheet();
      const b = sourceData._box();
      chart = { name: `Chart ${s.charts.length + 1}`, type, source: boxAddress(b), seriesBy: seriesBy ?? "Auto" };
      s.charts.push(chart);
    });
    const ctx = this.ctx;
    const later = (fn: (c: FakeChart) => void) => () => {
      if (!chart) throw new FakeOfficeError("InvalidOperation", "chart not created");
      fn(chart);
    };
    return {
      set name(v: string) {
        ctx.enqueue(later((c) => (c.name = v)));
      },
      title: {
        set text(v: string) {
          ctx.enqueue(later((c) => (c.title = v)));
        },
      },
      legend: { set position(_v: string) {}, set visible(_v: boolean) {} },
      axes: {
        categoryAxis: {
          setCategoryNames(range: FakeRange) {
            ctx.enqueue(later((c) => (c.categories = boxAddress(range._box()))));
          },
        },
      },
      setPosition(start: string, end?: string) {
        ctx.enqueue(later((c) => (c.position = [start, end])));
      },
    };
  }
  getItemOrNullObject(name: string) {
    return {
      delete: () =>
        this.ctx.enqueue(() => {
          const s = this.sheet._sheet();
          const i = s.charts.findIndex((c) => c.name === name);
          if (i < 0) throw new FakeOfficeError("InvalidOperation", "the chart is a null object");
          s.charts.splice(i, 1);
        }),
    };
  }
}

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
}

export interface FakeExcel {
  run: ExcelRun;
  syncCount(): number;
  resetSyncCount(): void;
  /** Estimated bytes of the last / largest request. */
  lastRequestBytes(): number;
  maxRequestBytes(): number;
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
  /** Evaluates formulas when their values are read (default: "" for every formula). */
  evaluate?: (sheet: string, address: string, formula: string) => FakeValue;
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
    evaluate: options.evaluate,
    log: [],
  };
  for (const n of options.sheets ?? ["Sheet1"]) newSheet(state, n);

  const run: ExcelRun = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(state);
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
        if (cell.formula !== undefined) return state.evaluate ? state.evaluate(name, a1, cell.formula) : "";
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
            row.push(!cell ? "" : cell.formula !== undefined ? (state.evaluate ? state.evaluate(name, `${columnLetter(c)}${r + 1}`, cell.formula) : "") : cell.value);
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
    };
  };

  return {
    run,
    syncCount: () => state.syncs,
    resetSyncCount: () => {
      state.syncs = 0;
      state.maxRequestBytes = 0;
    },
    lastRequestBytes: () => state.lastRequestBytes,
    maxRequestBytes: () => state.maxRequestBytes,
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
