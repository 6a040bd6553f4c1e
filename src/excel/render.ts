/**
 * Rendering a WorkbookSpec with Office.js: sheets, tables (header and body in one block,
 * number formats, validation, conditional formats), loose cells, the strategy chart and the
 * defined names. Only queues and counts bytes through the Writer; renderWorkbook makes the
 * one read sync and the final flush.
 */
import type { CellSpec, SheetSpec, TableSpec, WorkbookSpec } from "../workbook/workbook-model";
import { a1, columnLetter, quoteSheet } from "../core/a1";
import type { PlanWorkbookOptions } from "./contract";
import { argbToHex, canonicalFormula, copiesVerbatim, encodeCell, hashText, rangeA1, type WriteValue } from "./cells";
import { STATE_SHEET, writeState, type JobplanState } from "./state";
import { approxBytes, REQUEST_BYTES, textBytes, writeBlock, Writer } from "./writer";
import { addNames, frozenNames } from "./names";

export const VALIDATION_ROWS = 1000;
export const CHART_NAME = "jobplan 분야별 예산";

export interface RenderContext {
  context: Excel.RequestContext;
  writer: Writer;
  chunkCells: number;
}

export function tableBody(t: TableSpec): CellSpec[][] {
  return t.rows.length ? t.rows : [t.columns.map((): CellSpec => ({ value: null }))];
}

export function numberFormatOf(t: TableSpec, cell: CellSpec | undefined, ci: number): string {
  return cell?.numberFormat ?? t.columns[ci]?.numberFormat ?? "General";
}

/** Generated cells of a table as written: "sheet!A1" -> canonical formula hash. */
export function generatedHashes(sheet: string, t: TableSpec, into: Record<string, string>): void {
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

export async function renderTable(rc: RenderContext, ws: Excel.Worksheet, sheetName: string, t: TableSpec): Promise<void> {
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
    await rc.writer.add(t.columns.length * (REQUEST_BYTES.rangeWrite + REQUEST_BYTES.rangeOp));
  }
  for (const ci of copied) {
    ws.getRange(rangeA1(row + 2, col + ci, body.length - 1, 1)).copyFrom(ws.getRange(a1(row + 1, col + ci)), "Formulas" as Excel.RangeCopyType);
    await rc.writer.add(REQUEST_BYTES.rangeOp * 2);
  }
  // Sheet-qualified: an address without a sheet name puts the table on the ACTIVE sheet,
  // whichever collection add() is called on (TableCollection.add, ExcelApi 1.1).
  const table = rc.context.workbook.tables.add(`${quoteSheet(sheetName)}!${rangeA1(row, col, body.length + 1, cols)}`, true);
  table.name = t.name;
  table.style = "TableStyleLight9";
  await rc.writer.add(REQUEST_BYTES.tableAdd);
  if (t.totals) {
    table.showTotals = true;
    const totalsRow = t.columns.map((_, ci) => encodeCell(t.totals![ci]));
    const totalsFormats = [t.columns.map((_, ci) => numberFormatOf(t, t.totals![ci], ci))];
    await writeBlock(ws, rc.writer, row + 1 + body.length, col, [totalsRow], totalsFormats, rc.chunkCells);
    ws.getRange(rangeA1(row + 1 + body.length, col, 1, cols)).format.font.bold = true;
    await rc.writer.add(REQUEST_BYTES.fillColor);
  }
  for (const [ci, c] of t.columns.entries()) {
    if (!c.width) continue;
    ws.getRange(`${columnLetter(col + ci)}:${columnLetter(col + ci)}`).format.columnWidth = Math.round(c.width * 7);
    await rc.writer.add(REQUEST_BYTES.columnWidth);
  }
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
    await rc.writer.add(REQUEST_BYTES.dataValidation + textBytes(dv.source ?? "") + 2 * textBytes(dv.prompt?.ko ?? ""));
  }
  for (const cf of t.conditionalFormats ?? []) {
    for (const key of cf.columns) {
      const range = colRange(key);
      if (!range) continue;
      const format = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      format.custom.rule.formula = "=" + cf.formula.replace(/^=/, "");
      format.custom.format.fill.color = argbToHex(cf.fill);
      if (cf.fontColor) format.custom.format.font.color = argbToHex(cf.fontColor);
      await rc.writer.add(REQUEST_BYTES.conditionalFormat + textBytes(cf.formula));
    }
  }
}

export async function renderSheet(rc: RenderContext, ws: Excel.Worksheet, s: SheetSpec): Promise<void> {
  for (const t of s.tables) await renderTable(rc, ws, s.name, t);
  for (const c of s.cells ?? []) {
    const range = ws.getRange(a1(c.row, c.col));
    if (c.cell.numberFormat) range.numberFormat = [[c.cell.numberFormat]];
    const content = encodeCell(c.cell);
    range.formulas = [[content]] as unknown as string[][];
    await rc.writer.add(REQUEST_BYTES.rangeWrite + REQUEST_BYTES.secondProperty + approxBytes([[content]]));
  }
  if (s.freezeRows) ws.freezePanes.freezeRows(s.freezeRows);
}

/** Budget by strategy, stacked by funding source, beside the strategy summary table. */
export function addStrategyChart(ws: Excel.Worksheet, t: TableSpec, title: string): void {
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

export interface RenderOutcome {
  sheets: string[];
  tables: string[];
  names: string[];
  /** Names removed again because Excel froze their table references (names.ts). */
  frozenNames: string[];
  generated: Record<string, string>;
}

/**
 * Writes a whole WorkbookSpec, replacing jobplan's sheets of the same names. Old sheets are
 * renamed, the new ones added, then the old ones deleted (a workbook must keep a visible
 * sheet), so the user's other sheets are never touched.
 */
export async function renderWorkbook(
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
  await writer.add(spec.sheets.length * REQUEST_BYTES.sheetAdd + old.length * 2 * REQUEST_BYTES.rangeOp);
  old.forEach((s) => s.delete());

  const generated: Record<string, string> = {};
  for (let i = 0; i < spec.sheets.length; i++) {
    const s = spec.sheets[i];
    await renderSheet(rc, added[i], s);
    for (const t of s.tables) generatedHashes(s.name, t, generated);
    if (s.key === "strategy" && s.tables[0]) {
      addStrategyChart(added[i], s.tables[0], "분야별 사업예산(백만원, 재원별)");
      await writer.add(REQUEST_BYTES.chart);
    }
  }
  const addedNames = await addNames(context, writer, newNames);
  state.generated = generated;
  state.highlights = [];
  state.undo = null;
  await writer.add(writeState(context, state, hasState ? "sheet" : "new-sheet"));
  added[0]?.activate();
  await writer.flush();
  // Names whose table references Excel froze to fixed ranges (office-js #740) go again.
  const frozen = frozenNames(addedNames);
  if (frozen.length) {
    for (const f of frozen) f.item.delete();
    await writer.flush();
  }
  const gone = new Set(frozen.map((f) => f.name.name));
  return {
    outcome: {
      sheets: spec.sheets.map((s) => s.name),
      tables: spec.sheets.flatMap((s) => s.tables.map((t) => t.name)),
      names: newNames.map((x) => x.name).filter((x) => !gone.has(x)),
      frozenNames: [...gone],
      generated,
    },
    writer,
  };
}
