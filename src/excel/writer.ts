/**
 * Batched writes: range writes of at most `chunkCells` cells, flushed together unless the
 * estimated request passes `maxPayloadBytes`, in which case the writer syncs once per
 * payload-sized batch. Also groups single cells into vertical runs (one write per run).
 */
import { cellAt, copiesVerbatim, rangeA1, type WriteValue } from "./cells";

/**
 * Request bytes Office.js sends per call, measured with Microsoft's client
 * (excel-web-16.00.js; test/excel/request-bytes.test.ts checks each one against it), with
 * about 20% headroom for the longer object ids of large batches. Values and text come on top,
 * counted with `textBytes` / `approxBytes`.
 */
export const REQUEST_BYTES = {
  /** Every sync: the request envelope and the root objects (workbook, a worksheet). */
  batch: 500,
  /** getRange(address) + one property set (formulas, values). */
  rangeWrite: 340,
  /** A second property on the same range (numberFormat beside formulas). */
  secondProperty: 130,
  /** getRange(address) + a method without data (clear, select). */
  rangeOp: 330,
  /** getRange(address).format.fill.color = ... (or getRanges(addresses), addresses on top) */
  fillColor: 700,
  /** getRange(address).format.fill.clear() (or getRanges) */
  fillClear: 690,
  /** rows.add(index) on a collection already in the batch. */
  rowAdd: 220,
  /** rows.getItemAt(index).delete() */
  rowDelete: 320,
  /** names.add(name, formula, comment), text on top. */
  nameAdd: 220,
  /** A custom conditional format (add, rule, fill, font), formula on top. */
  conditionalFormat: 1700,
  /** Data validation rule + error alert + prompt, texts on top. */
  dataValidation: 900,
  /** format.columnWidth of one column. */
  columnWidth: 480,
  /** tables.add + name + style. */
  tableAdd: 480,
  /** worksheets.add(name). */
  sheetAdd: 220,
  /** The strategy chart: add, name, title, categories, position (series names on top). */
  chart: 1600,
  /** A chart series' name (series.getItemAt(i).name), text on top. */
  seriesName: 300,
  /** A first format property on a range or areas (font, fill, alignment, wrap, protection.locked); areas' address on top. */
  formatProperty: 640,
  /** A further property on the same format object. */
  formatFollowUp: 150,
  /** One border side on a format object already in the batch: borders.getItem(i) with style, colour and weight. */
  border: 700,
  /** format.rowHeight of a run of whole rows. */
  rowHeight: 480,
  /** columnHidden of a whole column. */
  columnHidden: 420,
  /** getRange(address).merge(). */
  merge: 340,
  /**
   * notes.add(cell, text) on a worksheet, text on top. The only estimate not measured: the
   * client in @microsoft/office-js 1.1.110 predates NoteCollection (ExcelApi 1.18); sized
   * like names.add on a worksheet path, with the same headroom.
   */
  note: 300,
  /** getRange(cell).hyperlink = {documentReference, textToDisplay}, texts on top. */
  hyperlink: 420,
  /** One page layout property or method (orientation, zoom, margins, print titles, a footer part). */
  pageLayout: 200,
  /** protection.protect(options) or unprotect() of a worksheet. */
  protect: 520,
  /** rows.add(null, values) on a table fetched by name, values on top. */
  rowAppend: 560,
} as const;

export class Writer {
  private bytes = 0;
  syncs = 0;
  /** Estimated request bytes of everything queued through this writer. */
  total = 0;
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
    if (this.bytes === 0) {
      this.bytes = REQUEST_BYTES.batch;
      this.total += REQUEST_BYTES.batch;
    }
    this.bytes += bytes;
    this.total += bytes;
  }
  async flush(): Promise<void> {
    await this.context.sync();
    this.syncs++;
    this.bytes = 0;
  }
}

/** UTF-8 length of a string as JSON (quotes and escapes), plus a separator. */
export function textBytes(s: string): number {
  let n = 3;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c ? 2 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}

/** UTF-8 bytes of a 2-D array as JSON, as the request carries it. */
export function approxBytes(rows: unknown[][]): number {
  let n = 2 + Math.max(0, rows.length - 1);
  for (const r of rows) {
    n += 2 + Math.max(0, r.length - 1);
    for (const v of r) n += typeof v === "string" ? textBytes(v) - 1 : String(v).length;
  }
  return n;
}

/** Writes a 2-D block in chunks of at most `chunkCells` cells (whole rows per chunk). */
export async function writeBlock(
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
    let bytes = REQUEST_BYTES.rangeWrite + approxBytes(part);
    if (numberFormats) {
      const nf = numberFormats.slice(i, i + per);
      bytes += REQUEST_BYTES.secondProperty + approxBytes(nf);
      await writer.add(bytes);
      range.numberFormat = nf;
    } else await writer.add(bytes);
    range.formulas = part as unknown[][] as string[][];
  }
}

/** Groups single cells into vertical runs: one range write per run (chunked). */
export function columnRuns<T>(cells: Array<{ sheet: string; cell: string; content: T }>): Array<{ sheet: string; row: number; col: number; contents: T[] }> {
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

/** One formula over a column range of a table body. */
export interface ColumnFormula {
  sheet: string;
  col: number;
  /** First row (0-based) and how many. */
  row: number;
  rows: number;
  /** With the leading "="; references structured or absolute (copiesVerbatim). */
  formula: string;
}

/**
 * Writes one formula into every cell of a range in ONE write: a scalar given to
 * `Range.formulas` fills the whole range. Excel then holds one formula in every row of the
 * table column, so its calculated-column AutoCorrect has nothing to fill or overwrite
 * (writing rows one by one, or different formulas, lets Excel autofill: office-js #5909,
 * #2093, #6745). The self-test (self-test.ts) checks that Excel fills the whole range.
 */
function queueColumnFormula(ws: Excel.Worksheet, row: number, col: number, rows: number, formula: string): void {
  // Office.js types `formulas` as any[][], but the request carries a single value as well.
  ws.getRange(rangeA1(row, col, rows, 1)).formulas = formula as unknown as string[][];
}

export async function writeColumnFormulas(context: Excel.RequestContext, writer: Writer, columns: readonly ColumnFormula[]): Promise<void> {
  const sheets = sheetCache(context);
  for (const c of columns) {
    queueColumnFormula(sheets(c.sheet), c.row, c.col, c.rows, c.formula);
    await writer.add(REQUEST_BYTES.rangeWrite + textBytes(c.formula));
  }
}

/** A worksheet proxy per name, made once per batch. */
export function sheetCache(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const sheets = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = sheets.get(name);
    if (!ws) sheets.set(name, (ws = context.workbook.worksheets.getItem(name)));
    return ws;
  };
}

export async function writeRuns(
  context: Excel.RequestContext,
  writer: Writer,
  cells: Array<{ sheet: string; cell: string; content: WriteValue }>,
  chunkCells: number,
): Promise<void> {
  const sheets = sheetCache(context);
  for (const run of columnRuns(cells)) {
    const ws = sheets(run.sheet);
    const first = run.contents[0];
    const same = run.contents.length > 2 && run.contents.every((c) => c === first);
    if (same && first === "") {
      // A run of empty cells: one clear instead of thousands of "".
      ws.getRange(rangeA1(run.row, run.col, run.contents.length, 1)).clear("Contents" as Excel.ClearApplyTo);
      await writer.add(REQUEST_BYTES.rangeOp);
    } else if (run.contents.length > 1 && run.contents.every((c) => c === first) && isFormula(first) && copiesVerbatim(first)) {
      // The same formula down a column: one write of the whole run (tiny at any size).
      queueColumnFormula(ws, run.row, run.col, run.contents.length, first);
      await writer.add(REQUEST_BYTES.rangeWrite + textBytes(first));
    } else {
      await writeBlock(ws, writer, run.row, run.col, run.contents.map((c) => [c]), undefined, chunkCells);
    }
  }
}

function isFormula(v: WriteValue): v is string {
  return typeof v === "string" && v.startsWith("=");
}

/**
 * Writes cells, constants (and clears) first, then formulas, then whole-column formulas:
 * a constant in a table column is an exception that keeps Excel from propagating a formula
 * written after it into the other rows ("Use calculated columns in an Excel table").
 */
export async function writeCells(
  context: Excel.RequestContext,
  writer: Writer,
  cells: Array<{ sheet: string; cell: string; content: WriteValue }>,
  chunkCells: number,
  columns: readonly ColumnFormula[] = [],
): Promise<void> {
  await writeRuns(context, writer, cells.filter((c) => !isFormula(c.content)), chunkCells);
  await writeColumnFormulas(context, writer, columns);
  await writeRuns(context, writer, cells.filter((c) => isFormula(c.content)), chunkCells);
}
