/**
 * The value each generated cell held before summarize rewrote it, for the change log: taken
 * from the streaming reader's cells of the file as it was (ExcelJS reads a cached 0, "" or
 * FALSE as no value at all), followed through the summary rows summarize inserted (a cell
 * of an inserted row held nothing; the cells below it held what the row above them shows now).
 */
import { parseA1 } from "../core/a1";
import type { LocatedTable, ReadResult } from "../workbook/read-tables";
import type { SummaryRowPlan } from "../workbook/summary-rows";
import type { CellValue } from "../workbook/workbook-model";

function shown(v: unknown): CellValue {
  if (v === undefined || v === null || typeof v === "object") return null;
  return v as CellValue;
}

/** `heldValue(sheet, cell)` for cells of the tables summarize writes, in the grown workbook. */
export function heldValues(before: ReadResult, grown: SummaryRowPlan, after: ReadResult): (sheet: string, cell: string) => CellValue {
  const kinds = ["taskPlans", "summaryByTask", "summaryByStrategy"] as const;
  return (sheet, cell) => {
    const at = parseA1(cell);
    if (!at) return null;
    for (const kind of kinds) {
      const now: LocatedTable | undefined = after.tables[kind];
      const then = before.tables[kind];
      if (!now || !then || now.input.sheet !== sheet) continue;
      const { row, col } = now.input.origin;
      const c = at.col - col;
      const r = at.row - row;
      if (c < 0 || c >= (now.input.values[0]?.length ?? 0) || r < 1 || r >= now.input.values.length) continue;
      // Body index in the grown table, back to the one it had before rows were inserted above it.
      let body = r - 1;
      const inserted = grown.tables.find((g) => g.kind === kind && g.sheet === sheet)?.inserted ?? [];
      if (inserted.includes(body)) return null;
      body -= inserted.filter((i) => i < body).length;
      return shown(then.input.values[body + 1]?.[c]);
    }
    return null;
  };
}
