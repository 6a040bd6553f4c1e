/**
 * Reads the tables of an .xlsx file into the InputTable shape, streaming each sheet's XML
 * and keeping only the cells of blocks that can be plan tables: memory follows those
 * tables' size, never a sheet's dimensions or the rest of the file.
 *
 * Blocks are Excel tables (by name and ref, totals-row flag) or, on a sheet without any,
 * the used block: its header is the first row holding a value, its columns that row's
 * extent, its rows down to the last one with a value in those columns (cells elsewhere on
 * such a sheet are not part of any table a reader could recognise). A block is kept when
 * its table name is jobplan's or its header row passes plan-blocks.ts; other blocks are
 * handed over as their header row alone, which the plan reader ignores as it did before.
 *
 * Passes: (1) header rows of blocks not known by name, (2) their shared strings, (3) the
 * kept blocks' cells and merged ranges, (4) their shared strings. Passes 1-2 are skipped for
 * a workbook whose tables all carry jobplan's names.
 */
import { a1, parseBox, type CellBox } from "../core/a1";
import type { InputTable, MergedRange } from "../workbook/read-tables";
import { isPlanTableName, mayBePlanTable } from "./plan-blocks";
import { readSharedStrings } from "./shared-strings";
import { Overlong, SharedRef, sheetScanner, type RawValue, type SheetSink } from "./sheet-scan";
import { readWorkbookParts, type WorkbookParts } from "./xlsx-structure";
import { CELL_TEXT_LIMIT } from "./xml-stream";
import { StopReading, ZipArchive } from "./zip-archive";
import { XlsxReadError } from "./errors";

/** Rows of one block beyond which the file is refused (plan tables hold ~10,000). */
export const MAX_BLOCK_ROWS = 200_000;
/** Cells of one block beyond which the file is refused. */
export const MAX_BLOCK_CELLS = 4_000_000;

export { XlsxReadError };

export type Cell = string | number | boolean | null | { formula: string };

interface Block {
  sheet: number;
  name?: string;
  plain: boolean;
  /** Plain blocks: -1 until the header row is found; bottom grows as rows come. */
  box: CellBox;
  totalsRow: boolean;
  keep?: boolean;
  header: Array<RawValue | null>;
  rows: Array<Array<RawValue | null> | undefined>;
  merged: MergedRange[];
}

function contains(b: CellBox, row: number, col: number): boolean {
  return row >= b.top && row <= b.bottom && col >= b.left && col <= b.right;
}

function intersects(a: CellBox, b: CellBox): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A plan table too large to hold (other tables are never held, whatever their size). */
function refuseTooLarge(b: Block, sheet: string): void {
  const rows = b.box.bottom - b.box.top + 1;
  if (rows <= MAX_BLOCK_ROWS && rows * (b.box.right - b.box.left + 1) <= MAX_BLOCK_CELLS) return;
  const ref = `${sheet}!${a1(b.box.top, b.box.left)}:${a1(b.box.bottom, b.box.right)}`;
  throw new XlsxReadError(`table ${b.name} (${ref}) is larger than jobplan reads (${MAX_BLOCK_ROWS.toLocaleString("en-US")} rows)`, ref, "table-too-large");
}

function blocksOf(parts: WorkbookParts): Block[] {
  const out: Block[] = [];
  parts.sheets.forEach((s, i) => {
    for (const t of s.tables) {
      const box = parseBox(t.ref);
      if (!box) throw new XlsxReadError(`table ${t.name} has a bad range "${t.ref}"`, s.name);
      out.push({
        sheet: i,
        name: t.name,
        plain: false,
        box,
        totalsRow: t.totalsRow,
        keep: isPlanTableName(t.name) || undefined,
        header: [],
        rows: [],
        merged: [],
      });
    }
    if (!s.tables.length)
      out.push({
        sheet: i,
        plain: true,
        box: { top: -1, left: -1, bottom: -1, right: -1 },
        totalsRow: false,
        header: [],
        rows: [],
        merged: [],
      });
  });
  return out;
}

const isBlankValue = (v: RawValue | null | undefined) => v === null || v === undefined || v === "";

/** Pass 1 on one sheet: the header row of each undecided block. */
function headerSink(blocks: Block[]): SheetSink {
  const tables = blocks.filter((b) => !b.plain);
  const plain = blocks.find((b) => b.plain);
  const lastHeader = Math.max(-1, ...tables.map((b) => b.box.top));
  return {
    row(r) {
      const plainDone = !plain || (plain.box.top >= 0 && r > plain.box.top);
      if (plainDone && r > lastHeader) throw new StopReading();
    },
    wants(r, c) {
      if (plain && (plain.box.top < 0 || plain.box.top === r)) return true;
      return tables.some((b) => b.box.top === r && c >= b.box.left && c <= b.box.right);
    },
    cell(r, c, v) {
      if (plain && (plain.box.top < 0 || plain.box.top === r) && !isBlankValue(v)) {
        if (plain.box.top < 0) plain.box = { top: r, bottom: r, left: c, right: c };
        plain.box.left = Math.min(plain.box.left, c);
        plain.box.right = Math.max(plain.box.right, c);
        plain.header[c] = v;
      }
      for (const b of tables) if (b.box.top === r && c >= b.box.left && c <= b.box.right) b.header[c - b.box.left] = v;
    },
  };
}

/** Pass 3 on one sheet: every cell of the kept blocks, and the merged ranges touching them. */
function bodySink(blocks: Block[], sheetName: string): SheetSink {
  const find = (r: number, c: number) => {
    for (const b of blocks) {
      if (b.plain ? r >= b.box.top && c >= b.box.left && c <= b.box.right : contains(b.box, r, c)) return b;
    }
    return undefined;
  };
  // The block of the cell last asked about: `cell` follows `wants` for the same cell.
  let last: Block | undefined;
  return {
    wants: (r, c) => (last = find(r, c)) !== undefined,
    cell(r, c, v) {
      const b = last!;
      const i = r - b.box.top;
      if (b.plain) {
        if (i >= MAX_BLOCK_ROWS)
          throw new XlsxReadError(
            `the block at ${sheetName}!${a1(b.box.top, b.box.left)} has more than ${MAX_BLOCK_ROWS.toLocaleString("en-US")} rows`,
            `${sheetName}!${a1(b.box.top, b.box.left)}`,
            "table-too-large",
          );
        if (r > b.box.bottom) b.box.bottom = r;
      }
      const row = (b.rows[i] ??= new Array<RawValue | null>(b.box.right - b.box.left + 1).fill(null));
      row[c - b.box.left] = v;
    },
    merge(ref) {
      const m = parseBox(ref);
      if (!m) return;
      for (const b of blocks) if (intersects(b.box, m)) b.merged.push(m);
    },
  };
}

async function scanSheets(zip: ZipArchive, parts: WorkbookParts, blocks: Block[], pass: "header" | "body"): Promise<void> {
  for (let i = 0; i < parts.sheets.length; i++) {
    const mine = blocks.filter((b) => b.sheet === i && (pass === "header" ? b.keep === undefined : b.keep));
    if (!mine.length) continue;
    const sheet = parts.sheets[i];
    const sink = pass === "header" ? headerSink(mine) : bodySink(mine, sheet.name);
    const scanner = sheetScanner(sink, parts);
    const read = await zip.read(sheet.part, (chunk) => scanner.write(chunk));
    if (read === "missing") throw new XlsxReadError(`sheet ${sheet.name}: part ${sheet.part} is missing`, sheet.name);
    // A part read to its end must be a whole document (a cut-off sheet is a damaged file).
    if (read === "done") scanner.close();
  }
}

/** Replaces shared string references in the given cell arrays by their text. */
async function resolveStrings(
  zip: ZipArchive,
  parts: WorkbookParts,
  lists: Array<{ cells: Array<RawValue | null>; at: (i: number) => string }>,
): Promise<void> {
  const wanted = new Set<number>();
  for (const l of lists) for (const v of l.cells) if (v instanceof SharedRef) wanted.add(v.index);
  const strings = await readSharedStrings(zip, parts.sharedStrings, wanted);
  for (const l of lists) {
    const cells = l.cells;
    for (let i = 0; i < cells.length; i++) {
      let v = cells[i];
      if (v instanceof SharedRef) v = cells[i] = strings.get(v.index) ?? null;
      if (v instanceof Overlong) {
        throw new XlsxReadError(
          `cell ${l.at(i)} holds ${v.length.toLocaleString("en-US")} characters, more than Excel's limit of ${CELL_TEXT_LIMIT.toLocaleString("en-US")}`,
          l.at(i),
          "cell-too-long",
        );
      }
    }
  }
}

function decideHeaders(blocks: Block[]): void {
  for (const b of blocks) {
    if (b.keep !== undefined) continue;
    if (b.plain) {
      if (b.box.top < 0) {
        b.keep = false;
        continue;
      }
      b.header = Array.from({ length: b.box.right - b.box.left + 1 }, (_, i) => b.header[b.box.left + i] ?? null);
    } else b.header = Array.from({ length: b.box.right - b.box.left + 1 }, (_, i) => b.header[i] ?? null);
    b.keep = mayBePlanTable(b.header, b.name);
  }
}

function toCell(v: RawValue | null | undefined): Cell {
  if (v === undefined || v instanceof SharedRef || v instanceof Overlong) return null;
  return v;
}

/** Cells covered by a merge show the merged value, as ExcelJS shows them (the plan reader then reports the merge). */
function fillMerged(values: Cell[][], b: Block): void {
  for (const m of b.merged) {
    const top = m.top - b.box.top;
    const left = m.left - b.box.left;
    const value = values[top]?.[left];
    if (value === undefined || value === null) continue;
    for (let r = Math.max(top, 0); r <= Math.min(m.bottom - b.box.top, values.length - 1); r++) {
      for (let c = Math.max(left, 0); c <= Math.min(m.right - b.box.left, values[r].length - 1); c++) if (values[r][c] === null) values[r][c] = value;
    }
  }
}

function inputTable(b: Block, sheet: string): InputTable | undefined {
  if (b.plain && b.box.top < 0) return undefined;
  const width = b.box.right - b.box.left + 1;
  const origin = { row: b.box.top, col: b.box.left };
  let values: Cell[][];
  if (!b.keep) values = [b.header.map(toCell)];
  else {
    values = [];
    for (let r = 0; r <= b.box.bottom - b.box.top; r++) {
      const row = b.rows[r];
      // After resolveStrings a kept row holds cells only (no SharedRef, no Overlong).
      values.push(row ? (row as Cell[]) : new Array<Cell>(width).fill(null));
    }
    fillMerged(values, b);
  }
  if (b.plain) return { sheet, origin, values, merged: b.merged };
  return { sheet, name: b.name, origin, values, hasTotalsRow: b.totalsRow, merged: b.merged };
}

/** Every table of the workbook file, header row first, as the plan reader takes them. */
export async function readXlsxTables(file: string): Promise<InputTable[]> {
  const zip = await ZipArchive.open(file);
  try {
    const parts = await readWorkbookParts(zip);
    const blocks = blocksOf(parts);
    if (blocks.some((b) => b.keep === undefined)) {
      await scanSheets(zip, parts, blocks, "header");
      const undecided = blocks.filter((b) => b.keep === undefined);
      await resolveStrings(
        zip,
        parts,
        undecided.map((b) => ({
          cells: b.header,
          at: (i: number) => `${parts.sheets[b.sheet].name}!${a1(b.box.top, b.plain ? i : b.box.left + i)}`,
        })),
      );
      decideHeaders(blocks);
    }
    for (const b of blocks) if (b.keep && !b.plain) refuseTooLarge(b, parts.sheets[b.sheet].name);
    await scanSheets(zip, parts, blocks, "body");
    const kept = blocks.filter((b) => b.keep);
    await resolveStrings(
      zip,
      parts,
      kept.flatMap((b) =>
        b.rows.flatMap((row, r) =>
          row
            ? [
                {
                  cells: row,
                  at: (i: number) => `${parts.sheets[b.sheet].name}!${a1(b.box.top + r, b.box.left + i)}`,
                },
              ]
            : [],
        ),
      ),
    );
    return blocks.map((b) => inputTable(b, parts.sheets[b.sheet].name)).filter((t): t is InputTable => t !== undefined);
  } finally {
    zip.close();
  }
}
