/**
 * Figures of a parsed range for the per-cell functions (JOBTARGET, BUDGET, RECONCILE): each
 * cell read by core's one cell reader (core/cells), with a quick path for the plain numbers
 * that make up most of a 10,000-row table. A cell that is not a figure makes the function
 * return #VALUE! naming the cell (a worksheet function has no place for a warning).
 */
import { plainInteger, readCell, type CellRule } from "../core/cells";
import type { Unit } from "../core/model";
import { invalid, type FnError } from "./runtime";
import { rangeCell, type ParsedTable, type TableRow } from "./table";

export { plainInteger };

/** A figure read from a cell: a number in the column's unit converted, or null for `-`/empty. */
export type Figure = number | null;

/**
 * The common cells, read without any lookup: a safe integer, an empty cell or `-` (null), a
 * plain integer as text. Undefined means: use {@link readFigure}.
 */
export function quickFigure(raw: unknown): number | null | undefined {
  if (typeof raw === "number") return Number.isSafeInteger(raw) ? raw : undefined;
  if (raw === "" || raw === "-" || raw === null || raw === undefined) return null;
  if (typeof raw === "string") return plainInteger(raw);
  return undefined;
}

/** Whether a column's figures are already in `unit` (so {@link quickFigure} may read them). */
export function columnIn(t: ParsedTable, col: number, unit: Unit | undefined): boolean {
  const from = t.cols.units[col];
  return unit === undefined || from === undefined || from === unit;
}

/** How core reads a column: money in its unit (converted to `toUnit`), else a count. */
function ruleOf(t: ParsedTable, col: number, toUnit?: Unit): CellRule {
  const from = t.cols.units[col];
  if (from || toUnit) return { kind: "amount", unit: from ?? toUnit!, to: toUnit ?? from };
  return { kind: "count" };
}

/**
 * Reads a cell as a number through core's cell reader: Excel numbers, Korean-formatted text
 * (`1,234`, `-`, `△500`, `6,678억원`); money converted to `toUnit`.
 */
export function readFigure(t: ParsedTable, r: number, col: number, toUnit?: Unit): Figure | FnError {
  const raw = t.range[r]?.[col];
  const reading = readCell(raw, ruleOf(t, col, toUnit));
  switch (reading.kind) {
    case "value":
      return reading.value;
    case "blank":
    case "none":
      return null;
    case "malformed":
      return badCell(t, r, col, reading.raw, `digit grouping (${reading.candidates.map((v) => v.toLocaleString("en-US")).join(" / ")}?)`);
    case "imprecise":
      return badCell(t, r, col, reading.raw, `not a whole number of ${reading.unit}`);
    case "unreadable":
      return badCell(t, r, col, reading.raw, reading.reason);
  }
}

function badCell(t: ParsedTable, r: number, col: number, raw: string, reason: string): FnError {
  const header = t.cols.headers[col] || rangeCell(t.headerRow, col);
  return invalid(`${t.label} ${rangeCell(r, col)} (${header}): '${raw}' 숫자로 읽을 수 없습니다 / not a number: ${reason}`);
}

/** Column of a field or source key, or undefined. */
export function columnOf(t: ParsedTable, key: string): number | undefined {
  if (key in t.cols.fields) return t.cols.fields[key as keyof ParsedTable["cols"]["fields"]];
  return t.cols.sources.find((s) => s.key === key)?.col;
}

/** Sums a column over rows (null counts as 0). Returns the first unreadable cell as an error. */
export function sumColumn(t: ParsedTable, rows: readonly TableRow[], col: number, toUnit?: Unit): number | FnError {
  let sum = 0;
  const quick = columnIn(t, col, toUnit);
  const range = t.range;
  for (const row of rows) {
    if (quick) {
      const q = quickFigure(range[row.r][col]);
      if (q !== undefined) {
        if (q !== null) sum += q;
        continue;
      }
    }
    const v = readFigure(t, row.r, col, toUnit);
    if (v === null) continue;
    if (typeof v === "object") return v;
    sum += v;
  }
  return sum;
}
