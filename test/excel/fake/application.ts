/**
 * Workbook.application (calculation) and Workbook.settings.
 *
 * Calculation (Application.calculationMode, ExcelApi 1.8; Application.calculate, 1.1): in
 * Automatic mode a formula cell reads its current value (the `evaluate` hook); in Manual mode
 * it reads the value it had at the last calculation, so values the user changed since are
 * not reflected until `calculate` runs ("Manual: Calculation only occurs when the user
 * requests it", Excel.CalculationMode). A formula written while in Manual mode is calculated
 * once as it is entered, as Excel does for the cell typed into.
 *
 * Settings (SettingCollection, ExcelApi 1.4): key/value pairs saved in the document; not in
 * the list of APIs that clear the undo stack.
 */
import { a1, parseA1 } from "../../../src/core/a1";
import { Ctx, estimateBytes, FakeOfficeError, FakeProxy, key, REQUEST_COST, type FakeValue, type WorkbookState } from "./core";

/** Current value of a formula cell (the evaluate hook; "" without one). */
export function evaluateCell(st: WorkbookState, sheetName: string, r: number, c: number, formula: string): FakeValue {
  if (!st.evaluate) return "";
  const sheet = st.sheets.find((s) => !s.deleted && s.name === sheetName);
  const read = (address: string): FakeValue => {
    const at = parseA1(address);
    const cell = at && sheet?.cells.get(key(at.row, at.col));
    if (!at || !cell) return "";
    return cell.formula !== undefined ? cellValue(st, sheetName, at.row, at.col, cell.formula, cell.cached) : cell.value;
  };
  return st.evaluate(sheetName, a1(r, c), formula, read);
}

/** What `values` shows for a formula cell: live in Automatic mode, as last calculated in Manual mode. */
export function cellValue(st: WorkbookState, sheetName: string, r: number, c: number, formula: string, cached: FakeValue | undefined): FakeValue {
  if (st.calculationMode === "Manual") return cached ?? "";
  return evaluateCell(st, sheetName, r, c, formula);
}

/** Calculates every formula cell now (Application.calculate, or switching to Manual). */
export function recalculate(st: WorkbookState): void {
  const saved = st.calculationMode;
  st.calculationMode = "Automatic";
  const values: Array<[{ cached?: FakeValue }, FakeValue]> = [];
  for (const sheet of st.sheets) {
    if (sheet.deleted) continue;
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number);
      values.push([cell, evaluateCell(st, sheet.name, r, c, cell.formula)]);
    }
  }
  for (const [cell, v] of values) cell.cached = v;
  st.calculationMode = saved;
}

export class FakeApplication extends FakeProxy {
  protected _scalarProps() {
    return ["calculationMode"];
  }
  protected _read(prop: string): unknown {
    if (prop === "calculationMode") return this.context.state.calculationMode;
    throw new FakeOfficeError("InvalidArgument", `unknown application property ${prop}`);
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  set calculationMode(v: string) {
    this._set("calculationMode", v, () => {
      const st = this.context.state;
      if (v === "Manual" && st.calculationMode !== "Manual") recalculate(st);
      st.calculationMode = v as WorkbookState["calculationMode"];
    });
  }
  calculate(calculationType: string) {
    this.context.enqueue(() => {
      this.context.state.calculations.push(calculationType);
      recalculate(this.context.state);
    });
  }
}

class FakeSetting extends FakeProxy {
  constructor(
    ctx: Ctx,
    private settingKey: string,
    nullable: boolean,
  ) {
    super(ctx);
    this._nullable = nullable;
    if (nullable) ctx.nullables.push(this);
  }
  override _settleNull() {
    this._isNull = !this.context.state.settings.has(this.settingKey);
  }
  protected _scalarProps() {
    return ["key", "value"];
  }
  protected _read(prop: string): unknown {
    const settings = this.context.state.settings;
    if (!settings.has(this.settingKey)) throw new FakeOfficeError("ItemNotFound", `setting ${this.settingKey}`);
    if (prop === "key") return this.settingKey;
    if (prop === "value") return settings.get(this.settingKey);
    throw new FakeOfficeError("InvalidArgument", `unknown setting property ${prop}`);
  }
  protected override _loadPath(path: string) {
    if (!this.context.state.settings.has(this.settingKey) && this._nullable) return;
    super._loadPath(path);
  }
  get value(): unknown {
    return this._get("value");
  }
  delete() {
    this.context.enqueue(() => this.context.state.settings.delete(this.settingKey));
  }
}

export class FakeSettingCollection {
  constructor(private ctx: Ctx) {}
  add(settingKey: string, value: unknown): FakeSetting {
    // A copy, as the value travels through JSON to the document.
    this.ctx.enqueue(() => this.ctx.state.settings.set(settingKey, JSON.parse(JSON.stringify(value))), estimateBytes(settingKey) + estimateBytes(value), REQUEST_COST.add);
    return new FakeSetting(this.ctx, settingKey, false);
  }
  getItemOrNullObject(settingKey: string): FakeSetting {
    return new FakeSetting(this.ctx, settingKey, true);
  }
}
