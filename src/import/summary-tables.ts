/**
 * The summary tables at the front of a plan, in 백만원:
 *   - 요약 by task: 추진전략 | 실천과제 | 세부사업내용 | 일자리 목표 | 사업예산 (백만원)
 *   - 지역 일자리 목표 요약: 예산 합계 / 국비 / 시비 / 구비, 목표 피보험자 수, 목표 취업률
 *   - 분야별 목표: 구 분 | 목표 (인원) | 예산 합계 / 국비 / 시비 / 군구비, with a 총 계 row
 */
import { parseNumber, resolveSource } from "../core/amounts";
import type {
  Budget,
  FundingSource,
  Measure,
  PlanHeadline,
  SourceRef,
  SummaryStrategyRow,
  SummaryTaskRow,
  SummaryTotals,
  Unit,
} from "../core/model";
import { budgetFromCells, type FieldCell } from "./budget-cells";
import { splitHeader, type Column } from "./header-table";
import { foldLabel, listItems, readTable, type Row } from "./lines";
import { displayName } from "./names";
import { readCount } from "./numbers";
import type { FindingSink } from "./report";

/** The unit a header names (`사업예산 (백만원)`), if any. */
export function unitInLabel(label: string): Unit | undefined {
  if (label.includes("백만원")) return "백만원";
  if (label.includes("천원")) return "천원";
  if (label.includes("억원")) return "억원";
  return undefined;
}

function isTotalLabel(cell: string): boolean {
  const f = foldLabel(cell);
  return f === "합계" || f === "총계" || f === "계";
}

// ---------------------------------------------------------------------------------------
// Summary by task

export interface TaskSummaryColumns {
  strategy: number;
  task: number;
  projects: number;
  target: number;
  budget: number;
  unit: Unit;
}

/** Column positions when `row` is the header of the summary by task, else null. */
export function taskSummaryHeader(row: Row): TaskSummaryColumns | null {
  const f = row.cells.map(foldLabel);
  const strategy = f.findIndex((c) => c === "추진전략" || c === "전략");
  const task = f.findIndex((c) => c === "실천과제" || c === "과제");
  const target = f.findIndex((c) => c.includes("목표"));
  const budget = f.findIndex((c) => c.includes("예산") || c.includes("사업비"));
  if (strategy < 0 || task < 0 || (target < 0 && budget < 0)) return null;
  const projects = f.findIndex((c) => c.includes("세부사업") || c.includes("사업내용"));
  return { strategy, task, projects, target, budget, unit: unitInLabel(row.cells[budget] ?? "") ?? "백만원" };
}

/** Same as taskSummaryHeader but without figures: the list of IV. 세부실천과제. */
export function projectListHeader(row: Row): boolean {
  const f = row.cells.map(foldLabel);
  return f.includes("추진전략") && f.includes("실천과제") && !f.some((c) => c.includes("목표") || c.includes("예산"));
}

export interface TaskSummary {
  rows: SummaryTaskRow[];
  total?: SummaryTotals;
  /** 0-based index of the table's first and after-last lines. */
  start: number;
  end: number;
}

export function findTaskSummary(lines: readonly string[], sink: FindingSink): TaskSummary | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes("\t")) continue;
    const header = taskSummaryHeader({ line: i + 1, cells: lines[i].split("\t") });
    if (!header) continue;
    const { rows, end } = readTable(lines, i, { allowGaps: true });
    return { ...readTaskSummary(rows, header, sink), start: i, end };
  }
  return undefined;
}

function readTaskSummary(rows: readonly Row[], cols: TaskSummaryColumns, sink: FindingSink) {
  const out: SummaryTaskRow[] = [];
  let total: SummaryTotals | undefined;
  let strategy = "";
  for (const row of rows) {
    if (row.cells.every((c) => c === "")) continue;
    // The header repeats after a page break.
    if (taskSummaryHeader(row)) continue;
    const cell = (k: number) => (k >= 0 ? (row.cells[k] ?? "") : "");
    const first = cell(cols.strategy);
    if (isTotalLabel(first) && !cell(cols.task)) {
      const path = [displayName(first)];
      const targetRef: SourceRef = { line: row.line };
      const budgetRef: SourceRef = { line: row.line };
      const budget: Budget = { total: amount(cell(cols.budget), cols.unit, budgetRef, path, sink), parts: {} };
      // Only a malformed figure needs its ref here: it carries the text back to the workbook.
      if (budgetRef.raw !== undefined) budget.refs = { total: budgetRef };
      total = { target: count(cell(cols.target), targetRef, path, sink), budget, ref: { line: row.line }, targetRef };
      continue;
    }
    if (first) strategy = displayName(first);
    const task = displayName(cell(cols.task));
    if (!task) {
      sink.unreadable(row.line, [strategy], row.cells.filter((c) => c).join(" | "), "summary-by-task", {
        ko: "실천과제 이름이 없는 행",
        en: "row without a task name",
      });
      continue;
    }
    const path = [strategy, task];
    const refs = { target: { line: row.line }, budget: { line: row.line }, projects: { line: row.line } };
    out.push({
      strategy,
      task,
      projects: cols.projects >= 0 ? listItems(cell(cols.projects)).map(displayName) : [],
      target: count(cell(cols.target), refs.target, path, sink),
      budget: amount(cell(cols.budget), cols.unit, refs.budget, path, sink),
      ref: { line: row.line },
      refs,
    });
  }
  return { rows: out, total };
}

/** A count; a malformed one leaves its text on `ref` (whose line it was read from). */
function count(text: string, ref: SourceRef, path: string[], sink: FindingSink): number | null {
  const line = ref.line!;
  const c = readCount(text);
  if (c.kind === "value") return c.value;
  if (c.kind === "empty") return null;
  if (c.kind === "malformed") {
    ref.raw = c.raw;
    sink.malformedNumber({ line, path, table: "summary-by-task", field: "target", raw: c.raw, likely: c.candidates[0], unit: "명" });
    return c.candidates[0];
  }
  sink.unreadable(line, path, text, "summary-by-task", { ko: "일자리 목표", en: "job target" }, "error");
  return null;
}

function amount(text: string, unit: Unit, ref: SourceRef, path: string[], sink: FindingSink): number | null {
  const cells: FieldCell[] = [{ field: "total", text, line: ref.line! }];
  const budget = budgetFromCells(cells, { defaultUnit: unit, target: "백만원", path, table: "summary-by-task", sink });
  const raw = budget.refs?.total?.raw;
  if (raw !== undefined) ref.raw = raw;
  return budget.total;
}

// ---------------------------------------------------------------------------------------
// Budget columns shared by the plan-budget and by-strategy tables

interface BudgetColumns {
  total: number;
  sources: Array<{ col: number; key: string }>;
  unit: Unit;
}

function budgetColumns(columns: readonly Column[], sources: readonly FundingSource[]): BudgetColumns {
  let total = -1;
  const found: Array<{ col: number; key: string }> = [];
  let unit: Unit | undefined;
  columns.forEach((c, i) => {
    if (i === 0 && !c.lower) return;
    const inBudget = foldLabel(c.upper).includes("예산") || foldLabel(c.lower).includes("예산");
    unit ??= unitInLabel(c.upper) ?? unitInLabel(c.lower);
    if (isTotalLabel(c.lower) && (inBudget || total < 0)) {
      total = i;
      return;
    }
    const f = foldLabel(c.lower);
    const src = f.length >= 2 ? resolveSource(c.lower, sources) : undefined;
    if (src && !found.some((x) => x.key === src.key)) found.push({ col: i, key: src.key });
  });
  return { total, sources: found, unit: unit ?? "백만원" };
}

function budgetOfRow(row: Row, bc: BudgetColumns, path: string[], table: "plan-budget" | "summary-by-strategy", sink: FindingSink): Budget {
  const cells: FieldCell[] = [];
  if (bc.total >= 0) cells.push({ field: "total", text: row.cells[bc.total] ?? "", line: row.line });
  for (const s of bc.sources) cells.push({ field: s.key, text: row.cells[s.col] ?? "", line: row.line });
  return budgetFromCells(cells, { defaultUnit: bc.unit, target: "백만원", path, table, sink });
}

// ---------------------------------------------------------------------------------------
// Plan budget and headline (지역 일자리 목표 요약)

export interface PlanBudgetTable {
  budget: Budget;
  headline: PlanHeadline;
  sourceKeys: string[];
  line: number;
}

export function findPlanBudget(lines: readonly string[], sources: readonly FundingSource[], sink: FindingSink): PlanBudgetTable | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes("\t")) continue;
    const f = lines[i].split("\t").map(foldLabel);
    if (!f.some((c) => c.includes("일자리예산"))) continue;
    const { rows } = readTable(lines, i);
    const t = splitHeader(rows);
    const data = t.dataRows.find((r) => r.cells.some((c) => c !== ""));
    if (!data) {
      sink.unreadable(i + 1, [], lines[i].trim(), "plan-budget", { ko: "값 행이 없습니다", en: "no row of figures" });
      return undefined;
    }
    const bc = budgetColumns(t.columns, sources);
    const budget = budgetOfRow(data, bc, [], "plan-budget", sink);
    const headline: PlanHeadline = {};
    t.columns.forEach((c, k) => {
      const label = foldLabel(c.upper + c.lower);
      const text = data.cells[k] ?? "";
      if (label.includes("피보험자")) headline.insuredTarget = measure(text, data.line, "plan-budget", sink);
      else if (label.includes("취업률")) headline.employmentRateTarget = measure(text, data.line, "plan-budget", sink);
    });
    return { budget, headline, sourceKeys: bc.sources.map((s) => s.key), line: data.line };
  }
  return undefined;
}

/** A figure kept as printed (value and decimals), for rates and counts. */
export function measure(text: string, line: number, table: "plan-budget" | "common-targets", sink: FindingSink, path: string[] = []): Measure | null {
  const n = parseNumber(text);
  if (n.kind === "number") return { value: n.value, decimals: n.decimals, ref: { line } };
  if (n.kind === "empty") return null;
  if (n.candidates.length) {
    sink.malformedNumber({ line, path, table, field: "value", raw: n.raw, likely: n.candidates[0], unit: "" });
    return { value: n.candidates[0], decimals: 0, ref: { line, raw: n.raw } };
  }
  sink.unreadable(line, path, text, table, { ko: "숫자", en: "number" }, "error");
  return null;
}

// ---------------------------------------------------------------------------------------
// Summary by strategy (분야별 목표)

export interface StrategySummary {
  rows: SummaryStrategyRow[];
  total?: SummaryTotals;
  sourceKeys: string[];
}

/** Finds the table under the `분야별 목표` heading. */
export function findStrategySummary(lines: readonly string[], sources: readonly FundingSource[], sink: FindingSink): StrategySummary | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes("\t") || !foldLabel(lines[i]).includes("분야별목표")) continue;
    // The table follows after a unit line such as `(단위 : 명)`.
    let j = i + 1;
    while (j < lines.length && !lines[j].includes("\t") && j - i < 6) j++;
    const { rows } = readTable(lines, j);
    if (rows.length === 0) continue;
    return readStrategySummary(rows, sources, sink);
  }
  return undefined;
}

function readStrategySummary(rows: readonly Row[], sources: readonly FundingSource[], sink: FindingSink): StrategySummary {
  const t = splitHeader(rows);
  const bc = budgetColumns(t.columns, sources);
  const targetCol = t.columns.findIndex((c, k) => k > 0 && foldLabel(c.upper + c.lower).includes("목표") && !foldLabel(c.upper + c.lower).includes("예산"));
  const out: StrategySummary = { rows: [], sourceKeys: bc.sources.map((s) => s.key) };
  for (const row of t.dataRows) {
    if (row.cells.every((c) => c === "")) continue;
    const name = displayName(row.cells[0] ?? "");
    const path = [name];
    const targetRef: SourceRef = { line: row.line };
    const target = targetCol >= 0 ? strategyCount(row.cells[targetCol] ?? "", targetRef, path, sink) : null;
    const budget = budgetOfRow(row, bc, path, "summary-by-strategy", sink);
    if (isTotalLabel(name)) {
      out.total = { target, budget, ref: { line: row.line }, targetRef };
      continue;
    }
    if (!name) {
      sink.unreadable(row.line, [], row.cells.filter((c) => c).join(" | "), "summary-by-strategy", {
        ko: "추진전략 이름이 없는 행",
        en: "row without a strategy name",
      });
      continue;
    }
    out.rows.push({ strategy: name, target, budget, ref: { line: row.line }, targetRef });
  }
  return out;
}

function strategyCount(text: string, ref: SourceRef, path: string[], sink: FindingSink): number | null {
  const line = ref.line!;
  const c = readCount(text);
  if (c.kind === "value") return c.value;
  if (c.kind === "empty") return null;
  if (c.kind === "malformed") {
    ref.raw = c.raw;
    sink.malformedNumber({ line, path, table: "summary-by-strategy", field: "target", raw: c.raw, likely: c.candidates[0], unit: "명" });
    return c.candidates[0];
  }
  sink.unreadable(line, path, text, "summary-by-strategy", { ko: "목표 인원", en: "job target" }, "error");
  return null;
}

