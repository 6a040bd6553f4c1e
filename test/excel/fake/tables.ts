/** Tables: the collection, a table, its columns and rows (insertions move cells like Excel). */
import {
  coerce,
  Ctx,
  estimateBytes,
  FakeOfficeError,
  FakeProxy,
  findSheet,
  findTable,
  key,
  liveSheets,
  memo,
  parseLocal,
  type Box,
  type FakeCell,
  type SheetHandle,
  type SheetState,
  type TableState,
  type WorkbookState,
  REQUEST_COST,
  STYLE_FIELDS,
} from "./core";
import { FakeRange } from "./range";
import { fillNewRows, writeWithCalculatedColumns } from "./calculated-columns";
import { assertEditable } from "./protection";
import { assertTablesExist } from "./formula-refs";

// ---------------------------------------------------------------------------------------
// Tables

export class FakeTableCollection extends FakeProxy {
  private _items: FakeTable[] | undefined;
  constructor(
    ctx: Ctx,
    private sheet: SheetHandle | undefined,
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
      // "If the address does not contain a sheet name, the currently-active sheet is used",
      // on a worksheet's collection too (TableCollection.add, @types/office-js, ExcelApi 1.1).
      if (typeof address === "string") {
        let sheet: SheetState;
        if (address.includes("!")) {
          const sheetName = address.slice(0, address.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
          sheet = findSheet(st, sheetName, true)!;
        } else sheet = st.activeSheet && !st.activeSheet.deleted ? st.activeSheet : liveSheets(st)[0];
        box = { sheet, ...parseLocal(address) };
      } else box = address._box();
      if (!hasHeaders) throw new FakeOfficeError("NotImplemented", "fake tables need headers");
      assertEditable(box, "structure");
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


export class FakeTable extends FakeProxy {
  private _resolve: () => TableState | undefined;
  columns: FakeTableColumnCollection;
  rows: FakeTableRowCollection;
  autoFilter: FakeAutoFilter;
  worksheet: SheetHandle;
  constructor(ctx: Ctx, resolve: () => TableState | undefined, nullable = false) {
    super(ctx);
    this._resolve = memo(resolve);
    this._nullable = nullable;
    if (nullable) ctx.nullables.push(this);
    this.columns = new FakeTableColumnCollection(ctx, this);
    this.rows = new FakeTableRowCollection(ctx, this);
    this.autoFilter = new FakeAutoFilter(ctx, this);
    this.worksheet = ctx.makeWorksheet(() => this._table().sheet);
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
  /** Banded rows of the table style (ExcelApi 1.3). */
  set showBandedRows(v: boolean) {
    this._set("showBandedRows", v, () => (this._table().bandedRows = v));
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

export class FakeTableColumnCollection extends FakeProxy {
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

export class FakeTableRowCollection extends FakeProxy {
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
      assertEditable({ sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 }, "insertRows");
      assertTablesExist(this.context.state, rows.flat());
      const start = t.r0 + 1 + at;
      shiftTableColumns(this.context.state, t, start, rows.length);
      t.r1 += rows.length;
      const formatRow = at > 0 ? start - 1 : start + rows.length;
      const added: Box = { sheet: t.sheet, r0: start, c0: t.c0, r1: start + rows.length - 1, c1: t.c1 };
      const write = () => {
        for (let i = 0; i < rows.length; i++) {
          for (let c = 0; c <= t.c1 - t.c0; c++) {
            const k = key(start + i, t.c0 + c);
            // The new row takes the formatting of the row above (Excel extends a table's formats).
            const above = t.sheet.cells.get(key(formatRow, t.c0 + c));
            const cell: FakeCell = { value: "" };
            for (const p of STYLE_FIELDS) if (above?.[p] !== undefined) (cell as unknown as Record<string, unknown>)[p] = JSON.parse(JSON.stringify(above[p]));
            const v = coerce(rows[i][c], cell.numberFormat);
            cell.value = v.value;
            if (v.formula !== undefined) cell.formula = v.formula;
            if (cell.value !== "" || cell.formula !== undefined || STYLE_FIELDS.some((p) => cell[p] !== undefined)) t.sheet.cells.set(k, cell);
          }
        }
      };
      // Values with formulas go through the calculated-column rules (#6745); the new rows
      // then take the formulas of the calculated columns.
      writeWithCalculatedColumns(this.context.state, added, write);
      fillNewRows(this.context.state, t, added.r0, added.r1);
    }, values ? estimateBytes(values) : 0, REQUEST_COST.rowAdd);
  }
  getItemAt(index: number) {
    return {
      /** Deletes the row; cells of the table's columns below move up. */
      delete: () =>
        this.context.enqueue(() => {
          const t = this.table._table();
          const body = t.r1 - t.r0 - (t.totals ? 1 : 0);
          if (index < 0 || index >= body) throw new FakeOfficeError("InvalidArgument", `no table row ${index}`);
          assertEditable({ sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 }, "deleteRows");
          if (body === 1) throw new FakeOfficeError("InvalidOperation", "a table keeps one data row");
          // office-js #994: TableRow.delete does not work while a filter applies to the table
          // (Excel: "Can't move cells in a filtered range or table").
          if (t.filtered) throw new FakeOfficeError("InvalidOperation", "This operation is not allowed: the table is filtered.");
          shiftTableColumns(this.context.state, t, t.r0 + 1 + index, -1);
          t.r1 -= 1;
        }, 0, REQUEST_COST.rowDelete),
    };
  }
}

/**
 * Moves the cells of table `t`'s columns from sheet row `from` down by `n`; a negative `n`
 * deletes rows from..from-n-1 and moves the rest up. Tables below in those columns move
 * with them; one that only partly overlaps the columns would be cut, which Excel refuses.
 */
export function shiftTableColumns(st: WorkbookState, t: TableState, from: number, n: number): void {
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


/** Table.autoFilter (ExcelApi 1.9): whether a filter hides rows. */
class FakeAutoFilter extends FakeProxy {
  constructor(
    ctx: Ctx,
    private table: FakeTable,
  ) {
    super(ctx);
  }
  protected _scalarProps() {
    return ["enabled", "isDataFiltered"];
  }
  protected _read(prop: string): unknown {
    const t = this.table._state();
    if (prop === "enabled") return true;
    if (prop === "isDataFiltered") return !!t.filtered;
    throw new FakeOfficeError("InvalidArgument", `unknown autoFilter property ${prop}`);
  }
  get isDataFiltered(): boolean {
    return this._get("isDataFiltered");
  }
  clearCriteria() {
    this.context.enqueue(() => void (this.table._state().filtered = false));
  }
}
