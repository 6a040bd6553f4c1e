/**
 * Implementation of PlanWorkbookOps (see adapter.ts for the contract).
 *
 * Sync budget per operation (happy path):
 *  - insertTemplate, importText: 1 read (existing sheets, tables, names) + 1 write.
 *  - validate, regenerate: 1 read (tables by their template names + jobplan's state) +
 *    1 write. When a table or the state sheet is missing (a workbook made elsewhere or
 *    edited), the read falls back to one discovery sync and one more read.
 *  - undoRegeneration: 1 read (state, and the tables: rows regeneration added are deleted
 *    only while they still hold what it wrote) + 1 write.
 *  - selectCell: 1.
 * Writes are range writes of at most `chunkCells` cells; they are flushed together unless
 * the estimated request passes `maxPayloadBytes`, in which case the writer syncs once per
 * payload-sized batch (documented in adapter.ts).
 *
 * Regeneration also adds summary rows for tasks and strategies that TaskPlans has and the
 * summaries lack (see workbook/summary-rows.ts and grow-rows.ts): the rows are inserted in
 * the same write sync, before the cell writes, which use the grown tables' addresses.
 *
 * jobplan's own memory lives in a very hidden sheet (STATE_SHEET): which generated cells
 * it wrote last (a hash of each formula), which cells it highlighted, and the previous
 * contents of the cells the last regeneration changed (for undo).
 *
 * Known limits: validation clears only the fills it set itself, but a cell the user had
 * filled before jobplan highlighted it loses that fill when the highlight is cleared
 * (knowing the old fill would take a third sync). Repeated formulas are written once and
 * copied with Range.copyFrom (ExcelApi 1.9); tables are resized with Table.resize (1.13).
 */
import type {
  ExcelRun,
  InsertResult,
  InsertTemplateOptions,
  PlanWorkbookOps,
  PlanWorkbookOptions,
  ProgressCallback,
  RegenerateResult,
} from "./adapter";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import { emptyPlan } from "../core/index";
import { parseSourceList } from "../core/vocabulary";
import { checkPlan } from "../core/validate";
import { importPlanText } from "../import/index";
import {
  buildWorkbookSpec,
  findingsRows,
  readPlanFromTables,
  regenerateFormulas,
  TABLE_NAMES,
  type InputTable,
} from "../workbook/index";
import type { CellSpec, SheetSpec, TableSpec, WorkbookSpec } from "../workbook/workbook-model";
import { a1, columnLetter, parseA1, quoteSheet, splitAddress } from "../core/a1";
import { lambdaNames, lambdaSupport, NO_LAMBDA_MESSAGE } from "../functions/lambda-names";
import { planSummaryRows, rowBeforeGrowth } from "../workbook/summary-rows";
import { queueRowDeletes, queueRowInserts, recordsAfterGrowth, recordsBeforeGrowth, rowsStillThere, undoRowsOf, type UndoRows } from "./grow-rows";

/** The very hidden sheet that holds jobplan's state. */
export const STATE_SHEET = "jobplan_state";
const STATE_CHUNK = 30000;

export const HIGHLIGHT_FILL: Record<Finding["severity"], string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const VALIDATION_ROWS = 1000;
const CHART_NAME = "jobplan 분야별 예산";

// ---------------------------------------------------------------------------------------
// State

interface CellRecord {
  sheet: string;
  cell: string;
}

interface UndoCell extends CellRecord {
  /** What to write back (text is apostrophe-prefixed, formulas start with "="). */
  content: string | number | boolean;
}

export interface JobplanState {
  v: 1;
  /** "sheet!cell" -> hash of the canonical formula jobplan last wrote there. */
  generated: Record<string, string>;
  highlights: CellRecord[];
  /**
   * `cells` had contents; `empty` ("sheet!cell") were empty before the regeneration (both at
   * their addresses after it); `rows` are the summary rows it inserted, deleted after the
   * cells are restored.
   */
  undo: null | { cells: UndoCell[]; empty?: string[]; generated: Record<string, string>; rows?: UndoRows[] };
}

function emptyState(): JobplanState {
  return { v: 1, generated: {}, highlights: [], undo: null };
}

function parseState(values: unknown[][] | undefined): JobplanState {
  if (!values) return emptyState();
  const text = values.map((r) => (r[0] === null || r[0] === undefined ? "" : String(r[0]))).join("");
  if (!text.trim()) return emptyState();
  try {
    const s = JSON.parse(text) as JobplanState;
    if (s && s.v === 1) {
      const state = { ...emptyState(), ...s };
      state.generated = unpackMap(s.generated);
      if (state.undo) state.undo = { ...state.undo, generated: unpackMap(state.undo.generated) };
      return state;
    }
  } catch {
    /* a damaged state is treated as empty */
  }
  return emptyState();
}

/**
 * "sheet!A1" -> hash maps, compacted: runs of one hash down a column become one entry
 * `[sheet, column letters, first row, count, hash]` (10,000 identical formulas -> 1 entry).
 */
type PackedMap = Array<[string, string, number, number, string]>;

function packMap(map: Record<string, string>): PackedMap {
  const cells = Object.entries(map).map(([k, h]) => {
    const bang = k.lastIndexOf("!");
    const m = /^([A-Z]+)(\d+)$/.exec(k.slice(bang + 1))!;
    return { sheet: k.slice(0, bang), col: m[1], row: Number(m[2]), h };
  });
  cells.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col.length - b.col.length || (a.col < b.col ? -1 : a.col > b.col ? 1 : a.row - b.row)));
  const out: PackedMap = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last[0] === c.sheet && last[1] === c.col && last[2] + last[3] === c.row && last[4] === c.h) last[3]++;
    else out.push([c.sheet, c.col, c.row, 1, c.h]);
  }
  return out;
}

function unpackMap(packed: unknown): Record<string, string> {
  if (!Array.isArray(packed)) return (packed as Record<string, string>) ?? {};
  const out: Record<string, string> = {};
  for (const [sheet, col, row, count, h] of packed as PackedMap) for (let i = 0; i < count; i++) out[`${sheet}!${col}${row + i}`] = h;
  return out;
}

/** The state as text chunks, one a cell, prefixed so that Excel keeps them as text. */
function stateChunks(state: JobplanState): string[][] {
  const text = JSON.stringify({
    ...state,
    generated: packMap(state.generated),
    undo: state.undo ? { ...state.undo, generated: packMap(state.undo.generated) } : null,
  });
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += STATE_CHUNK) out.push(["'" + text.slice(i, i + STATE_CHUNK)]);
  return out.length ? out : [["'{}"]];
}

/** FNV-1a, 32 bits, base 36: enough to tell whether a cell changed. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * A formula in a form that survives Excel's own rewriting: `T[[#This Row],[col]]`,
 * `T[@col]` and `[@[col]]` all become `[@col]`; case outside text literals is folded.
 */
export function canonicalFormula(input: unknown): string {
  if (input === null || input === undefined) return "";
  if (typeof input !== "string") return String(input);
  let s = input.trim();
  if (!s.startsWith("=")) return s;
  s = s.replace(/([A-Za-z_\\][\w.]*)?\[\[#This Row\],\s*\[((?:[^\]']|'.)*)\]\]/gi, "[@$2]");
  s = s.replace(/([A-Za-z_\\][\w.]*)?\[@\[((?:[^\]']|'.)*)\]\]/g, "[@$2]");
  s = s.replace(/([A-Za-z_\\][\w.]*)\[@((?:[^\]['"]|'.)*)\]/g, "[@$2]");
  // Fold case outside "..." literals and [...] column names.
  let out = "";
  let inStr = false;
  let depth = 0;
  for (const ch of s) {
    if (ch === '"' && depth === 0) inStr = !inStr;
    else if (!inStr && ch === "[") depth++;
    else if (!inStr && ch === "]") depth = Math.max(0, depth - 1);
    out += inStr || depth > 0 ? ch : ch.toUpperCase();
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Addresses

/** A cell address as written by jobplan; a bad one is a bug, not a user error. */
function cellAt(cell: string): { row: number; col: number } {
  const at = parseA1(cell);
  if (!at) throw new Error(`bad cell ${cell}`);
  return at;
}

function rangeA1(row: number, col: number, rows: number, cols: number): string {
  const a = a1(row, col);
  return rows === 1 && cols === 1 ? a : `${a}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** "'Sheet 1'!B3:C4" -> {sheet, row, col} of the top-left cell. */
function parseAddress(address: string): { sheet: string; row: number; col: number } {
  const { sheet, ref } = splitAddress(address);
  return { sheet: sheet ?? "", ...cellAt(ref.split(":")[0]) };
}

function argbToHex(color: string): string {
  const c = color.replace(/^#/, "");
  return "#" + (c.length === 8 ? c.slice(2) : c);
}

// ---------------------------------------------------------------------------------------
// Cell encoding

type WriteValue = string | number | boolean;

/** A spec cell as Office.js `formulas` input: text is always text, never a formula. */
export function encodeCell(cell: CellSpec | undefined): WriteValue {
  if (!cell) return "";
  if (cell.formula !== undefined && cell.formula !== null) return "=" + cell.formula.replace(/^=/, "");
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : "'" + v;
  return v;
}

/** A cell read back (formulas + values) as what to write to restore it exactly. */
function restoreContent(formula: unknown, value: unknown): WriteValue {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return formula;
  if (typeof value === "string") return value === "" ? "" : "'" + value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

/**
 * Whether copying a formula to other rows leaves its text unchanged: true for formulas
 * whose references are structured ([@col], Table[col]) and absolute; false as soon as a
 * relative A1 reference appears (Excel would shift it).
 */
export function copiesVerbatim(formula: string): boolean {
  let outside = "";
  let inStr = false;
  let depth = 0;
  for (const ch of formula) {
    if (ch === '"' && depth === 0) inStr = !inStr;
    else if (!inStr && ch === "[") depth++;
    else if (!inStr && ch === "]") depth = Math.max(0, depth - 1);
    else if (!inStr && depth === 0) outside += ch;
  }
  // Strip sheet-qualified and whole references that are absolute in both parts.
  return !/(^|[^A-Za-z0-9_$.])\$?[A-Za-z]{1,3}\$?\d+(?![\w(])/.test(outside.replace(/\$[A-Za-z]{1,3}\$\d+/g, ""));
}

// ---------------------------------------------------------------------------------------
// Batched writer

class Writer {
  private bytes = 0;
  syncs = 0;
  constructor(
    private context: Excel.RequestContext,
    private maxBytes: number,
  ) {}
  /** Counts a queued write; syncs first when the batch would grow past the limit. */
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.maxBytes) {
      await this.context.sync();
      this.syncs++;
      this.bytes = 0;
    }
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
  }
}

/** UTF-8 length of a string (what the request carries), plus JSON quoting. */
function textBytes(s: string): number {
  let n = 3;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c ? 2 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}

function approxBytes(rows: unknown[][]): number {
  let n = 2;
  for (const r of rows) for (const v of r) n += typeof v === "string" ? textBytes(v) : String(v).length + 1;
  return n;
}

/** Writes a 2-D block in chunks of at most `chunkCells` cells (whole rows per chunk). */
async function writeBlock(
  ws: Excel.Worksheet,
  writer: Writer,
  row: number,
  col: number,
  formulas: WriteValue[][],
  numberFormats: string[][] | undefined,
  chunkCells: number,
): Promise<void> {
  if (!formulas.length) return;
  const cols = formulas[0].length;
  const per = Math.max(1, Math.floor(chunkCells / Math.max(1, cols)));
  for (let i = 0; i < formulas.length; i += per) {
    const part = formulas.slice(i, i + per);
    const range = ws.getRange(rangeA1(row + i, col, part.length, cols));
    let bytes = approxBytes(part);
    if (numberFormats) {
      const nf = numberFormats.slice(i, i + per);
      bytes += approxBytes(nf);
      await writer.add(bytes);
      range.numberFormat = nf;
    } else await writer.add(bytes);
    range.formulas = part as unknown[][] as string[][];
  }
}

// ---------------------------------------------------------------------------------------
// Reading the workbook

interface LoadedTable {
  name: string;
  table: Excel.Table;
  range: Excel.Range;
  withFormulas: boolean;
}

interface WorkbookRead {
  inputs: InputTable[];
  /** "sheet!A1" -> [formula, value] for tables loaded with formulas. */
  cells: Map<string, [unknown, unknown]>;
  state: JobplanState;
  hasState: boolean;
  tableNames: string[];
}

const ALL_TABLES: string[] = Object.values(TABLE_NAMES);
const FORMULA_TABLES: string[] = [TABLE_NAMES.taskPlans, TABLE_NAMES.summaryByTask, TABLE_NAMES.summaryByStrategy];

function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return !!e && (e.code === "ItemNotFound" || /ItemNotFound/i.test(e.message ?? ""));
}

/**
 * One sync reading every jobplan table (values; formulas where generated cells live) and
 * the state. Falls back to discovering what exists when something is missing.
 */
async function readWorkbook(context: Excel.RequestContext, opts: { formulas: boolean; tables: boolean }): Promise<WorkbookRead> {
  const queue = (names: string[], withState: boolean) => {
    const loaded: LoadedTable[] = [];
    if (opts.tables) {
      for (const name of names) {
        const table = context.workbook.tables.getItem(name);
        table.load("name,showTotals");
        const range = table.getRange();
        const withFormulas = opts.formulas && FORMULA_TABLES.includes(name);
        range.load(withFormulas ? "address,values,formulas" : "address,values");
        loaded.push({ name, table, range, withFormulas });
      }
    }
    let stateRange: Excel.Range | undefined;
    if (withState) {
      stateRange = context.workbook.worksheets.getItem(STATE_SHEET).getUsedRange(true);
      stateRange.load("values");
    }
    return { loaded, stateRange };
  };

  let q = queue(ALL_TABLES, true);
  let hasState = true;
  try {
    await context.sync();
  } catch (err) {
    if (!isNotFound(err)) throw err;
    // Something is missing: find out what exists, then read that.
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const existing = new Set(tables.items.map((t) => t.name.toLowerCase()));
    hasState = sheets.items.some((s) => s.name === STATE_SHEET);
    q = queue(
      ALL_TABLES.filter((n) => existing.has(n.toLowerCase())),
      hasState,
    );
    await context.sync();
  }

  const inputs: InputTable[] = [];
  const cells = new Map<string, [unknown, unknown]>();
  for (const t of q.loaded) {
    const { sheet, row, col } = parseAddress(t.range.address);
    const values = t.range.values;
    inputs.push({ sheet, name: t.table.name, origin: { row, col }, values, hasTotalsRow: t.table.showTotals });
    if (t.withFormulas) {
      const formulas = t.range.formulas;
      for (let r = 0; r < formulas.length; r++)
        for (let c = 0; c < formulas[r].length; c++) cells.set(`${sheet}!${a1(row + r, col + c)}`, [formulas[r][c], values[r][c]]);
    }
  }
  const state = q.stateRange ? parseState(q.stateRange.values) : emptyState();
  return { inputs, cells, state, hasState, tableNames: q.loaded.map((t) => t.name) };
}

function writeState(context: Excel.RequestContext, state: JobplanState, exists: boolean): number {
  const ws = exists ? context.workbook.worksheets.getItem(STATE_SHEET) : context.workbook.worksheets.add(STATE_SHEET);
  if (exists) ws.getRange().clear("Contents" as Excel.ClearApplyTo);
  const chunks = stateChunks(state);
  const range = ws.getRange(`A1:A${chunks.length}`);
  range.values = chunks;
  if (!exists) ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  return approxBytes(chunks);
}

// ---------------------------------------------------------------------------------------
// Rendering a WorkbookSpec

interface RenderContext {
  context: Excel.RequestContext;
  writer: Writer;
  chunkCells: number;
}

function tableBody(t: TableSpec): CellSpec[][] {
  return t.rows.length ? t.rows : [t.columns.map((): CellSpec => ({ value: null }))];
}

function numberFormatOf(t: TableSpec, cell: CellSpec | undefined, ci: number): string {
  return cell?.numberFormat ?? t.columns[ci]?.numberFormat ?? "General";
}

/** Generated cells of a table as written: "sheet!A1" -> canonical formula hash. */
function generatedHashes(sheet: string, t: TableSpec, into: Record<string, string>): void {
  const body = tableBody(t);
  const rows = t.totals ? [...body, t.totals] : body;
  t.columns.forEach((col, ci) => {
    if (!col.generated) return;
    rows.forEach((r, ri) => {
      const content = encodeCell(r[ci]);
      if (content === "") return;
      into[`${sheet}!${a1(t.origin.row + 1 + ri, t.origin.col + ci)}`] = hashText(canonicalFormula(content));
    });
  });
}

async function renderTable(rc: RenderContext, ws: Excel.Worksheet, t: TableSpec): Promise<void> {
  const { row, col } = t.origin;
  const cols = t.columns.length;
  const body = tableBody(t);
  // Header (text) and body in one block; number formats with it.
  const header: WriteValue[] = t.columns.map((c) => "'" + c.header.ko);
  const block: WriteValue[][] = [header, ...body.map((r) => t.columns.map((_, ci) => encodeCell(r[ci])))];
  const formats: string[][] = [t.columns.map(() => "General"), ...body.map((r) => t.columns.map((_, ci) => numberFormatOf(t, r[ci], ci)))];
  // Columns with one formula in every row (e.g. 요약 반영액): written once, then copied.
  const copied: number[] = [];
  if (body.length > 2) {
    t.columns.forEach((_, ci) => {
      const f = block[1][ci];
      if (typeof f !== "string" || !f.startsWith("=") || !copiesVerbatim(f)) return;
      for (let r = 2; r < block.length; r++) if (block[r][ci] !== f) return;
      copied.push(ci);
      for (let r = 2; r < block.length; r++) block[r][ci] = "";
    });
  }
  // Number formats: a column with one format is formatted once and the format copied down
  // (keeps the request small at 10,000 rows); mixed columns send a per-cell array.
  const uniform = t.columns.map((_, ci) => formats.slice(1).every((r) => r[ci] === formats[1][ci]));
  const allUniform = uniform.every(Boolean);
  await writeBlock(ws, rc.writer, row, col, block, allUniform ? undefined : formats, rc.chunkCells);
  if (allUniform) {
    t.columns.forEach((_, ci) => {
      const nf = formats[1][ci];
      if (nf === "General") return;
      const first = ws.getRange(a1(row + 1, col + ci));
      first.numberFormat = [[nf]];
      if (body.length > 1) ws.getRange(rangeA1(row + 2, col + ci, body.length - 1, 1)).copyFrom(first, "Formats" as Excel.RangeCopyType);
    });
    await rc.writer.add(t.columns.length * 160);
  }
  for (const ci of copied) {
    ws.getRange(rangeA1(row + 2, col + ci, body.length - 1, 1)).copyFrom(ws.getRange(a1(row + 1, col + ci)), "Formulas" as Excel.RangeCopyType);
    await rc.writer.add(128);
  }
  const table = ws.tables.add(rangeA1(row, col, body.length + 1, cols), true);
  table.name = t.name;
  table.style = "TableStyleLight9";
  if (t.totals) {
    table.showTotals = true;
    const totalsRow = t.columns.map((_, ci) => encodeCell(t.totals![ci]));
    const totalsFormats = [t.columns.map((_, ci) => numberFormatOf(t, t.totals![ci], ci))];
    await writeBlock(ws, rc.writer, row + 1 + body.length, col, [totalsRow], totalsFormats, rc.chunkCells);
    ws.getRange(rangeA1(row + 1 + body.length, col, 1, cols)).format.font.bold = true;
  }
  t.columns.forEach((c, ci) => {
    if (c.width) ws.getRange(`${columnLetter(col + ci)}:${columnLetter(col + ci)}`).format.columnWidth = Math.round(c.width * 7);
  });
  const span = Math.max(body.length, VALIDATION_ROWS);
  const colRange = (key: string) => {
    const ci = t.columns.findIndex((c) => c.key === key);
    return ci < 0 ? undefined : ws.getRange(rangeA1(row + 1, col + ci, span, 1));
  };
  for (const dv of t.validations ?? []) {
    const range = colRange(dv.column);
    if (!range) continue;
    if (dv.kind === "list") {
      range.dataValidation.rule = { list: { inCellDropDown: true, source: dv.source ?? "" } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Warning" as Excel.DataValidationAlertStyle, title: "jobplan", message: dv.prompt?.ko ?? "" };
    } else {
      range.dataValidation.rule = {
        wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator },
      };
    }
    if (dv.prompt) range.dataValidation.prompt = { showPrompt: true, title: "jobplan", message: dv.prompt.ko };
    await rc.writer.add(200);
  }
  for (const cf of t.conditionalFormats ?? []) {
    for (const key of cf.columns) {
      const range = colRange(key);
      if (!range) continue;
      const format = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      format.custom.rule.formula = "=" + cf.formula.replace(/^=/, "");
      format.custom.format.fill.color = argbToHex(cf.fill);
      if (cf.fontColor) format.custom.format.font.color = argbToHex(cf.fontColor);
      await rc.writer.add(200 + cf.formula.length);
    }
  }
}

async function renderSheet(rc: RenderContext, ws: Excel.Worksheet, s: SheetSpec): Promise<void> {
  for (const t of s.tables) await renderTable(rc, ws, t);
  for (const c of s.cells ?? []) {
    const range = ws.getRange(a1(c.row, c.col));
    if (c.cell.numberFormat) range.numberFormat = [[c.cell.numberFormat]];
    range.formulas = [[encodeCell(c.cell)]] as unknown as string[][];
    await rc.writer.add(64);
  }
  if (s.freezeRows) ws.freezePanes.freezeRows(s.freezeRows);
}

/** Budget by strategy, stacked by funding source, beside the strategy summary table. */
function addStrategyChart(ws: Excel.Worksheet, t: TableSpec, title: string): void {
  const sourceCols = t.columns.map((c, i) => ({ c, i })).filter((x) => x.c.key.startsWith("gen:src:"));
  const strategyCol = t.columns.findIndex((c) => c.key === "strategy");
  if (!sourceCols.length || strategyCol < 0) return;
  const rows = tableBody(t).length;
  const first = sourceCols[0].i;
  const last = sourceCols[sourceCols.length - 1].i;
  const data = ws.getRange(rangeA1(t.origin.row, t.origin.col + first, rows + 1, last - first + 1));
  const chart = ws.charts.add("ColumnStacked" as Excel.ChartType, data, "Columns" as Excel.ChartSeriesBy);
  chart.name = CHART_NAME;
  chart.title.text = title;
  chart.axes.categoryAxis.setCategoryNames(ws.getRange(rangeA1(t.origin.row + 1, t.origin.col + strategyCol, rows, 1)));
  const left = columnLetter(t.origin.col + t.columns.length + 1);
  const right = columnLetter(t.origin.col + t.columns.length + 9);
  chart.setPosition(`${left}${t.origin.row + 2}`, `${right}${t.origin.row + 20}`);
}

interface RenderOutcome {
  sheets: string[];
  tables: string[];
  names: string[];
  generated: Record<string, string>;
}

/**
 * Writes a whole WorkbookSpec, replacing jobplan's sheets of the same names. Old sheets are
 * renamed, the new ones added, then the old ones deleted (a workbook must keep a visible
 * sheet), so the user's other sheets are never touched.
 */
async function renderWorkbook(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  extraNames: Array<{ name: string; formula: string; comment?: string }>,
  options: Required<Pick<PlanWorkbookOptions, "chunkCells" | "maxPayloadBytes">>,
  state: JobplanState,
): Promise<{ outcome: RenderOutcome; writer: Writer }> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name");
  const tables = wb.tables;
  tables.load("items/name,items/worksheet/name");
  const names = wb.names;
  names.load("items/name");
  await context.sync();

  const writer = new Writer(context, options.maxPayloadBytes);
  const rc: RenderContext = { context, writer, chunkCells: options.chunkCells };
  const specSheetNames = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
  const specTables = new Set(spec.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  // Defined names share one namespace with table names (case-insensitive): a name that
  // would clash with a table (a user's table, or one of ours if renamed) is skipped.
  const tableNameSet = new Set([...specTables, ...tables.items.map((t) => t.name.toLowerCase())]);
  const newNames = [...(spec.names ?? []), ...extraNames].filter((x) => !tableNameSet.has(x.name.toLowerCase()));
  const hasState = sheets.items.some((s) => s.name === STATE_SHEET);

  // Tables with our names on sheets we keep: rename them out of the way.
  let n = 0;
  for (const t of tables.items) {
    if (specTables.has(t.name.toLowerCase()) && !specSheetNames.has(t.worksheet.name.toLowerCase())) t.name = `${t.name}_old${++n}`;
  }
  for (const nm of names.items) {
    if (newNames.some((x) => x.name.toLowerCase() === nm.name.toLowerCase())) nm.delete();
  }
  const old = sheets.items.filter((s) => specSheetNames.has(s.name.toLowerCase()));
  old.forEach((s, i) => (s.name = `jobplan_old_${i + 1}`));
  const added = spec.sheets.map((s) => sheets.add(s.name));
  old.forEach((s) => s.delete());

  const generated: Record<string, string> = {};
  for (let i = 0; i < spec.sheets.length; i++) {
    const s = spec.sheets[i];
    await renderSheet(rc, added[i], s);
    for (const t of s.tables) generatedHashes(s.name, t, generated);
    if (s.key === "strategy" && s.tables[0]) addStrategyChart(added[i], s.tables[0], "분야별 사업예산(백만원, 재원별)");
  }
  for (const nm of newNames) {
    wb.names.add(nm.name, nm.formula, nm.comment);
    await writer.add(nm.formula.length + 64);
  }
  state.generated = generated;
  state.highlights = [];
  state.undo = null;
  await writer.add(writeState(context, state, hasState));
  added[0]?.activate();
  await writer.flush();
  return {
    outcome: {
      sheets: spec.sheets.map((s) => s.name),
      tables: spec.sheets.flatMap((s) => s.tables.map((t) => t.name)),
      names: newNames.map((x) => x.name),
      generated,
    },
    writer,
  };
}

// ---------------------------------------------------------------------------------------
// Helpers for the operations

function defaultLambdaCheck(): { supported: boolean; message: { ko: string; en: string } | null } {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const diag = office?.context?.diagnostics;
    if (!office || !diag) return { supported: false, message: NO_LAMBDA_MESSAGE };
    const r = lambdaSupport({
      platform: String(diag.platform ?? ""),
      version: diag.version,
      isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
    });
    return { supported: r.supported === true, message: r.supported === true ? null : (r.message ?? NO_LAMBDA_MESSAGE) };
  } catch {
    return { supported: false, message: NO_LAMBDA_MESSAGE };
  }
}

/** Groups single cells into vertical runs: one range write per run (chunked). */
function columnRuns<T>(cells: Array<{ sheet: string; cell: string; content: T }>): Array<{ sheet: string; row: number; col: number; contents: T[] }> {
  const parsed = cells.map((c) => ({ ...c, ...cellAt(c.cell) }));
  parsed.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col - b.col || a.row - b.row));
  const runs: Array<{ sheet: string; row: number; col: number; contents: T[] }> = [];
  for (const p of parsed) {
    const last = runs[runs.length - 1];
    if (last && last.sheet === p.sheet && last.col === p.col && last.row + last.contents.length === p.row) last.contents.push(p.content);
    else runs.push({ sheet: p.sheet, row: p.row, col: p.col, contents: [p.content] });
  }
  return runs;
}

async function writeRuns(
  context: Excel.RequestContext,
  writer: Writer,
  cells: Array<{ sheet: string; cell: string; content: WriteValue }>,
  chunkCells: number,
): Promise<void> {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const run of columnRuns(cells)) {
    let ws = sheets.get(run.sheet);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(run.sheet);
      sheets.set(run.sheet, ws);
    }
    const first = run.contents[0];
    const same = run.contents.length > 2 && run.contents.every((c) => c === first);
    if (same && first === "") {
      // A run of empty cells: one clear instead of thousands of "".
      ws.getRange(rangeA1(run.row, run.col, run.contents.length, 1)).clear("Contents" as Excel.ClearApplyTo);
      await writer.add(64);
    } else if (same && typeof first === "string" && first.startsWith("=") && copiesVerbatim(first)) {
      // The same formula down a column: write it once and copy it (tiny request at any size).
      ws.getRange(a1(run.row, run.col)).formulas = [[first]];
      ws.getRange(rangeA1(run.row + 1, run.col, run.contents.length - 1, 1)).copyFrom(
        ws.getRange(a1(run.row, run.col)),
        "Formulas" as Excel.RangeCopyType,
      );
      await writer.add(first.length * 3 + 128);
    } else {
      await writeBlock(ws, writer, run.row, run.col, run.contents.map((c) => [c]), undefined, chunkCells);
    }
  }
}

function key(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

// ---------------------------------------------------------------------------------------

/**
 * Writes a whole plan as the jobplan workbook (what importText does after parsing): one
 * read sync, then the writes. Exported for tests and callers that already hold a Plan.
 */
export async function writePlan(
  run: ExcelRun,
  plan: Plan,
  findings: Finding[],
  options: PlanWorkbookOptions = {},
  lambda?: { supported: boolean; message: { ko: string; en: string } | null },
): Promise<{ outcome: RenderOutcome; lambda: { supported: boolean; message: { ko: string; en: string } | null } }> {
  const lang = options.headerLanguage ?? "ko";
  const spec = buildWorkbookSpec(plan, findings, { lang });
  const l = lambda ?? { supported: false, message: null };
  const extra = l.supported ? lambdaNames().map((x) => ({ name: x.name, formula: x.formula, comment: x.comment[lang] })) : [];
  const limits = { chunkCells: options.chunkCells ?? 5000, maxPayloadBytes: options.maxPayloadBytes ?? 4 * 1024 * 1024 };
  const { outcome } = await run((context) => renderWorkbook(context, spec, extra, limits, emptyState()));
  return { outcome, lambda: l };
}

export function createPlanWorkbookOps(run: ExcelRun, options: PlanWorkbookOptions = {}): PlanWorkbookOps {
  const chunkCells = options.chunkCells ?? 5000;
  const maxPayloadBytes = options.maxPayloadBytes ?? 4 * 1024 * 1024;
  const lang = options.headerLanguage ?? "ko";
  const lambdaCheck = () => {
    if (options.lambdaSupported) {
      const ok = options.lambdaSupported();
      return { supported: ok, message: ok ? null : NO_LAMBDA_MESSAGE };
    }
    return defaultLambdaCheck();
  };

  const renderPlan = (plan: Plan, findings: Finding[], withLambda: boolean) => writePlan(run, plan, findings, options, withLambda ? lambdaCheck() : undefined);

  return {
    async insertTemplate(opts: InsertTemplateOptions): Promise<InsertResult> {
      const plan = emptyPlan(opts.planName);
      if (opts.region) plan.region = opts.region;
      plan.year = opts.year;
      plan.settings = { sources: parseSourceList(opts.sources), roundingMode: opts.roundingMode };
      const { outcome, lambda } = await renderPlan(plan, [], true);
      const result: InsertResult = {
        sheets: outcome.sheets,
        tables: outcome.tables,
        names: outcome.names,
        lambdaNames: lambda.supported,
      };
      if (lambda.message) result.message = lambda.message;
      return result;
    },

    async importText(text: string, onProgress?: ProgressCallback) {
      onProgress?.({ step: "compute", fraction: 0.1 });
      const imported = importPlanText(text);
      const findings = [...imported.findings, ...checkPlan(imported.plan)];
      onProgress?.({ step: "write", fraction: 0.4 });
      await renderPlan(imported.plan, findings, true);
      onProgress?.({ step: "done", fraction: 1 });
      return { findings };
    },

    async validate(onProgress?: ProgressCallback) {
      return run(async (context) => {
        onProgress?.({ step: "read", fraction: 0.1 });
        const read = await readWorkbook(context, { formulas: false, tables: true });
        onProgress?.({ step: "compute", fraction: 0.4 });
        const result = readPlanFromTables(read.inputs);
        const findings = [...result.findings, ...checkPlan(result.plan)];
        onProgress?.({ step: "write", fraction: 0.6 });

        const writer = new Writer(context, maxPayloadBytes);
        const state = read.state;
        const sheetCache = new Map<string, Excel.Worksheet>();
        const sheetOf = (name: string) => {
          let ws = sheetCache.get(name);
          if (!ws) sheetCache.set(name, (ws = context.workbook.worksheets.getItem(name)));
          return ws;
        };
        const existingSheets = new Set(read.inputs.map((t) => t.sheet));
        // 1. Clear jobplan's previous highlights (only cells jobplan filled itself).
        for (const h of state.highlights) {
          if (!existingSheets.has(h.sheet)) continue;
          sheetOf(h.sheet).getRange(h.cell).format.fill.clear();
          await writer.add(48);
        }
        // 2. The findings table.
        const findingsTable = read.inputs.find((t) => t.name === TABLE_NAMES.findings);
        const rows = findingsRows(findings, lang);
        const spec = buildWorkbookSpec(undefined, findings, { lang }).sheets.find((s) => s.key === "findings")!;
        if (findingsTable) {
          const ws = sheetOf(findingsTable.sheet);
          const table = context.workbook.tables.getItem(TABLE_NAMES.findings);
          const cols = findingsTable.values[0]?.length ?? spec.tables[0].columns.length;
          const oldBody = Math.max(1, findingsTable.values.length - 1);
          const { row, col } = findingsTable.origin;
          ws.getRange(rangeA1(row + 1, col, oldBody, cols)).clear("Contents" as Excel.ClearApplyTo);
          const body = rows.length ? rows : [spec.tables[0].columns.map((): CellSpec => ({ value: null }))];
          if (body.length !== oldBody) table.resize(ws.getRange(rangeA1(row, col, body.length + 1, cols)));
          const t = spec.tables[0];
          const block = body.map((r) => r.slice(0, cols).map((c) => encodeCell(c)));
          const formats = body.map((r) => r.slice(0, cols).map((c, ci) => numberFormatOf(t, c, ci)));
          await writeBlock(ws, writer, row + 1, col, block, formats, chunkCells);
        } else {
          const ws = context.workbook.worksheets.add(spec.name);
          await renderSheet({ context, writer, chunkCells }, ws, spec);
        }
        // 3. Highlight the cells findings point at.
        const highlights: CellRecord[] = [];
        const seen = new Set<string>();
        const worst = new Map<string, Finding["severity"]>();
        const order = { error: 0, warning: 1, info: 2 };
        for (const f of findings) {
          const { sheet, cell } = f.location;
          if (!sheet || !cell || !existingSheets.has(sheet) || sheet === spec.name) continue;
          const k = key(sheet, cell);
          const prev = worst.get(k);
          if (!prev || order[f.severity] < order[prev]) worst.set(k, f.severity);
        }
        for (const [k, severity] of worst) {
          const bang = k.lastIndexOf("!");
          const sheet = k.slice(0, bang);
          const cell = k.slice(bang + 1);
          if (seen.has(k)) continue;
          seen.add(k);
          sheetOf(sheet).getRange(cell).format.fill.color = HIGHLIGHT_FILL[severity];
          highlights.push({ sheet, cell });
          await writer.add(64);
        }
        state.highlights = highlights;
        await writer.add(writeState(context, state, read.hasState));
        await writer.flush();
        onProgress?.({ step: "done", fraction: 1 });
        return findings;
      });
    },

    async regenerate(opts?: { force?: boolean }): Promise<RegenerateResult> {
      return run(async (context) => {
        const read = await readWorkbook(context, { formulas: true, tables: true });
        // Summary rows for tasks / strategies TaskPlans has and the summaries lack: the
        // formulas are those of the workbook with the rows in, at the addresses they will have.
        const rows = planSummaryRows(readPlanFromTables(read.inputs));
        const formulas = regenerateFormulas(rows.read, lang);
        const state = read.state;
        /** "sheet!cell" of a grown-workbook cell before the rows went in; undefined in a new row. */
        const before = (sheet: string, cell: string): string | undefined => {
          const { row, col } = cellAt(cell);
          const r = rowBeforeGrowth(rows, sheet, row, col);
          return r === undefined ? undefined : key(sheet, a1(r, col));
        };
        const edited: string[] = [];
        const changes: Array<{ sheet: string; cell: string; content: WriteValue }> = [];
        const undoCells: UndoCell[] = [];
        const undoEmpty: string[] = [];
        const generated: Record<string, string> = {};
        /** What to write back on undo; nothing for a cell of an inserted row (the row goes). */
        const remember = (sheet: string, cell: string, old: string | undefined) => {
          if (!old) return;
          const [curFormula, curValue] = read.cells.get(old) ?? ["", ""];
          const prev = restoreContent(curFormula, curValue);
          if (prev === "") undoEmpty.push(key(sheet, cell));
          else undoCells.push({ sheet, cell, content: prev });
        };
        for (const g of formulas) {
          const k = key(g.sheet, g.cell);
          const old = before(g.sheet, g.cell);
          const next = "=" + g.formula;
          const nextCanon = canonicalFormula(next);
          generated[k] = hashText(nextCanon);
          const [curFormula] = (old && read.cells.get(old)) || ["", ""];
          const curCanon = canonicalFormula(curFormula);
          if (curCanon === nextCanon) continue;
          const isEmpty = curFormula === "" || curFormula === null || curFormula === undefined;
          const last = old ? state.generated[old] : undefined;
          // Reported at the address the user sees now, before any row goes in.
          if (!isEmpty && (last === undefined || last !== hashText(curCanon))) edited.push(old ?? k);
          changes.push({ sheet: g.sheet, cell: g.cell, content: next });
          remember(g.sheet, g.cell, old);
        }
        if (edited.length && !opts?.force) return { status: "confirm-needed" as const, editedCells: edited };
        // Names of the added rows: text, never formulas.
        for (const g of rows.tables) {
          for (const c of g.cells) {
            changes.push({ sheet: g.sheet, cell: c.cell, content: encodeCell({ value: c.value }) });
            remember(g.sheet, c.cell, before(g.sheet, c.cell));
          }
        }
        const writer = new Writer(context, maxPayloadBytes);
        const undoRows = undoRowsOf(rows);
        // Rows first: the cell writes below use the addresses of the grown tables.
        await writer.add(queueRowInserts(context, rows));
        await writeRuns(context, writer, changes, chunkCells);
        state.undo = { cells: undoCells, empty: undoEmpty, generated: state.generated, rows: undoRows };
        state.generated = generated;
        if (undoRows.length) state.highlights = recordsAfterGrowth(state.highlights, { tables: undoRows });
        await writer.add(writeState(context, state, read.hasState));
        await writer.flush();
        return { status: "done" as const, changedCells: changes.length, addedRows: rows.added };
      });
    },

    async undoRegeneration(): Promise<boolean> {
      return run(async (context) => {
        const read = await readWorkbook(context, { formulas: false, tables: true });
        const state = read.state;
        if (!read.hasState || !state.undo) return false;
        const rows = state.undo.rows ?? [];
        // Rows sorted or moved since: deleting by index would delete someone's row.
        if (rows.length && !rowsStillThere(rows, read.inputs)) return false;
        const writer = new Writer(context, maxPayloadBytes);
        const empty = (state.undo.empty ?? []).map((k) => {
          const bang = k.lastIndexOf("!");
          return { sheet: k.slice(0, bang), cell: k.slice(bang + 1), content: "" as WriteValue };
        });
        // Cells first, at the grown addresses; then the rows out, which moves them back.
        await writeRuns(context, writer, [...state.undo.cells, ...empty], chunkCells);
        await writer.add(queueRowDeletes(context, rows));
        if (rows.length) state.highlights = recordsBeforeGrowth(state.highlights, { tables: rows });
        state.generated = state.undo.generated;
        state.undo = null;
        await writer.add(writeState(context, state, true));
        await writer.flush();
        return true;
      });
    },

    async selectCell(sheet: string, cell: string) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },
  };
}

// Exposed for tests.
export const internals = { parseState, stateChunks, restoreContent, columnRuns, quoteSheet };
