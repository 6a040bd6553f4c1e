/**
 * Rendering a WorkbookSpec with Office.js: everything the ExcelJS renderer (cli/xlsx-write.ts)
 * renders, in one read sync and one write sync. The writes go in passes over all sheets, so
 * that no formula is written before the tables it names exist:
 *
 * 1. sheets added (the workbook font on each), tables with their constant cells, number
 *    formats, widths, hidden columns, validation and conditional formats, loose constants;
 * 2. every formula (table columns, totals, loose cells);
 * 3. styles, borders, links, notes, merged titles, row heights, frozen rows, page setup;
 * 4. the strategy chart (without the 합계 row), defined names, the change log row;
 * 5. protection of the sheets that ask for it (last: nothing is written to them after it);
 * 6. jobplan's state.
 */
import type { CellSpec, SheetSpec, TableSpec, WorkbookSpec } from "../workbook/workbook-model";
import { CHANGE_LOG_TABLE } from "../workbook/change-log";
import { sheetUnlocks } from "../workbook/protection";
import { a1, columnLetter } from "../core/a1";
import type { PlanWorkbookOptions } from "./contract";
import { canonicalFormula, encodeCell, hashText, memo, rangeA1, type WriteValue } from "./cells";
import { STATE_SHEET, writeState, type JobplanState } from "./state";
import { REQUEST_BYTES, sheetCache, textBytes, writeCells, Writer } from "./writer";
import { addNames, frozenNames } from "./names";
import { StyleBatch } from "./styles";
import { NoteBatch, queueLink, queueMerges, queuePageSetup, queueRowHeights, queueSheetFont } from "./sheet-layout";
import { cellExtraStyle, tableBody, tableFormulas, tableStyles, tableValues, type RenderContext } from "./render-table";
import { loadProtection, planProtection, queueProtect, queueReprotect, queueUnprotect, writeProtectedList } from "./protection";
import { appendLogRows } from "./log-append";

export { numberFormatOf, tableBody, VALIDATION_ROWS, type RenderContext } from "./render-table";
export const CHART_NAME = "jobplan 분야별 예산";

/** Generated cells of a table as written: "sheet!A1" -> hash of the canonical formula or value. */
export function generatedHashes(sheet: string, t: TableSpec, into: Record<string, string>): void {
  const body = tableBody(t);
  const rows = t.totals ? [...body, t.totals] : body;
  const hash = memo((content: string | number | boolean) => hashText(canonicalFormula(content)));
  t.columns.forEach((col, ci) => {
    if (!col.generated) return;
    rows.forEach((r, ri) => {
      const content = encodeCell(r[ci]);
      if (content === "") return;
      into[`${sheet}!${a1(t.origin.row + 1 + ri, t.origin.col + ci)}`] = hash(content);
    });
  });
}

/** Pass 1 of a sheet: its tables and loose constants (number formats with them). */
async function sheetValues(rc: RenderContext, ws: Excel.Worksheet, s: SheetSpec): Promise<void> {
  for (const t of s.tables) await tableValues(rc, ws, s.name, t);
  const constants: Array<{ sheet: string; cell: string; content: WriteValue }> = [];
  for (const c of s.cells ?? []) {
    const at = a1(c.row, c.col);
    if (c.cell.numberFormat) {
      ws.getRange(at).numberFormat = [[c.cell.numberFormat]];
      await rc.writer.add(REQUEST_BYTES.rangeWrite + textBytes(c.cell.numberFormat));
    }
    const content = encodeCell(c.cell);
    if (c.cell.formula !== undefined && c.cell.formula !== null) rc.formulas.cells.push({ sheet: s.name, cell: at, content });
    else if (content !== "") constants.push({ sheet: s.name, cell: at, content });
  }
  await writeCells(rc.context, rc.writer, constants, rc.chunkCells);
}

/** Pass 3 of a sheet: styles, links, notes, merges, heights, frozen rows, page setup. */
async function sheetPresentation(rc: RenderContext, ws: Excel.Worksheet, s: SheetSpec): Promise<void> {
  for (const t of s.tables) tableStyles(rc, s.name, t);
  for (const c of s.cells ?? []) {
    const at = a1(c.row, c.col);
    rc.styles.add(s.name, at, cellExtraStyle(c.cell as CellSpec));
    rc.notes.add(s.name, at, c.cell.note);
    if (c.cell.hyperlink && typeof c.cell.value === "string") rc.links.push({ sheet: s.name, cell: at, target: c.cell.hyperlink, text: c.cell.value });
  }
  await queueMerges(ws, rc.writer, s.merges);
  await queueRowHeights(ws, rc.writer, s.rowHeights);
  if (s.freezeRows) {
    ws.freezePanes.freezeRows(s.freezeRows);
    await rc.writer.add(REQUEST_BYTES.rangeOp);
  }
  await queuePageSetup(ws, rc.writer, s.pageSetup);
}

/** Styles, links and notes collected so far. */
export async function flushPresentation(rc: RenderContext): Promise<void> {
  await rc.styles.flush(rc.writer, rc.sheetOf);
  for (const l of rc.links.splice(0)) await queueLink(rc.sheetOf(l.sheet), rc.writer, l.cell, l.target, l.text);
  await rc.notes.flush(rc.writer, rc.sheetOf);
}

/** Every formula collected so far, once the tables exist. */
export async function flushFormulas(rc: RenderContext): Promise<void> {
  const { cells, columns } = rc.formulas;
  await writeCells(rc.context, rc.writer, cells.splice(0), rc.chunkCells, columns.splice(0));
}

export function renderContext(context: Excel.RequestContext, writer: Writer, opts: { chunkCells: number; lang: "ko" | "en"; notes: boolean }): RenderContext {
  return {
    context,
    writer,
    chunkCells: opts.chunkCells,
    lang: opts.lang,
    sheetOf: sheetCache(context),
    styles: new StyleBatch(),
    notes: new NoteBatch(opts.notes),
    formulas: { cells: [], columns: [] },
    links: [],
  };
}

/** A whole sheet in its passes (for a sheet whose formulas name only its own tables). */
export async function renderSheet(rc: RenderContext, ws: Excel.Worksheet, s: SheetSpec, font?: WorkbookSpec["font"]): Promise<void> {
  await queueSheetFont(ws, rc.writer, font);
  await sheetValues(rc, ws, s);
  for (const t of s.tables) tableFormulas(rc, s.name, t);
  await flushFormulas(rc);
  await sheetPresentation(rc, ws, s);
  await flushPresentation(rc);
}

/**
 * Budget by strategy, stacked by funding source, beside the strategy summary table. The
 * 합계 row (flagged 1 in 합계 행, first in the table) is left out: it would dwarf the rest.
 * The data starts below it, so the series are named from the header row.
 */
export async function addStrategyChart(writer: Writer, ws: Excel.Worksheet, t: TableSpec, title: string): Promise<boolean> {
  const sourceCols = t.columns.map((c, i) => ({ c, i })).filter((x) => x.c.key.startsWith("gen:src:"));
  const strategyCol = t.columns.findIndex((c) => c.key === "strategy");
  const flagCol = t.columns.findIndex((c) => c.key === "totalRow");
  if (!sourceCols.length || strategyCol < 0) return false;
  const body = tableBody(t);
  const isTotal = (r: CellSpec[]) => flagCol >= 0 && (r[flagCol]?.value === 1 || r[flagCol]?.value === 2);
  let skip = 0;
  while (skip < body.length && isTotal(body[skip])) skip++;
  const rows = body.length - skip;
  if (rows <= 0) return false;
  const first = sourceCols[0].i;
  const last = sourceCols[sourceCols.length - 1].i;
  const top = t.origin.row + 1 + skip;
  const data = ws.getRange(rangeA1(top, t.origin.col + first, rows, last - first + 1));
  const chart = ws.charts.add("ColumnStacked" as Excel.ChartType, data, "Columns" as Excel.ChartSeriesBy);
  chart.name = CHART_NAME;
  chart.title.text = title;
  let bytes = REQUEST_BYTES.chart + textBytes(title);
  for (let i = first; i <= last; i++) {
    const name = t.columns[i].header.ko;
    chart.series.getItemAt(i - first).name = name;
    bytes += REQUEST_BYTES.seriesName + textBytes(name);
  }
  chart.axes.categoryAxis.setCategoryNames(ws.getRange(rangeA1(top, t.origin.col + strategyCol, rows, 1)));
  const left = columnLetter(t.origin.col + t.columns.length + 1);
  const right = columnLetter(t.origin.col + t.columns.length + 9);
  chart.setPosition(`${left}${t.origin.row + 2}`, `${right}${t.origin.row + 20}`);
  await writer.add(bytes);
  return true;
}

export interface RenderOutcome {
  sheets: string[];
  tables: string[];
  names: string[];
  /** Names removed again because Excel froze their table references (names.ts). */
  frozenNames: string[];
  generated: Record<string, string>;
  /** Notes left out because the host has no notes API (ExcelApi 1.18). */
  notesSkipped: number;
  /** Sheets protected. */
  protectedSheets: string[];
}

export interface RenderOptions extends Required<Pick<PlanWorkbookOptions, "chunkCells" | "maxPayloadBytes">> {
  lang: "ko" | "en";
  /** The host has NoteCollection (ExcelApi 1.18). */
  notes: boolean;
}

/**
 * Writes a whole WorkbookSpec, replacing jobplan's sheets of the same names. Old sheets are
 * renamed, the new ones added, then the old ones deleted (a workbook must keep a visible
 * sheet), so the user's other sheets are never touched. The change log is kept: when the
 * workbook has one, the spec's log rows are appended to it instead of a new sheet.
 */
export async function renderWorkbook(
  context: Excel.RequestContext,
  spec: WorkbookSpec,
  extraNames: Array<{ name: string; formula: string; comment?: string }>,
  options: RenderOptions,
  state: JobplanState,
): Promise<{ outcome: RenderOutcome; writer: Writer }> {
  const wb = context.workbook;
  const sheets = wb.worksheets;
  const protection = loadProtection(context);
  const tables = wb.tables;
  tables.load("items/name,items/worksheet/name");
  const names = wb.names;
  names.load("items/name");
  await context.sync();

  const writer = new Writer(context, options.maxPayloadBytes);
  const rc = renderContext(context, writer, options);
  // An existing change log keeps its history: the new rows go below it.
  const log = tables.items.find((t) => t.name.toLowerCase() === CHANGE_LOG_TABLE.toLowerCase());
  const logSpec = spec.sheets.find((s) => s.key === "changeLog");
  const specSheets = log && logSpec ? spec.sheets.filter((s) => s !== logSpec) : spec.sheets;
  const specSheetNames = new Set(specSheets.map((s) => s.name.toLowerCase()));
  if (log) specSheetNames.delete(log.worksheet.name.toLowerCase());
  const specTables = new Set(specSheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
  // Defined names share one namespace with table names (case-insensitive): a name that
  // would clash with a table (a user's table, or one of ours if renamed) is skipped.
  const tableNameSet = new Set([...specTables, ...tables.items.map((t) => t.name.toLowerCase())]);
  const newNames = [...(spec.names ?? []), ...extraNames].filter((x) => !tableNameSet.has(x.name.toLowerCase()));
  const hasState = sheets.items.some((s) => s.name === STATE_SHEET);
  // A kept log on a sheet jobplan protected is unprotected for its row; one someone else
  // protected stops the import here, before anything is written.
  const { sheets: protectedState, ours } = protection();
  const keepLog = log && logSpec ? planProtection(protectedState, [log.worksheet.name], ours) : { reprotect: [] };

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
  const added = specSheets.map((s) => sheets.add(s.name));
  await writer.add(specSheets.length * REQUEST_BYTES.sheetAdd + old.length * 2 * REQUEST_BYTES.rangeOp);
  old.forEach((s) => s.delete());
  await queueUnprotect(writer, rc.sheetOf, keepLog);

  // 1. Tables and constants; 2. formulas; 3. presentation.
  for (let i = 0; i < specSheets.length; i++) await queueSheetFont(added[i], writer, spec.font);
  for (let i = 0; i < specSheets.length; i++) await sheetValues(rc, added[i], specSheets[i]);
  for (const s of specSheets) for (const t of s.tables) tableFormulas(rc, s.name, t);
  await flushFormulas(rc);
  for (let i = 0; i < specSheets.length; i++) await sheetPresentation(rc, added[i], specSheets[i]);
  await flushPresentation(rc);

  // 4. Chart, names, the change log.
  const generated: Record<string, string> = {};
  for (let i = 0; i < specSheets.length; i++) {
    const s = specSheets[i];
    for (const t of s.tables) generatedHashes(s.name, t, generated);
    if (s.key === "strategy" && s.tables[0]) await addStrategyChart(writer, added[i], s.tables[0], "분야별 사업예산(백만원, 재원별)");
  }
  const addedNames = await addNames(context, writer, newNames);
  if (log && logSpec) await appendLogRows(context, writer, logSpec.tables[0].rows);

  // 5. Protection, last.
  const protectedSheets: string[] = [];
  for (let i = 0; i < specSheets.length; i++) {
    const s = specSheets[i];
    if (!s.protection?.enabled) continue;
    await queueProtect(added[i], writer, sheetUnlocks(s).unlocked);
    protectedSheets.push(s.name);
  }
  await queueReprotect(writer, rc.sheetOf, keepLog);
  protectedSheets.push(...keepLog.reprotect);
  await writer.add(writeProtectedList(context, protectedSheets));

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
      notesSkipped: rc.notes.skipped,
      protectedSheets,
    },
    writer,
  };
}

