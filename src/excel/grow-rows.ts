/**
 * Summary rows added by regeneration, on the Office.js side: queue the row insertions,
 * remember them for undo, and take them out again on undo. Only queues; the caller syncs
 * (one write sync for everything, see ops.ts).
 *
 * Rows go in with `TableRowCollection.add(index)` (ExcelApi 1.1), one call a row and without
 * values, so that Excel fills the table's own calculated columns as it does for a row a
 * person inserts; names and generated formulas are written afterwards like other cells.
 * They come out with `TableRow.delete()` (ExcelApi 1.1), last row first so that the indices
 * of the rows still to delete do not move.
 */
import type { InputTable } from "../workbook/read-tables";
import { rowAfterGrowth, rowBeforeGrowth, type SummaryRowPlan } from "../workbook/summary-rows";
import { a1, parseA1 } from "../core/a1";
import { REQUEST_BYTES } from "./writer";

/** What undo needs of one grown table (kept in jobplan's state sheet). */
export interface UndoRows {
  table: string;
  sheet: string;
  origin: { row: number; col: number };
  width: number;
  /** Body indices of the inserted rows in the grown table, ascending. */
  inserted: number[];
  /** Name cells of the inserted rows: undo deletes the rows only while they still hold these. */
  names: Array<{ cell: string; value: string }>;
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)![0]) - 1;
}

export function undoRowsOf(plan: SummaryRowPlan): UndoRows[] {
  return plan.tables
    .filter((g) => g.inserted.length)
    .map((g) => {
      const rows = new Set(g.inserted.map((i) => g.origin.row + 1 + i));
      return {
        table: g.table,
        sheet: g.sheet,
        origin: g.origin,
        width: g.width,
        inserted: [...g.inserted],
        names: g.cells.filter((c) => rows.has(rowOf(c.cell))),
      };
    });
}

/** Queues the insertions; returns the estimated request bytes. */
export function queueRowInserts(context: Excel.RequestContext, plan: SummaryRowPlan): number {
  let bytes = 0;
  for (const g of plan.tables) {
    if (!g.inserted.length) continue;
    const rows = context.workbook.tables.getItem(g.table).rows;
    // Ascending final indices: every row above an insertion is already in place.
    for (const index of g.inserted) {
      rows.add(index);
      bytes += REQUEST_BYTES.rowAdd;
    }
  }
  return bytes;
}

function valueAt(inputs: readonly InputTable[], sheet: string, table: string, cell: string): unknown {
  const t = inputs.find((x) => x.name === table && x.sheet === sheet);
  if (!t) return undefined;
  const at = parseA1(cell);
  if (!at) return undefined;
  return t.values[at.row - t.origin.row]?.[at.col - t.origin.col];
}

/** Whether every inserted row is still where regeneration put it (nobody sorted or moved rows). */
export function rowsStillThere(undo: readonly UndoRows[], inputs: readonly InputTable[]): boolean {
  return undo.every((u) => u.names.every((n) => String(valueAt(inputs, u.sheet, u.table, n.cell) ?? "") === n.value));
}

/** Queues the deletions, last row first; returns the estimated request bytes. */
export function queueRowDeletes(context: Excel.RequestContext, undo: readonly UndoRows[]): number {
  let bytes = 0;
  for (const u of undo) {
    const rows = context.workbook.tables.getItem(u.table).rows;
    for (const index of [...u.inserted].sort((a, b) => b - a)) {
      rows.getItemAt(index).delete();
      bytes += REQUEST_BYTES.rowDelete;
    }
  }
  return bytes;
}

/** Cell records (highlights) after the rows went in: they moved with their cells. */
export function recordsAfterGrowth<T extends { sheet: string; cell: string }>(records: readonly T[], growth: { tables: readonly UndoRows[] }): T[] {
  return records.map((r) => {
    const { row, col } = parse(r.cell);
    return row < 0 ? r : { ...r, cell: a1(rowAfterGrowth(growth, r.sheet, row, col), col) };
  });
}

/** Cell records once the rows are out again; those in a deleted row go with it. */
export function recordsBeforeGrowth<T extends { sheet: string; cell: string }>(records: readonly T[], growth: { tables: readonly UndoRows[] }): T[] {
  const out: T[] = [];
  for (const r of records) {
    const { row, col } = parse(r.cell);
    if (row < 0) {
      out.push(r);
      continue;
    }
    const before = rowBeforeGrowth(growth, r.sheet, row, col);
    if (before !== undefined) out.push({ ...r, cell: a1(before, col) });
  }
  return out;
}

function parse(cell: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(cell.trim());
  if (!m) return { row: -1, col: -1 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
