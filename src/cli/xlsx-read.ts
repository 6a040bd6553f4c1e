/**
 * Reads the tables of an .xlsx file with ExcelJS into the neutral shape read-tables.ts
 * takes: Excel tables where there are any, else each sheet's used range.
 */
import ExcelJS from "exceljs";
import { parseBox, type CellBox } from "../core/a1";
import type { InputTable, MergedRange } from "../workbook/read-tables";
import { mayBePlanTable } from "./plan-blocks";

export type Primitive = string | number | boolean | null;

/** A cell's value as a primitive: formula results, rich text joined, hyperlinks' text. */
export function primitiveOf(cell: ExcelJS.Cell): Primitive {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as Record<string, unknown>;
  if ("formula" in o || "sharedFormula" in o) {
    // ExcelJS drops a cached 0 from .value but keeps it in .model.
    const result = (cell as unknown as { model: { result?: unknown } }).model.result ?? o.result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object") {
      const r = result as Record<string, unknown>;
      return "error" in r ? String(r.error) : null;
    }
    return result as Primitive;
  }
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join("");
  if ("text" in o) {
    const t = o.text as unknown;
    if (typeof t === "string") return t;
    if (t && typeof t === "object" && Array.isArray((t as Record<string, unknown>).richText)) {
      return ((t as { richText: Array<{ text: string }> }).richText).map((x) => x.text).join("");
    }
  }
  if ("error" in o) return String(o.error);
  return String(v);
}

/** "A1:C3" -> 0-based corners; a bad reference in the file is an error naming it. */
export function parseRange(ref: string): CellBox {
  const box = parseBox(ref);
  if (!box) throw new Error(`bad cell range ${ref}`);
  return box;
}

interface LoadedTable {
  name: string;
  ref: string;
  totalsRow: boolean;
}

/** Tables of a sheet as ExcelJS loaded them (name, ref, totals row flag). */
export function sheetTables(ws: ExcelJS.Worksheet): LoadedTable[] {
  const tables = (ws as unknown as { tables?: Record<string, { table?: Record<string, unknown>; model?: Record<string, unknown> }> }).tables ?? {};
  const out: LoadedTable[] = [];
  for (const name of Object.keys(tables)) {
    const m = tables[name].table ?? tables[name].model ?? {};
    const ref = (m.tableRef ?? m.ref) as string | undefined;
    if (!ref) continue;
    // A ref of one cell is the top-left corner only (tables created in memory).
    out.push({ name, ref, totalsRow: !!m.totalsRow });
  }
  return out;
}

function mergedRanges(ws: ExcelJS.Worksheet): MergedRange[] {
  const merges = (ws as unknown as { model: { merges?: string[] } }).model.merges ?? [];
  return merges.map((r) => parseRange(r));
}

function readBlock(ws: ExcelJS.Worksheet, top: number, left: number, bottom: number, right: number): Primitive[][] {
  const values: Primitive[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row = ws.getRow(r + 1);
    const line: Primitive[] = [];
    for (let c = left; c <= right; c++) line.push(primitiveOf(row.getCell(c + 1)));
    values.push(line);
  }
  return values;
}

const blank = (v: Primitive) => v === null || v === "";

/**
 * A sheet without Excel tables as one block, by the rule of xlsx-stream.ts: the first row
 * holding a value is the header, its extent the columns, rows down to the last value in
 * them; only cells present are visited, and a block that cannot be a plan table is its
 * header row alone.
 */
function plainBlock(ws: ExcelJS.Worksheet): { top: number; left: number; values: Primitive[][] } | undefined {
  let top = -1;
  let left = Infinity;
  let right = -1;
  let bottom = -1;
  const cells = new Map<number, Map<number, Primitive>>();
  let keep: boolean | undefined;
  const headerRow = () => Array.from({ length: right - left + 1 }, (_, i) => cells.get(top)?.get(left + i) ?? null);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (top >= 0 && r > top && keep === undefined) keep = mayBePlanTable(headerRow());
    if (keep === false) return;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      const v = primitiveOf(cell);
      if (blank(v)) return;
      if (top < 0) top = r;
      if (r === top) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      } else if (c < left || c > right) return;
      bottom = Math.max(bottom, r);
      if (!cells.has(r)) cells.set(r, new Map());
      cells.get(r)!.set(c, v);
    });
  });
  if (top < 0) return undefined;
  if (keep === undefined) keep = mayBePlanTable(headerRow());
  if (!keep) return { top, left, values: [headerRow()] };
  const values: Primitive[][] = [];
  for (let r = top; r <= bottom; r++) values.push(Array.from({ length: right - left + 1 }, (_, i) => cells.get(r)?.get(left + i) ?? null));
  return { top, left, values };
}

/** Every table of a workbook, header row first, totals row flagged. */
export function workbookTables(wb: ExcelJS.Workbook): InputTable[] {
  const out: InputTable[] = [];
  for (const ws of wb.worksheets) {
    const merged = mergedRanges(ws);
    const tables = sheetTables(ws);
    if (tables.length) {
      for (const t of tables) {
        const { top, left, bottom, right } = parseRange(t.ref);
        out.push({
          sheet: ws.name,
          name: t.name,
          origin: { row: top, col: left },
          values: readBlock(ws, top, left, bottom, right),
          hasTotalsRow: t.totalsRow,
          // Only the merges that touch the table, as the streaming reader hands them over.
          merged: merged.filter((m) => m.top <= bottom && top <= m.bottom && m.left <= right && left <= m.right),
        });
      }
      continue;
    }
    const block = plainBlock(ws);
    if (block) out.push({ sheet: ws.name, origin: { row: block.top, col: block.left }, values: block.values, merged });
  }
  return out;
}
