/**
 * The summary tables at the front of a plan, found and cut into cells (the builder reads them):
 *   - 요약 by task: 추진전략 | 실천과제 | 세부사업내용 | 일자리 목표 | 사업예산 (백만원)
 *   - 지역 일자리 목표 요약: 예산 합계 / 국비 / 시비 / 구비, 목표 피보험자 수, 목표 취업률
 *   - 분야별 목표: 구 분 | 목표 (인원) | 예산 합계 / 국비 / 시비 / 군구비, with a 총 계 row
 */
import { resolveSource } from "../core/amounts";
import type { FundingSource, Unit } from "../core/model";
import { sourceField, type Field, type RowsTable } from "../core/plan-builder";
import { totalWord, unitInHeader } from "../core/vocabulary";
import { splitHeader, type Column } from "./header-table";
import { foldLabel, listItems, readTable, type Row } from "./lines";
import { displayName } from "./names";
import { textTable, type TextRow } from "./text-table";

// ---------------------------------------------------------------------------------------
// Summary by task

export interface TaskSummaryColumns {
  strategy: number;
  task: number;
  projects: number;
  target: number;
  budget: number;
  unit?: Unit;
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
  return { strategy, task, projects, target, budget, unit: unitInHeader(row.cells[budget] ?? "") };
}

/** Same as taskSummaryHeader but without figures: the list of IV. 세부실천과제. */
export function projectListHeader(row: Row): boolean {
  const f = row.cells.map(foldLabel);
  return f.includes("추진전략") && f.includes("실천과제") && !f.some((c) => c.includes("목표") || c.includes("예산"));
}

/** A task row of the summary by task, by name, for pairing detail sections with tasks. */
export interface SummaryTaskName {
  strategy: string;
  task: string;
  line: number;
}

export interface TaskSummary {
  table: RowsTable;
  names: SummaryTaskName[];
  /** 0-based index of the table's first and after-last lines. */
  start: number;
  end: number;
}

const TASK_SUMMARY_FIELDS: Field[] = ["strategy", "task", "projects", "target", "total"];

export function findTaskSummary(lines: readonly string[]): TaskSummary | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes("\t")) continue;
    const header = taskSummaryHeader({ line: i + 1, cells: lines[i].split("\t") });
    if (!header) continue;
    const { rows, end } = readTable(lines, i, { allowGaps: true });
    const out: TextRow[] = [];
    const names: SummaryTaskName[] = [];
    let strategy = "";
    for (const row of rows) {
      // The header repeats after a page break.
      if (row.cells.every((c) => c === "") || taskSummaryHeader(row)) continue;
      const cell = (k: number) => (k >= 0 ? (row.cells[k] ?? "") : "");
      const s = displayName(cell(header.strategy));
      const task = displayName(cell(header.task));
      out.push({
        line: row.line,
        cells: {
          strategy: s || null,
          task: task || null,
          projects: header.projects >= 0 ? listItems(cell(header.projects)).map(displayName).join("\n") : null,
          target: cell(header.target),
          total: cell(header.budget),
        },
      });
      if (s && !totalWord(s)) strategy = s;
      if (task && !totalWord(task) && !(s && totalWord(s))) names.push({ strategy, task, line: row.line });
    }
    const table = textTable("summaryByTask", TASK_SUMMARY_FIELDS, out, { line: i + 1 }, { units: header.unit ? { total: header.unit } : undefined });
    return { table, names, start: i, end };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Budget columns shared by the plan-budget and by-strategy tables

interface BudgetColumns {
  total: number;
  sources: Array<{ col: number; key: string }>;
  unit?: Unit;
}

function budgetColumns(columns: readonly Column[], sources: readonly FundingSource[]): BudgetColumns {
  let total = -1;
  const found: Array<{ col: number; key: string }> = [];
  let unit: Unit | undefined;
  columns.forEach((c, i) => {
    if (i === 0 && !c.lower) return;
    const inBudget = foldLabel(c.upper).includes("예산") || foldLabel(c.lower).includes("예산");
    unit ??= unitInHeader(c.upper) ?? unitInHeader(c.lower);
    if (totalWord(c.lower) === "total" && (inBudget || total < 0)) {
      total = i;
      return;
    }
    const f = foldLabel(c.lower);
    const src = f.length >= 2 ? resolveSource(c.lower, sources) : undefined;
    if (src && !found.some((x) => x.key === src.key)) found.push({ col: i, key: src.key });
  });
  return { total, sources: found, unit };
}

/** Fields of a budget table and their cells' column positions. */
function budgetFields(bc: BudgetColumns): Array<{ field: Field; col: number }> {
  const out: Array<{ field: Field; col: number }> = [];
  if (bc.total >= 0) out.push({ field: "total", col: bc.total });
  for (const s of bc.sources) out.push({ field: sourceField(s.key), col: s.col });
  return out;
}

function unitsOf(fields: Array<{ field: Field }>, unit: Unit | undefined): Record<Field, Unit> | undefined {
  if (!unit) return undefined;
  const units: Record<Field, Unit> = {};
  for (const f of fields) units[f.field] = unit;
  return units;
}

// ---------------------------------------------------------------------------------------
// Plan budget and headline (지역 일자리 목표 요약)

export function findPlanBudget(lines: readonly string[], sources: readonly FundingSource[]): RowsTable | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].includes("\t")) continue;
    const f = lines[i].split("\t").map(foldLabel);
    if (!f.some((c) => c.includes("일자리예산"))) continue;
    const { rows } = readTable(lines, i);
    const t = splitHeader(rows);
    const data = t.dataRows.find((r) => r.cells.some((c) => c !== ""));
    if (!data) return undefined;
    const bc = budgetColumns(t.columns, sources);
    const fields = budgetFields(bc);
    t.columns.forEach((c, k) => {
      const label = foldLabel(c.upper + c.lower);
      if (label.includes("피보험자")) fields.push({ field: "insuredTarget", col: k });
      else if (label.includes("취업률") || label.includes("고용률")) fields.push({ field: "employmentRateTarget", col: k });
    });
    const cells: TextRow["cells"] = {};
    for (const x of fields) cells[x.field] = data.cells[x.col] ?? "";
    return textTable(
      "planBudget",
      fields.map((x) => x.field),
      [{ line: data.line, cells }],
      { line: i + 1 },
      { units: unitsOf(fields.filter((x) => x.field === "total" || x.field.startsWith("src:")), bc.unit) },
    );
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Summary by strategy (분야별 목표)

/** Finds the table under the `분야별 목표` heading. */
export function findStrategySummary(lines: readonly string[], sources: readonly FundingSource[]): RowsTable | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes("\t") || !foldLabel(lines[i]).includes("분야별목표")) continue;
    // The table follows after a unit line such as `(단위 : 명)`.
    let j = i + 1;
    while (j < lines.length && !lines[j].includes("\t") && j - i < 6) j++;
    const { rows } = readTable(lines, j);
    if (rows.length === 0) continue;
    const t = splitHeader(rows);
    const bc = budgetColumns(t.columns, sources);
    const targetCol = t.columns.findIndex((c, k) => k > 0 && foldLabel(c.upper + c.lower).includes("목표") && !foldLabel(c.upper + c.lower).includes("예산"));
    const money = budgetFields(bc);
    const fields: Array<{ field: Field; col: number }> = [{ field: "strategy", col: 0 }, ...(targetCol >= 0 ? [{ field: "target", col: targetCol }] : []), ...money];
    const out: TextRow[] = t.dataRows
      .filter((row) => row.cells.some((c) => c !== ""))
      .map((row) => {
        const cells: TextRow["cells"] = {};
        for (const x of fields) cells[x.field] = x.field === "strategy" ? displayName(row.cells[0] ?? "") || null : (row.cells[x.col] ?? "");
        return { line: row.line, cells };
      });
    return textTable(
      "summaryByStrategy",
      fields.map((x) => x.field),
      out,
      { line: j + 1 },
      { units: unitsOf(money, bc.unit) },
    );
  }
  return undefined;
}
