/**
 * One table of a WorkbookSpec through Office.js, in the three passes renderWorkbook makes
 * over all sheets:
 *
 * 1. `tableValues`: header and constant cells in one block with their number formats, the
 *    Excel table over them, widths, hidden columns, validation and conditional formats;
 * 2. `tableFormulas`: the formulas, once every table exists (a formula may only name a table
 *    that exists; fake/formula-refs.ts): a column with one formula on every row is written
 *    once over the column's body (a calculated column), other formula cells one by one;
 * 3. `tableStyles`: header, column and cell styles, borders, links and notes.
 *
 * Only queues and counts bytes through the Writer.
 */
import type { CellSpec, ColumnSpec, TableSpec } from "../workbook/workbook-model";
import { a1, columnLetter, quoteSheet } from "../core/a1";
import { argbToHex, copiesVerbatim, encodeCell, rangeA1, type WriteValue } from "./cells";
import { LINK_COLOR, type StyleBatch, type StyleSpec } from "./styles";
import type { NoteBatch } from "./sheet-layout";
import { queueHiddenColumns } from "./sheet-layout";
import { REQUEST_BYTES, textBytes, writeBlock, type ColumnFormula, type Writer } from "./writer";

export const VALIDATION_ROWS = 1000;

/** Header fills as the CLI draws them (xlsx-write.ts): computed columns blue, the rest grey. */
const HEADER_FILL = "FFD9D9D9";
const GENERATED_HEADER_FILL = "FFBDD7EE";

const WORDS = {
  ko: { promptTitle: "입력 안내", errorTitle: "입력 오류", wholeNumber: "0 이상의 정수만 입력할 수 있습니다.", list: "목록에 있는 값을 고르세요." },
  en: { promptTitle: "Input", errorTitle: "Invalid entry", wholeNumber: "Only a whole number, 0 or more, can be entered.", list: "Pick a value from the list." },
};

export interface RenderContext {
  context: Excel.RequestContext;
  writer: Writer;
  chunkCells: number;
  lang: "ko" | "en";
  sheetOf: (name: string) => Excel.Worksheet;
  styles: StyleBatch;
  notes: NoteBatch;
  /** Formula cells and columns to write once every table exists. */
  formulas: { cells: Array<{ sheet: string; cell: string; content: WriteValue }>; columns: ColumnFormula[] };
  /** Links to queue with the styles. */
  links: Array<{ sheet: string; cell: string; target: { sheet: string; cell: string }; text: string }>;
}

export function tableBody(t: TableSpec): CellSpec[][] {
  return t.rows.length ? t.rows : [t.columns.map((): CellSpec => ({ value: null }))];
}

export function numberFormatOf(t: TableSpec, cell: CellSpec | undefined, ci: number): string {
  return cell?.numberFormat ?? t.columns[ci]?.numberFormat ?? "General";
}

const isFormula = (c: CellSpec | undefined) => c?.formula !== undefined && c.formula !== null;

/** Pass 1: values, formats, the Excel table, widths, validation, conditional formats. */
export async function tableValues(rc: RenderContext, ws: Excel.Worksheet, sheetName: string, t: TableSpec): Promise<void> {
  const { row, col } = t.origin;
  const cols = t.columns.length;
  const body = tableBody(t);
  const header: WriteValue[] = t.columns.map((c) => "'" + c.header.ko);
  const block: WriteValue[][] = [header, ...body.map((r) => t.columns.map((_, ci) => (isFormula(r[ci]) ? "" : encodeCell(r[ci]))))];
  const formats: string[][] = [t.columns.map(() => "General"), ...body.map((r) => t.columns.map((_, ci) => numberFormatOf(t, r[ci], ci)))];
  // A column with one number format is formatted once and the format copied down (small at
  // 10,000 rows); mixed columns send a per-cell array.
  const uniform = t.columns.every((_, ci) => formats.slice(1).every((r) => r[ci] === formats[1][ci]));
  await writeBlock(ws, rc.writer, row, col, block, uniform ? undefined : formats, rc.chunkCells);
  if (uniform) {
    for (let ci = 0; ci < cols; ci++) {
      const nf = formats[1][ci];
      if (nf === "General") continue;
      const first = ws.getRange(a1(row + 1, col + ci));
      first.numberFormat = [[nf]];
      if (body.length > 1) ws.getRange(rangeA1(row + 2, col + ci, body.length - 1, 1)).copyFrom(first, "Formats" as Excel.RangeCopyType);
      await rc.writer.add(REQUEST_BYTES.rangeWrite + REQUEST_BYTES.rangeOp);
    }
  }
  // Sheet-qualified: an address without a sheet name puts the table on the ACTIVE sheet,
  // whichever collection add() is called on (TableCollection.add, ExcelApi 1.1).
  const table = rc.context.workbook.tables.add(`${quoteSheet(sheetName)}!${rangeA1(row, col, body.length + 1, cols)}`, true);
  table.name = t.name;
  // As the CLI: a light style without banded rows, so that the cells' own fills show.
  table.style = "TableStyleLight1";
  table.showBandedRows = false;
  await rc.writer.add(REQUEST_BYTES.tableAdd + REQUEST_BYTES.formatProperty);
  if (t.totals) {
    table.showTotals = true;
    const totalsRow = t.columns.map((_, ci) => (isFormula(t.totals![ci]) ? "" : encodeCell(t.totals![ci])));
    const totalsFormats = [t.columns.map((_, ci) => numberFormatOf(t, t.totals![ci], ci))];
    await writeBlock(ws, rc.writer, row + 1 + body.length, col, [totalsRow], totalsFormats, rc.chunkCells);
  }
  for (const [ci, c] of t.columns.entries()) {
    if (!c.width) continue;
    ws.getRange(`${columnLetter(col + ci)}:${columnLetter(col + ci)}`).format.columnWidth = Math.round(c.width * 7);
    await rc.writer.add(REQUEST_BYTES.columnWidth);
  }
  await queueHiddenColumns(ws, rc.writer, t.columns.flatMap((c, ci) => (c.hidden ? [col + ci] : [])));
  await validationsAndFormats(rc, ws, t, Math.max(body.length, VALIDATION_ROWS));
}

async function validationsAndFormats(rc: RenderContext, ws: Excel.Worksheet, t: TableSpec, span: number): Promise<void> {
  const { row, col } = t.origin;
  const words = WORDS[rc.lang];
  const colRange = (key: string) => {
    const ci = t.columns.findIndex((c) => c.key === key);
    return ci < 0 ? undefined : ws.getRange(rangeA1(row + 1, col + ci, span, 1));
  };
  for (const dv of t.validations ?? []) {
    const range = colRange(dv.column);
    if (!range) continue;
    const list = dv.kind === "list";
    const message = dv.error?.[rc.lang] ?? (list ? words.list : words.wholeNumber);
    range.dataValidation.rule = list
      ? { list: { inCellDropDown: true, source: dv.source ?? "" } }
      : { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator } };
    range.dataValidation.errorAlert = { showAlert: true, style: (list ? "Warning" : "Stop") as Excel.DataValidationAlertStyle, title: words.errorTitle, message };
    const prompt = dv.prompt?.[rc.lang];
    if (prompt) range.dataValidation.prompt = { showPrompt: true, title: words.promptTitle, message: prompt };
    await rc.writer.add(REQUEST_BYTES.dataValidation + textBytes(dv.source ?? "") + textBytes(message) + textBytes(prompt ?? "") + 2 * textBytes(words.errorTitle));
  }
  for (const cf of t.conditionalFormats ?? []) {
    // One rule over the columns' span, as the CLI writes it: the rules' column references
    // are absolute ($E2), so one rule serves every column.
    const idx = cf.columns.map((k) => t.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const first = Math.min(...idx);
    const format = ws.getRange(rangeA1(row + 1, col + first, span, Math.max(...idx) - first + 1)).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    format.custom.rule.formula = "=" + cf.formula.replace(/^=/, "");
    // A number format (";;;" hides a repeated name) where given, else the fill and font.
    if (cf.numberFormat) format.custom.format.numberFormat = cf.numberFormat;
    else {
      format.custom.format.fill.color = argbToHex(cf.fill);
      if (cf.fontColor) format.custom.format.font.color = argbToHex(cf.fontColor);
    }
    await rc.writer.add(REQUEST_BYTES.conditionalFormat + textBytes(cf.formula));
  }
}

/** Pass 2: the table's formulas, collected for one writeCells over the whole workbook. */
export function tableFormulas(rc: RenderContext, sheetName: string, t: TableSpec): void {
  const { row, col } = t.origin;
  const body = tableBody(t);
  t.columns.forEach((_, ci) => {
    const cells = body.map((r) => (isFormula(r[ci]) ? "=" + r[ci].formula!.replace(/^=/, "") : undefined));
    if (cells.every((f) => f === undefined)) return;
    const first = cells[0];
    if (first !== undefined && cells.every((f) => f === first) && copiesVerbatim(first)) {
      rc.formulas.columns.push({ sheet: sheetName, col: col + ci, row: row + 1, rows: body.length, formula: first });
      return;
    }
    cells.forEach((f, ri) => {
      if (f !== undefined) rc.formulas.cells.push({ sheet: sheetName, cell: a1(row + 1 + ri, col + ci), content: f });
    });
  });
  t.totals?.forEach((c, ci) => {
    if (isFormula(c)) rc.formulas.cells.push({ sheet: sheetName, cell: a1(row + 1 + body.length, col + ci), content: encodeCell(c) });
  });
}

/** A cell's style beyond its column's: its own, a link's blue underline, wrapping for line breaks. */
export function cellExtraStyle(cell: CellSpec): StyleSpec | undefined {
  const extra: StyleSpec = { ...cell.style };
  if (cell.hyperlink) {
    extra.color = extra.color ?? LINK_COLOR;
    extra.underline = true;
  }
  if (typeof cell.value === "string" && cell.value.includes("\n")) extra.wrap = true;
  return Object.keys(extra).length ? extra : undefined;
}

/** Body style of a column (borders come with the table's range). */
export function columnStyle(c: ColumnSpec | undefined): StyleSpec {
  const { border: _border, ...style } = { vertical: "middle" as const, ...c?.style };
  void _border;
  return style;
}

/** Pass 3: styles, borders, links and notes of the table. */
export function tableStyles(rc: RenderContext, sheetName: string, t: TableSpec): void {
  const { row, col } = t.origin;
  const body = tableBody(t);
  const rows = body.length + (t.totals ? 1 : 0);
  rc.styles.add(sheetName, rangeA1(row, col, rows + 1, t.columns.length), { border: true });
  t.columns.forEach((c, ci) => {
    const head = a1(row, col + ci);
    rc.styles.add(sheetName, head, { bold: true, fill: c.generated ? GENERATED_HEADER_FILL : HEADER_FILL, horizontal: "center", vertical: "middle", wrap: true });
    rc.notes.add(sheetName, head, c.headerNote?.[rc.lang]);
    rc.styles.add(sheetName, rangeA1(row + 1, col + ci, rows, 1), columnStyle(c));
  });
  if (t.totals) rc.styles.add(sheetName, rangeA1(row + 1 + body.length, col, 1, t.columns.length), { bold: true });
  const cellsOf = t.totals ? [...body, t.totals] : body;
  cellsOf.forEach((r, ri) =>
    r.forEach((cell, ci) => {
      if (!cell) return;
      const at = a1(row + 1 + ri, col + ci);
      rc.styles.add(sheetName, at, cellExtraStyle(cell));
      rc.notes.add(sheetName, at, cell.note);
      if (cell.hyperlink && typeof cell.value === "string") rc.links.push({ sheet: sheetName, cell: at, target: cell.hyperlink, text: cell.value });
    }),
  );
}
