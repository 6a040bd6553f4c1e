/**
 * The generated cells of an existing workbook, recomputed with the workbook's own header
 * texts: the one formula of each generated column (summary tables, the 요약 반영액 column of
 * TaskPlans) on every row, and the value columns those formulas read (the matched detail
 * names, the 합계 row flag, the largest-remainder nudges). Only generated columns are
 * touched; callers (the CLI with ExcelJS, the add-in with Office.js) write these cells and
 * nothing else. A 소계 row, or a 합계 row in a table without the flag column, gets nothing:
 * it is a total the person typed, not a row to sum by name. Pure.
 */
import type { Plan } from "../core/model";
import { matchStrategyRows, matchTaskRowsInOrder } from "../core/summary-match";
import { rollupDetail } from "../core/rollup";
import { totalWord } from "../core/vocabulary";
import { adjustmentColumnKey, sourceColumnKey } from "./columns";
import type { LocatedTable, ReadResult } from "./read-tables";
import { countedRowFormula, STATUS_WORDS, summaryColumnFormulas, summaryRowRefs, type TaskPlanRefs } from "./summary-formulas";
import type { SummaryKind } from "./summary-rows";
import { roundingAdjustments, summaryKeys } from "./summary-sheets";
import type { CellValue } from "./workbook-model";
import { a1 } from "./workbook-model";

export interface GeneratedFormula {
  sheet: string;
  /** A1 address in the sheet. */
  cell: string;
  /** Without the leading "=". */
  formula: string;
}

/** A value cell jobplan fills for its formulas (written as a value; text stays text). */
export interface GeneratedValue {
  sheet: string;
  cell: string;
  value: CellValue;
}

function headerText(t: LocatedTable, key: string): string | undefined {
  const i = t.index[key];
  if (i === undefined) return undefined;
  const v = t.input.values[0]?.[i];
  return v === null || v === undefined ? undefined : String(v);
}

function tableName(t: LocatedTable): string | undefined {
  return t.input.name;
}

/** TaskPlans references with the workbook's header texts; undefined without a TaskPlans Excel table. */
export function taskPlanRefsOf(t: LocatedTable | undefined, plan: Plan): TaskPlanRefs | undefined {
  if (!t || !tableName(t)) return undefined;
  const strategy = headerText(t, "strategy");
  const task = headerText(t, "task");
  const target = headerText(t, "target");
  const total = headerText(t, "total");
  if (!strategy || !task || !target || !total) return undefined;
  const sources: Record<string, string> = {};
  for (const s of plan.settings.sources) {
    const h = headerText(t, sourceColumnKey(s.key));
    if (h) sources[s.key] = h;
  }
  return { table: tableName(t)!, strategy, task, target, total, counted: headerText(t, "counted"), sources };
}

/** A row's cell as trimmed text ("" when blank); `r` indexes the values, header first. */
export function textAt(t: LocatedTable, r: number, key: string): string {
  const c = t.index[key];
  const v = c === undefined ? undefined : t.input.values[r]?.[c];
  return v === null || v === undefined ? "" : String(v).trim();
}

export function isBlankRow(t: LocatedTable, r: number): boolean {
  return (t.input.values[r] ?? []).every((v) => v === null || v === undefined || String(v).trim() === "");
}

/** Body rows (1-based in values), and the Excel totals row when the table has one. */
function positions(t: LocatedTable): { body: number[]; totals?: number } {
  const n = t.input.values.length;
  const hasTotals = !!t.input.hasTotalsRow && n > 1;
  const body: number[] = [];
  for (let r = 1; r < (hasTotals ? n - 1 : n); r++) if (!isBlankRow(t, r)) body.push(r);
  return { body, totals: hasTotals ? n - 1 : undefined };
}

class Output {
  formulas: GeneratedFormula[] = [];
  values: GeneratedValue[] = [];

  private at(t: LocatedTable, r: number, key: string): string | undefined {
    const c = t.index[key];
    return c === undefined ? undefined : a1(t.input.origin.row + r, t.input.origin.col + c);
  }

  formula(t: LocatedTable, r: number, key: string, formula: string | undefined): void {
    const cell = this.at(t, r, key);
    if (cell && formula !== undefined) this.formulas.push({ sheet: t.input.sheet, cell, formula });
  }

  /** A value, only where the cell holds something else (blank and "" are the same). */
  value(t: LocatedTable, r: number, key: string, value: CellValue): void {
    const cell = this.at(t, r, key);
    if (!cell) return;
    const cur = t.input.values[r]?.[t.index[key]];
    const norm = (x: unknown) => (x === null || x === undefined || x === "" ? null : x);
    if (norm(cur) === norm(value)) return;
    this.values.push({ sheet: t.input.sheet, cell, value });
  }
}

/** The detail name a row sums, or null when its own spelling is the detail's. */
function matchValue(own: string, detail: string | undefined): string | null {
  return detail !== undefined && detail !== own ? detail : null;
}

interface SummaryContext {
  plan: Plan;
  refs: TaskPlanRefs;
  included: string[];
  excluded: string[];
  lang: "ko" | "en";
  out: Output;
}

/** Writes a summary table's formulas and value columns; `rowValues` fills a body row's values. */
function summaryTable(
  c: SummaryContext,
  kind: SummaryKind,
  t: LocatedTable,
  rowValues: (body: Array<{ r: number; name: string }>) => Map<number, Record<string, CellValue>>,
): void {
  const name = tableName(t);
  if (!name) return;
  const headerOf = (key: string) => headerText(t, key);
  const s = summaryRowRefs(kind, name, headerOf, c.included);
  if (!s) return;
  const options = { included: c.included, excluded: c.excluded, words: STATUS_WORDS[c.lang] };
  const body = summaryColumnFormulas(kind, c.refs, s, name, headerOf, options);
  const { body: rows, totals } = positions(t);
  const hasFlag = t.index.totalRow !== undefined;
  const named: Array<{ r: number; name: string }> = [];
  let lastStrategy = "";
  for (const r of rows) {
    const word = totalWord(textAt(t, r, "strategy"));
    const isTotal = word !== undefined && !textAt(t, r, "task");
    // 소계 in the task column, or in the strategy column of a by-task table: the strategy's rows.
    const isSubtotal = (kind === "summaryByTask" && totalWord(textAt(t, r, "task")) !== undefined) || (isTotal && word === "subtotal" && kind === "summaryByTask");
    // A 합계 / 소계 row the formulas cannot tell from a name: a total the person typed.
    if ((isTotal || isSubtotal) && (!hasFlag || (word === "subtotal" && kind !== "summaryByTask"))) continue;
    for (const [key, formula] of Object.entries(body)) c.out.formula(t, r, key, formula);
    if (isSubtotal) {
      c.out.value(t, r, "totalRow", 2);
      const own = word === "subtotal" ? "" : textAt(t, r, "strategy");
      c.out.value(t, r, "matchStrategy", own ? null : lastStrategy || null);
      c.out.value(t, r, "matchTask", null);
    } else if (isTotal) {
      c.out.value(t, r, "totalRow", 1);
      for (const key of ["matchStrategy", "matchTask"]) c.out.value(t, r, key, null);
    } else {
      named.push({ r, name: textAt(t, r, "strategy") });
      lastStrategy = textAt(t, r, "strategy") || lastStrategy;
    }
  }
  for (const [r, values] of rowValues(named)) {
    if (hasFlag) c.out.value(t, r, "totalRow", null);
    for (const [key, value] of Object.entries(values)) c.out.value(t, r, key, value);
  }
  if (totals !== undefined) {
    // An Excel totals row (an older layout) sums the whole plan; it is no calculated-column row.
    for (const [key, formula] of Object.entries(summaryColumnFormulas(kind, c.refs, undefined, name, headerOf, options))) c.out.formula(t, totals, key, formula);
  }
}

function byTaskValues(c: SummaryContext, t: LocatedTable, body: Array<{ r: number; name: string }>): Map<number, Record<string, CellValue>> {
  const detail = c.plan.strategies.flatMap((s) => s.tasks.map((task) => ({ strategy: s.name, task: task.name })));
  let last = "";
  const rows = body.map(({ r, name }) => {
    const strategy = name || last;
    last = strategy;
    return { r, own: name, strategy, task: textAt(t, r, "task") };
  });
  const match = matchTaskRowsInOrder(rows, c.plan);
  const out = new Map<number, Record<string, CellValue>>();
  rows.forEach((x, i) => {
    const d = match[i] !== undefined ? detail[match[i]!] : undefined;
    // A blank strategy cell (written once above) sums the strategy of the rows above.
    out.set(x.r, { matchStrategy: matchValue(x.own, d?.strategy ?? (x.own ? undefined : x.strategy)), matchTask: matchValue(x.task, d?.task) });
  });
  return out;
}

function byStrategyValues(c: SummaryContext, body: Array<{ r: number; name: string }>): Map<number, Record<string, CellValue>> {
  const names = c.plan.strategies.map((s) => s.name);
  const detail = rollupDetail(c.plan);
  const match = matchStrategyRows(
    body.map((x) => x.name),
    c.plan,
  );
  const out = new Map<number, Record<string, CellValue>>();
  body.forEach((x, i) => {
    const s = match[i];
    const adj = s !== undefined ? roundingAdjustments(detail.strategies[s], c.included, c.plan.settings.roundingMode) : {};
    const values: Record<string, CellValue> = { matchStrategy: matchValue(x.name, s !== undefined ? names[s] : undefined) };
    for (const k of c.included) values[adjustmentColumnKey(k)] = adj[k] ? adj[k] : null;
    out.set(x.r, values);
  });
  return out;
}

/** Every generated cell of the workbook read into `read`: formulas and the value columns. */
export function regenerateCells(read: ReadResult, lang: "ko" | "en" = "ko"): { formulas: GeneratedFormula[]; values: GeneratedValue[] } {
  const plan = read.plan;
  const out = new Output();
  const tp = read.tables.taskPlans;
  const refs = taskPlanRefsOf(tp, plan);
  if (!refs || !tp) return out;
  const { included, excluded } = summaryKeys(plan);

  // TaskPlans: the counted total of each row.
  if (refs.counted) {
    const summaryHeaders = included.map((k) => refs.sources[k]).filter((h): h is string => !!h);
    const excludedHeaders = excluded.map((k) => refs.sources[k]).filter((h): h is string => !!h);
    const formula = countedRowFormula(refs.table, refs.total, summaryHeaders, excludedHeaders);
    for (const r of positions(tp).body) out.formula(tp, r, "counted", formula);
  }

  const c: SummaryContext = { plan, refs, included, excluded, lang, out };
  const st = read.tables.summaryByTask;
  if (st) summaryTable(c, "summaryByTask", st, (body) => byTaskValues(c, st, body));
  const ss = read.tables.summaryByStrategy;
  if (ss) {
    summaryTable(c, "summaryByStrategy", ss, (body) => byStrategyValues(c, body));
    // The plan row's nudges (the 합계 row): the whole plan's figures.
    const adj = roundingAdjustments(rollupDetail(plan).plan, included, plan.settings.roundingMode);
    for (const r of positions(ss).body) {
      if (totalWord(textAt(ss, r, "strategy")) !== "total" || ss.index.totalRow === undefined) continue;
      for (const k of included) out.value(ss, r, adjustmentColumnKey(k), adj[k] ? adj[k] : null);
    }
  }
  return out;
}

/** Formulas for every generated cell of the workbook read into `read`. */
export function regenerateFormulas(read: ReadResult, lang: "ko" | "en" = "ko"): GeneratedFormula[] {
  return regenerateCells(read, lang).formulas;
}

/** The value cells regeneration rewrites (matched names, 합계 flag, rounding nudges). */
export function regenerateValues(read: ReadResult): GeneratedValue[] {
  return regenerateCells(read).values;
}
