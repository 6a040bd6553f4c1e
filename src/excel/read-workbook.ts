/**
 * Reading the jobplan tables and the state in one sync (with a discovery fallback when
 * something is missing), as the InputTables the workbook readers take.
 */
import { a1 } from "../core/a1";
import { TABLE_NAMES, type InputTable } from "../workbook/index";
import { parseAddress } from "./cells";
import { emptyState, parseState, STATE_SHEET, type JobplanState } from "./state";

export interface LoadedTable {
  name: string;
  table: Excel.Table;
  range: Excel.Range;
  withFormulas: boolean;
}

export interface WorkbookRead {
  inputs: InputTable[];
  /** "sheet!A1" -> [formula, value] for tables loaded with formulas. */
  cells: Map<string, [unknown, unknown]>;
  state: JobplanState;
  hasState: boolean;
  tableNames: string[];
}

export const ALL_TABLES: string[] = Object.values(TABLE_NAMES);
export const FORMULA_TABLES: string[] = [TABLE_NAMES.taskPlans, TABLE_NAMES.summaryByTask, TABLE_NAMES.summaryByStrategy];

export function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return !!e && (e.code === "ItemNotFound" || /ItemNotFound/i.test(e.message ?? ""));
}

/**
 * One sync reading every jobplan table (values; formulas where generated cells live) and
 * the state. Falls back to discovering what exists when something is missing.
 */
export async function readWorkbook(context: Excel.RequestContext, opts: { formulas: boolean; tables: boolean }): Promise<WorkbookRead> {
  const queue = (names: string[], withState: boolean) => {
    const loaded: LoadedTable[] = [];
    if (opts.tables) {
      for (const name of names) {
        const table = context.workbook.tables.getItem(name);
        table.load("name,showTotals");
        const range = table.getRange();
        const withFormulas = opts.formulas && FORMULA_TABLES.includes(name);
        range.load(withFormulas ? "address,values,formulas" : "address,values");
        loaded.push({ name, table, range, withFormulas });
      }
    }
    let stateRange: Excel.Range | undefined;
    if (withState) {
      stateRange = context.workbook.worksheets.getItem(STATE_SHEET).getUsedRange(true);
      stateRange.load("values");
    }
    return { loaded, stateRange };
  };

  let q = queue(ALL_TABLES, true);
  let hasState = true;
  try {
    await context.sync();
  } catch (err) {
    if (!isNotFound(err)) throw err;
    // Something is missing: find out what exists, then read that.
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const existing = new Set(tables.items.map((t) => t.name.toLowerCase()));
    hasState = sheets.items.some((s) => s.name === STATE_SHEET);
    q = queue(
      ALL_TABLES.filter((n) => existing.has(n.toLowerCase())),
      hasState,
    );
    await context.sync();
  }

  const inputs: InputTable[] = [];
  const cells = new Map<string, [unknown, unknown]>();
  for (const t of q.loaded) {
    const { sheet, row, col } = parseAddress(t.range.address);
    const values = t.range.values;
    inputs.push({ sheet, name: t.table.name, origin: { row, col }, values, hasTotalsRow: t.table.showTotals });
    if (t.withFormulas) {
      const formulas = t.range.formulas;
      for (let r = 0; r < formulas.length; r++)
        for (let c = 0; c < formulas[r].length; c++) cells.set(`${sheet}!${a1(row + r, col + c)}`, [formulas[r][c], values[r][c]]);
    }
  }
  const state = q.stateRange ? parseState(q.stateRange.values) : emptyState();
  return { inputs, cells, state, hasState, tableNames: q.loaded.map((t) => t.name) };
}
