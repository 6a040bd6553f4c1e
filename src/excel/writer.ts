/**
 * Batched writes: range writes of at most `chunkCells` cells, flushed together unless the
 * estimated request passes `maxPayloadBytes`, in which case the writer syncs once per
 * payload-sized batch. Also groups single cells into vertical runs (one write per run).
 */
import { a1 } from "../core/a1";
import { cellAt, copiesVerbatim, rangeA1, type WriteValue } from "./cells";

export class Writer {
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
export function textBytes(s: string): number {
  let n = 3;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? (c === 0x22 || c === 0x5c ? 2 : 1) : c < 0x800 ? 2 : 3;
  }
  return n;
}

export function approxBytes(rows: unknown[][]): number {
  let n = 2;
  for (const r of rows) for (const v of r) n += typeof v === "string" ? textBytes(v) : String(v).length + 1;
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

export async function writeRuns(
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
