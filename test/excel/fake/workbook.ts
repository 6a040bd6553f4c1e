/** The workbook, its worksheets, defined names and charts. */
import {
  boxAddress,
  Ctx,
  estimateBytes,
  FakeOfficeError,
  FakeProxy,
  findSheet,
  liveSheets,
  memo,
  newSheet,
  parseLocal,
  usedBox,
  REQUEST_COST,
  type FakeChart,
  type SheetState,
} from "./core";
import { FakeRange } from "./range";
import { FakeTableCollection } from "./tables";
import { FakeNamedItemCollection } from "./names";
import { FakeApplication, FakeSettingCollection } from "./application";
import { FakeRangeAreas } from "./range-areas";
import { clearsUndo } from "./undo-stack";
import { FakeWorksheetProtection } from "./protection";
import { FakeNoteCollection, FakePageLayout } from "./sheet-extras";

// ---------------------------------------------------------------------------------------
// Workbook

export class FakeWorkbook {
  worksheets: FakeWorksheetCollection;
  tables: FakeTableCollection;
  names: FakeNamedItemCollection;
  application: FakeApplication;
  settings: FakeSettingCollection;
  constructor(private ctx: Ctx) {
    ctx.makeWorksheet = (resolve) => new FakeWorksheet(ctx, resolve);
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, undefined);
    this.names = new FakeNamedItemCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.settings = new FakeSettingCollection(ctx);
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

export class FakeWorksheetCollection extends FakeProxy {
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
    this.context.enqueue(
      () => {
        created = newSheet(st, name ?? `Sheet${st.nextId}`);
      },
      estimateBytes(name ?? ""),
      REQUEST_COST.add,
    );
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


export class FakeWorksheet extends FakeProxy {
  private _resolve: () => SheetState | undefined;
  tables: FakeTableCollection;
  charts: FakeChartCollection;
  freezePanes: { freezeRows: (n: number) => void; unfreeze: () => void };
  protection: FakeWorksheetProtection;
  notes: FakeNoteCollection;
  pageLayout: FakePageLayout;
  constructor(ctx: Ctx, resolve: () => SheetState | undefined, nullable = false) {
    super(ctx);
    this._resolve = memo(resolve);
    this._nullable = nullable;
    if (nullable) ctx.nullables.push(this);
    this.tables = new FakeTableCollection(ctx, this);
    this.charts = new FakeChartCollection(ctx, this);
    this.protection = new FakeWorksheetProtection(ctx, () => this._sheet());
    this.notes = new FakeNoteCollection(ctx, () => this._sheet());
    this.pageLayout = new FakePageLayout(ctx, () => this._sheet());
    this.freezePanes = {
      freezeRows: (n: number) => ctx.enqueue(() => (this._sheet().freezeRows = n), 0, REQUEST_COST.sheetCall),
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
  protected override _loadPath(path: string) {
    if (path.startsWith("protection/")) this.protection._loadNow(path.slice("protection/".length));
    else super._loadPath(path);
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, () => {
      clearsUndo(this.context.state, "Worksheet.name", ["windows", "mac"]);
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
      clearsUndo(this.context.state, "Worksheet.visibility", ["windows", "mac"]);
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
      clearsUndo(this.context.state, "Worksheet.position", ["windows", "mac"]);
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
      clearsUndo(this.context.state, "Worksheet.delete", ["web", "windows", "mac"]);
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
    this.context.enqueue(() => (this.context.state.activeSheet = this._sheet()), 0, REQUEST_COST.sheetCall);
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const s = this._sheet();
      if (!address) return { sheet: s, r0: 0, c0: 0, r1: 1048575, c1: 16383 };
      return { sheet: s, ...parseLocal(address) };
    });
  }
  /** Several areas of this sheet, comma-separated (ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => this._sheet(), address);
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


// ---------------------------------------------------------------------------------------
// Charts

export class FakeChartCollection {
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
      series: {
        /** ChartSeries.name (ExcelApi 1.1) of the i-th series. */
        getItemAt(i: number) {
          return {
            set name(v: string) {
              ctx.enqueue(
                later((c) => {
                  const names = (c.seriesNames = c.seriesNames ?? []);
                  names[i] = v;
                }),
              );
            },
          };
        },
      },
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

