/** Range, its format, data validation and conditional formats. */
import {
  boxAddress,
  Ctx,
  FakeOfficeError,
  FakeProxy,
  findSheet,
  key,
  localAddress,
  parseLocal,
  coerce,
  estimateBytes,
  type Box,
  type FakeCell,
  type WorkbookState,
  REQUEST_COST,
  STYLE_FIELDS,
} from "./core";
import { shiftFormula, writeWithCalculatedColumns } from "./calculated-columns";
import { cellValue, evaluateCell } from "./application";
import { FakeConditionalFormatCollection, FakeDataValidation } from "./validation-formats";
import { FakeFormat } from "./format";
import { assertEditable } from "./protection";
import { assertTablesExist } from "./formula-refs";

/** Manual calculation still calculates the formulas just entered (not their dependents). */
function calculateEntered(st: WorkbookState, b: Box): void {
  for (let r = b.r0; r <= b.r1; r++)
    for (let c = b.c0; c <= b.c1; c++) {
      const cell = b.sheet.cells.get(key(r, c));
      if (cell?.formula !== undefined) cell.cached = evaluateCell(st, b.sheet.name, r, c, cell.formula);
    }
}

// ---------------------------------------------------------------------------------------
// Range

export class FakeRange extends FakeProxy {
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
          if (cell.formula !== undefined) return cellValue(this.context.state, b.sheet.name, r, c, cell.formula, cell.cached);
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

  /**
   * Writes a 2-D array or broadcasts a scalar over the range (a scalar formula is adjusted
   * to each cell as Excel fills it: relative references move). Contents go through Excel's
   * calculated-column rules (calculated-columns.ts).
   */
  private _write(input: unknown, cellFn: (cell: FakeCell, v: unknown) => void, contents = false) {
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
    const scalarFormula = !is2d && typeof input === "string" && input.startsWith("=");
    assertEditable(b, contents ? "contents" : "formatCells");
    if (contents) assertTablesExist(this.context.state, is2d ? (input as unknown[][]).flat() : [input]);
    const apply = () => {
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const k = key(b.r0 + r, b.c0 + c);
          let cell = b.sheet.cells.get(k);
          if (!cell) {
            cell = { value: "" };
            b.sheet.cells.set(k, cell);
          }
          cellFn(cell, is2d ? (input as unknown[][])[r][c] : scalarFormula ? shiftFormula(input as string, r, c) : input);
        }
      }
    };
    if (contents) writeWithCalculatedColumns(this.context.state, b, apply);
    else apply();
    if (contents && this.context.state.calculationMode === "Manual") calculateEntered(this.context.state, b);
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
        delete cell.cached;
      }, true),
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
   * Copies the source's formulas (or values) over this range, tiling the source; relative
   * A1 references move with the copy, structured references stay as written.
   */
  copyFrom(source: string | FakeRange, copyType: string = "All") {
    this.context.enqueue(() => {
      const b = this._box();
      assertEditable(b, copyType === "Formats" ? "formatCells" : "contents");
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
      const copy = () => {
        for (let r = b.r0; r <= b.r1; r++)
          for (let c = b.c0; c <= b.c1; c++) {
            const sr = (r - b.r0) % h;
            const sc = (c - b.c0) % w;
            const from = snapshot[sr * w + sc];
            const k = key(r, c);
            const cell = b.sheet.cells.get(k) ?? { value: "" };
            if (copyType === "Formats") {
              for (const p of STYLE_FIELDS) {
                if (from?.[p] !== undefined) (cell as unknown as Record<string, unknown>)[p] = from[p];
                else delete cell[p];
              }
              b.sheet.cells.set(k, cell);
              continue;
            }
            if (copyType === "Values" && from?.formula !== undefined) throw new FakeOfficeError("NotImplemented", "values of formulas");
            cell.value = from?.value ?? "";
            // Relative references move with the copy, as in Excel.
            if (from?.formula !== undefined) cell.formula = shiftFormula(from.formula, r - (src.r0 + sr), c - (src.c0 + sc));
            else delete cell.formula;
            if (copyType === "All") {
              if (from?.numberFormat) cell.numberFormat = from.numberFormat;
              else delete cell.numberFormat;
            }
            b.sheet.cells.set(k, cell);
          }
      };
      if (copyType === "Formats") copy();
      else writeWithCalculatedColumns(this.context.state, b, copy);
    }, 0, REQUEST_COST.copyFrom);
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
      assertEditable(b, applyTo === "Contents" ? "contents" : "formatCells");
      for (const [k, cell] of [...b.sheet.cells.entries()]) {
        const [r, c] = k.split(",").map(Number);
        if (r < b.r0 || r > b.r1 || c < b.c0 || c > b.c1) continue;
        if (!applyTo || applyTo === "All") b.sheet.cells.delete(k);
        else if (applyTo === "Contents") {
          cell.value = "";
          delete cell.formula;
        } else if (applyTo === "Formats") {
          for (const p of STYLE_FIELDS) delete cell[p];
        } else if (applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") {
          // "Hyperlinks": the links go, contents and formatting stay (ExcelApi 1.7).
          delete cell.hyperlink;
        } else throw new FakeOfficeError("NotImplemented", `clear(${applyTo})`);
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
  /** The cells both ranges cover (ExcelApi 1.4); a null object when they do not meet. */
  getIntersection(other: FakeRange): FakeRange {
    return new FakeRange(this.context, () => {
      const a = this._box();
      const b = other._box();
      const r0 = Math.max(a.r0, b.r0);
      const r1 = Math.min(a.r1, b.r1);
      const c0 = Math.max(a.c0, b.c0);
      const c1 = Math.min(a.c1, b.c1);
      if (a.sheet !== b.sheet || r0 > r1 || c0 > c1) throw new FakeOfficeError("InvalidArgument", "the ranges do not intersect");
      return { sheet: a.sheet, r0, c0, r1, c1 };
    });
  }
  /** The last row of the range (ExcelApi 1.1). */
  getLastRow(): FakeRange {
    return new FakeRange(this.context, () => {
      const b = this._box();
      return { sheet: b.sheet, r0: b.r1, c0: b.c0, r1: b.r1, c1: b.c1 };
    });
  }
  /**
   * A link on every cell of the range (Range.hyperlink, ExcelApi 1.7); `textToDisplay`
   * becomes the cell's text. A link to a place in the workbook is a `documentReference`.
   */
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.context.state.log.push("Range.hyperlink");
    this.context.enqueue(() => {
      const b = this._box();
      assertEditable(b, "contents");
      if (!link.documentReference && !link.address) throw new FakeOfficeError("InvalidArgument", "a hyperlink needs an address or a documentReference");
      for (let r = b.r0; r <= b.r1; r++)
        for (let c = b.c0; c <= b.c1; c++) {
          const k = key(r, c);
          const cell = b.sheet.cells.get(k) ?? { value: "" };
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined) {
            cell.value = link.textToDisplay;
            delete cell.formula;
          }
          b.sheet.cells.set(k, cell);
        }
    }, estimateBytes(link));
  }
  get hyperlink(): unknown {
    throw new FakeOfficeError("PropertyNotLoaded", "hyperlink");
  }
  /** Hides or shows the range's columns (Range.columnHidden, ExcelApi 1.2). */
  set columnHidden(v: boolean) {
    this.context.state.log.push("Range.columnHidden");
    this.context.enqueue(() => {
      const b = this._box();
      assertEditable(b, "formatColumns");
      for (let c = b.c0; c <= b.c1; c++) {
        if (v) b.sheet.hiddenColumns.add(c);
        else b.sheet.hiddenColumns.delete(c);
      }
    }, 0);
  }
  get columnHidden(): boolean {
    throw new FakeOfficeError("PropertyNotLoaded", "columnHidden");
  }
  /**
   * Merges the range (Range.merge, ExcelApi 1.2). Excel offers no merging inside a table
   * (Merge & Center is unavailable there), so the double refuses a merge that touches one.
   */
  merge(across = false) {
    this.context.state.log.push("Range.merge");
    this.context.enqueue(() => {
      const b = this._box();
      assertEditable(b, "formatCells");
      for (const t of this.context.state.tables) {
        if (t.deleted || t.sheet !== b.sheet) continue;
        if (!(b.r1 < t.r0 || b.r0 > t.r1 || b.c1 < t.c0 || b.c0 > t.c1)) throw new FakeOfficeError("InvalidOperation", `cells of table ${t.name} cannot be merged`);
      }
      if (across) for (let r = b.r0; r <= b.r1; r++) b.sheet.merges.push({ r0: r, c0: b.c0, r1: r, c1: b.c1 });
      else b.sheet.merges.push({ r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1 });
    });
  }
  unmerge() {
    this.context.enqueue(() => {
      const b = this._box();
      b.sheet.merges = b.sheet.merges.filter((m) => m.r1 < b.r0 || m.r0 > b.r1 || m.c1 < b.c0 || m.c0 > b.c1);
    });
  }
  getResizedRange(dRows: number, dCols: number): FakeRange {
    return new FakeRange(this.context, () => {
      const b = this._box();
      return { sheet: b.sheet, r0: b.r0, c0: b.c0, r1: b.r1 + dRows, c1: b.c1 + dCols };
    });
  }
}

/** Range.format: fake/format.ts for the one area of a range. */
export class FakeRangeFormat extends FakeFormat {
  constructor(ctx: Ctx, range: FakeRange) {
    super(ctx, () => [range._box()], "Range");
  }
}
