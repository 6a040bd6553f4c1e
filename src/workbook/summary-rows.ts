/**
 * Summary rows for tasks and strategies that TaskPlans holds but the summary tables lack.
 *
 * A task typed into TaskPlans after the workbook was generated has no row in 요약, so its
 * figures would silently be missing from the summary. Regeneration therefore grows the
 * summary tables first: this module decides where each missing row goes and describes the
 * workbook as it will be once the rows are in (`read`), so that `regenerateFormulas` gives
 * the formulas of the new rows and the shifted addresses of the old ones in one pass. Pure;
 * the CLI (ExcelJS) and the add-in (Office.js) insert the rows and write the name cells.
 *
 * New rows hold names only: their declared (공표) cells stay empty, since nobody declared
 * anything yet. Rows are never removed; a summary row without a task stays a finding.
 */
import type { SourceRef } from "../core/model";
import { matchNames, nameKey } from "../core/names";
import { matchTaskRowsInOrder } from "../core/summary-match";
import type { LocatedTable, ReadResult } from "./read-tables";
import { isBlankRow, taskPlanRefsOf, textAt } from "./regenerate";
import { a1, parseA1 } from "../core/a1";

export type SummaryKind = "summaryByTask" | "summaryByStrategy";

/** One summary table and the rows added to it. */
export interface SummaryTableGrowth {
  kind: SummaryKind;
  sheet: string;
  /** Excel table name. */
  table: string;
  /** Header row's top-left cell, 0-based. */
  origin: { row: number; col: number };
  /** Columns of the table. */
  width: number;
  /** Body rows before growth (blank ones included, the totals row not). */
  bodyRows: number;
  /** Body indices, in the grown table, of the inserted rows, ascending. */
  inserted: number[];
  /** The rows added (inserted, or written into a blank table's empty rows), in table order. */
  added: Array<{ index: number; strategy: string; task?: string }>;
  /** Name cells to write as text (A1 addresses in the grown sheet). */
  cells: Array<{ cell: string; value: string }>;
}

export interface SummaryRowPlan {
  tables: SummaryTableGrowth[];
  added: { byTask: number; byStrategy: number };
  /** The read result with the rows in, as the workbook will be once they are written. */
  read: ReadResult;
}

const TOTAL_WORD = /^(총계|합계|계|소계|합|total)$/i;

const text = textAt;
const isBlank = isBlankRow;

/** Sheet rows 1..n-1 of the body (the totals row left out). */
function bodyCount(t: LocatedTable): number {
  return Math.max(0, t.input.values.length - 1 - (t.input.hasTotalsRow ? 1 : 0));
}

/** Whether a reference points into the table (TaskPlans rows, not Projects rows on the same sheet). */
function inTable(t: LocatedTable, ref: SourceRef | undefined): boolean {
  if (!ref?.sheet || !ref.cell || ref.sheet !== t.input.sheet) return false;
  const at = parseA1(ref.cell);
  if (!at) return false;
  const { row, col } = at;
  const { origin, values } = t.input;
  const width = values[0]?.length ?? 0;
  return row > origin.row && row < origin.row + values.length && col >= origin.col && col < origin.col + width;
}

interface Pending {
  /** Insert before this old body index (bodyRows = at the end). */
  gap: number;
  strategy: string;
  task?: string;
}

/**
 * Where the end of a table's body is: after its last named row, before a 합계 row typed
 * below the names; a 합계 row above them (first, as the published tables have it) is not
 * the end.
 */
function endGap(t: LocatedTable, bodyRows: number): number {
  let end = 0;
  let named = false;
  for (let b = 0; b < bodyRows; b++) {
    const r = b + 1;
    if (isBlank(t, r)) continue;
    if (TOTAL_WORD.test(text(t, r, "strategy").replace(/\s/g, "")) && !text(t, r, "task")) {
      if (named) return b;
    } else named = true;
    end = b + 1;
  }
  return end;
}

function missingTasks(read: ReadResult, st: LocatedTable, tp: LocatedTable): Pending[] {
  const detail = read.plan.strategies.flatMap((s) => s.tasks.map((task) => ({ strategy: s.name, task: task.name, fromTaskPlans: inTable(tp, task.ref) })));
  const bodyRows = bodyCount(st);
  const rows: Array<{ b: number; strategy: string; task: string }> = [];
  let last = "";
  for (let b = 0; b < bodyRows; b++) {
    if (isBlank(st, b + 1)) continue;
    const strategy = text(st, b + 1, "strategy") || last;
    last = strategy;
    rows.push({ b, strategy, task: text(st, b + 1, "task") });
  }
  // The same matching as regeneration and the checks: a variant spelling is the same task.
  const match = matchTaskRowsInOrder(rows, read.plan);
  const used = new Set(match.filter((m): m is number => m !== undefined));
  const end = endGap(st, bodyRows);
  const out: Pending[] = [];
  detail.forEach((d, j) => {
    if (used.has(j) || !d.fromTaskPlans) return;
    // After the last row of the task's strategy, known by a matched task or by its name.
    let anchor: number | undefined;
    rows.forEach((r, i) => {
      const m = match[i];
      const strategy = m !== undefined ? detail[m].strategy : undefined;
      if (strategy === d.strategy || nameKey(r.strategy) === nameKey(d.strategy)) anchor = r.b;
    });
    out.push({ gap: anchor !== undefined && anchor < end ? anchor + 1 : end, strategy: d.strategy, task: d.task });
  });
  return out;
}

function missingStrategies(read: ReadResult, ss: LocatedTable, tp: LocatedTable): Pending[] {
  const strategies = read.plan.strategies.filter((s) => s.tasks.some((task) => inTable(tp, task.ref)));
  const bodyRows = bodyCount(ss);
  const names: string[] = [];
  for (let b = 0; b < bodyRows; b++) {
    const name = text(ss, b + 1, "strategy");
    if (name && !TOTAL_WORD.test(name.replace(/\s/g, ""))) names.push(name);
  }
  const match = matchNames(
    names,
    strategies.map((s) => s.name),
  );
  const used = new Set(match.filter((m): m is number => m !== undefined));
  const end = endGap(ss, bodyRows);
  return strategies.filter((_, i) => !used.has(i)).map((s) => ({ gap: end, strategy: s.name }));
}

/**
 * The table with the pending rows in: inserted at their gaps, or, in a table whose body is
 * all blank (the empty template), written into the blank rows first.
 */
function grow(t: LocatedTable, kind: SummaryKind, pending: Pending[]): { growth: SummaryTableGrowth; table: LocatedTable } {
  const bodyRows = bodyCount(t);
  const width = t.input.values[0]?.length ?? 0;
  const header = t.input.values[0] ?? [];
  const oldBody = t.input.values.slice(1, 1 + bodyRows);
  const totals = t.input.hasTotalsRow ? [t.input.values[t.input.values.length - 1]] : [];
  const row = (p: Pending): unknown[] => {
    const r: unknown[] = new Array(width).fill(null);
    r[t.index.strategy] = p.strategy;
    if (p.task !== undefined && t.index.task !== undefined) r[t.index.task] = p.task;
    return r;
  };
  const body: unknown[][] = [];
  const inserted: number[] = [];
  const added: SummaryTableGrowth["added"] = [];
  const allBlank = oldBody.every((_, b) => isBlank(t, b + 1));
  if (allBlank) {
    pending.forEach((p, i) => {
      if (i >= bodyRows) inserted.push(i);
      added.push({ index: i, strategy: p.strategy, task: p.task });
      body.push(row(p));
    });
    for (let b = pending.length; b < bodyRows; b++) body.push(oldBody[b]);
  } else {
    const byGap = new Map<number, Pending[]>();
    for (const p of pending) byGap.set(p.gap, [...(byGap.get(p.gap) ?? []), p]);
    for (let b = 0; b <= bodyRows; b++) {
      for (const p of byGap.get(b) ?? []) {
        inserted.push(body.length);
        added.push({ index: body.length, strategy: p.strategy, task: p.task });
        body.push(row(p));
      }
      if (b < bodyRows) body.push(oldBody[b]);
    }
  }
  const { origin } = t.input;
  const cells: SummaryTableGrowth["cells"] = [];
  for (const a of added) {
    const r = origin.row + 1 + a.index;
    cells.push({ cell: a1(r, origin.col + t.index.strategy), value: a.strategy });
    if (a.task !== undefined && t.index.task !== undefined) cells.push({ cell: a1(r, origin.col + t.index.task), value: a.task });
  }
  const table: LocatedTable = { ...t, input: { ...t.input, values: [header, ...body, ...totals] } };
  return {
    growth: { kind, sheet: t.input.sheet, table: t.input.name!, origin, width, bodyRows, inserted, added, cells },
    table,
  };
}

/** Tables below `t` on its sheet whose columns it would shift (inserting would cut them). */
function blocksGrowth(read: ReadResult, t: LocatedTable): boolean {
  const width = t.input.values[0]?.length ?? 0;
  const bottom = t.input.origin.row + t.input.values.length;
  return Object.values(read.tables).some((o) => {
    if (!o || o === t || o.input.sheet !== t.input.sheet || o.input.origin.row < bottom) return false;
    const ow = o.input.values[0]?.length ?? 0;
    return o.input.origin.col < t.input.origin.col + width && o.input.origin.col + ow > t.input.origin.col;
  });
}

/** Which summary rows to add, and the workbook as it will read once they are in. */
export function planSummaryRows(read: ReadResult): SummaryRowPlan {
  const tp = read.tables.taskPlans;
  const none: SummaryRowPlan = { tables: [], added: { byTask: 0, byStrategy: 0 }, read };
  // Without a TaskPlans Excel table there are no summary formulas to give the new rows.
  if (!tp || !taskPlanRefsOf(tp, read.plan)) return none;
  const tables: SummaryTableGrowth[] = [];
  const grown: ReadResult["tables"] = { ...read.tables };
  const kinds: Array<[SummaryKind, (t: LocatedTable) => Pending[]]> = [
    ["summaryByTask", (t) => missingTasks(read, t, tp)],
    ["summaryByStrategy", (t) => missingStrategies(read, t, tp)],
  ];
  for (const [kind, missing] of kinds) {
    const t = read.tables[kind];
    if (!t || !t.input.name || t.index.strategy === undefined || (kind === "summaryByTask" && t.index.task === undefined)) continue;
    const pending = missing(t);
    if (!pending.length || blocksGrowth(read, t)) continue;
    const { growth, table } = grow(t, kind, pending);
    tables.push(growth);
    grown[kind] = table;
  }
  const count = (k: SummaryKind) => tables.filter((g) => g.kind === k).reduce((n, g) => n + g.added.length, 0);
  return { tables, added: { byTask: count("summaryByTask"), byStrategy: count("summaryByStrategy") }, read: { ...read, tables: grown } };
}

/** What the address mapping needs of a growth (kept in the add-in's undo state, too). */
export interface Growth {
  tables: ReadonlyArray<Pick<SummaryTableGrowth, "sheet" | "origin" | "width" | "inserted">>;
}

/**
 * Where a cell of the workbook before growth is afterwards: cells of a grown table's
 * columns at or below an insertion move down (as Excel shifts them when a table row is
 * inserted); other cells stay. Rows are 0-based sheet rows.
 */
export function rowAfterGrowth(plan: Growth, sheet: string, row: number, col: number): number {
  let out = row;
  for (const g of plan.tables) {
    if (g.sheet !== sheet || col < g.origin.col || col >= g.origin.col + g.width || !g.inserted.length) continue;
    const first = g.origin.row + 1;
    if (row < first) continue;
    // Old body index b lands at b + (inserted rows before it in the grown table).
    let b = row - first;
    for (const i of g.inserted) if (i <= b) b++;
    out = first + b;
  }
  return out;
}

/** The row a grown-sheet cell had before growth; undefined for a cell of an inserted row. */
export function rowBeforeGrowth(plan: Growth, sheet: string, row: number, col: number): number | undefined {
  let out = row;
  for (const g of plan.tables) {
    if (g.sheet !== sheet || col < g.origin.col || col >= g.origin.col + g.width || !g.inserted.length) continue;
    const first = g.origin.row + 1;
    if (row < first) continue;
    const b = row - first;
    if (g.inserted.includes(b)) return undefined;
    out = first + b - g.inserted.filter((i) => i < b).length;
  }
  return out;
}
