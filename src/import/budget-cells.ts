/**
 * A budget row assembled from cells: total and parts read in one unit, malformed figures
 * resolved against the rest of the row so the guess is the one that makes the row add up.
 */
import type { PlanTable } from "../core/findings";
import type { Budget, Unit } from "../core/model";
import { likelyValue, readAmount } from "./numbers";
import type { FindingSink } from "./report";

export interface FieldCell {
  /** "total" or a source key. */
  field: string;
  text: string;
  line: number;
}

export interface BudgetReadOptions {
  /** Unit of bare numbers. */
  defaultUnit: Unit;
  /** Unit the budget is held in. */
  target: Unit;
  path: string[];
  table: PlanTable;
  sink: FindingSink;
}

export function budgetFromCells(cells: readonly FieldCell[], opts: BudgetReadOptions): Budget {
  const budget: Budget = { total: null, parts: {}, refs: {} };
  const set = (field: string, value: number) => {
    if (field === "total") budget.total = value;
    else budget.parts[field] = (budget.parts[field] ?? 0) + value;
  };
  const pending: Array<{ cell: FieldCell; raw: string; candidates: number[] }> = [];
  for (const cell of cells) {
    budget.refs![cell.field] = { line: cell.line };
    const a = readAmount(cell.text, opts.defaultUnit, opts.target);
    switch (a.kind) {
      case "value":
        set(cell.field, a.value);
        break;
      case "empty":
        break;
      case "malformed":
        pending.push({ cell, raw: a.raw, candidates: a.candidates });
        break;
      case "imprecise":
        set(cell.field, a.rounded);
        opts.sink.unitPrecision({
          line: cell.line,
          path: opts.path,
          table: opts.table,
          field: cell.field,
          raw: a.raw,
          unit: opts.target,
          rounded: a.rounded,
        });
        break;
      case "unreadable":
        opts.sink.unreadable(cell.line, opts.path, a.raw, opts.table, {
          ko: `${fieldKo(cell.field)} 금액`,
          en: `amount of ${cell.field}`,
        }, "error");
        break;
    }
  }
  // Resolve malformed figures after the readable ones so the row can tell which reading fits.
  for (const p of pending) {
    const likely = likelyValue(p.candidates, p.cell.field, budget.total, budget.parts);
    if (likely !== null) set(p.cell.field, likely);
    // The likely value feeds the checks; the text as written goes back into the workbook.
    budget.refs![p.cell.field] = { line: p.cell.line, raw: p.raw };
    opts.sink.malformedNumber({
      line: p.cell.line,
      path: opts.path,
      table: opts.table,
      field: p.cell.field,
      raw: p.raw,
      likely,
      unit: opts.target,
    });
  }
  return budget;
}

function fieldKo(field: string): string {
  return field === "total" ? "합계" : field;
}
