/**
 * Pure logic of PLAN.FINDINGS: builds a Plan from the ranges (task plans, projects,
 * summary) and lists core's checkPlan findings as a table.
 *
 * Locations: a range passed to a custom function carries no address, so a figure's place is
 * given as `<argument>!<cell>` counted from the range's top-left corner (`detail!E3` is the
 * third row, fifth column of the detail argument).
 */
import { checkPlan } from "../core/validate";
import { formatLocation, type Finding } from "../core/findings";
import { SEVERITY_ORDER, SEVERITY_WORDS } from "../core/vocabulary";
import { emptyBudget, emptyPlan, type Budget, type Plan, type SourceRef, type Strategy, type Task } from "../core/model";
import { recentResults } from "./recent";
import { invalid, ok, type FnError, type FnResult } from "./runtime";
import { isOmitted, scalarText } from "./select";
import {
  cellText,
  columnIn,
  isError,
  parseTable,
  quickFigure,
  rangeCell,
  readFigure,
  type ParsedTable,
  type TableRow,
} from "./table";

export type Language = "ko" | "en";

export const FINDINGS_HEADER: Record<Language, string[]> = {
  ko: ["심각도", "코드", "위치", "내용", "기대값", "실제값"],
  en: ["Severity", "Code", "Location", "Message", "Expected", "Actual"],
};


interface Builder {
  plan: Plan;
  strategies: Map<string, { strategy: Strategy; tasks: Map<string, Task> }>;
  /** Findings of the reading itself (malformed numbers), reported with the checks'. */
  readFindings: Finding[];
}

function ref(t: ParsedTable, r: number, c: number | undefined): SourceRef {
  return { sheet: t.label, cell: rangeCell(r, c ?? 0) };
}

/** A figure or null; a malformed cell becomes a finding and reads as null. */
function figure(b: Builder, t: ParsedTable, row: TableRow, col: number | undefined, path: string[], field: string, toUnit?: "천원" | "백만원"): number | null {
  if (col === undefined) return null;
  if (columnIn(t, col, toUnit)) {
    const q = quickFigure(t.range[row.r][col]);
    if (q !== undefined) return q;
  }
  const v = readFigure(t, row.r, col, toUnit);
  if (isError(v)) {
    b.readFindings.push({
      code: "malformed-number",
      severity: "error",
      message: { ko: v.message, en: v.message },
      location: { path, table: t.kind === "summary" ? "summary-by-strategy" : t.kind === "projects" ? "project" : "task-plan", field, ...ref(t, row.r, col) },
    });
    return null;
  }
  return v;
}

function budgetOf(b: Builder, t: ParsedTable, row: TableRow, path: string[], unit: "천원" | "백만원"): Budget {
  const budget = emptyBudget();
  budget.refs = {};
  const totalCol = t.cols.fields.total;
  budget.total = figure(b, t, row, totalCol, path, "total", unit);
  if (totalCol !== undefined) budget.refs.total = ref(t, row.r, totalCol);
  for (const s of t.cols.sources) {
    const v = figure(b, t, row, s.col, path, s.key, unit);
    budget.refs[s.key] = ref(t, row.r, s.col);
    if (v !== null) budget.parts[s.key] = v;
  }
  return budget;
}

function taskFor(b: Builder, strategyName: string, taskName: string, r: SourceRef): Task {
  let s = b.strategies.get(strategyName);
  if (!s) {
    s = { strategy: { name: strategyName, tasks: [], ref: r }, tasks: new Map() };
    b.strategies.set(strategyName, s);
    b.plan.strategies.push(s.strategy);
  }
  let task = s.tasks.get(taskName);
  if (!task) {
    task = { name: taskName, target: null, budget: emptyBudget(), projects: [], ref: r };
    s.tasks.set(taskName, task);
    s.strategy.tasks.push(task);
  }
  return task;
}

function addTaskTable(b: Builder, t: ParsedTable): void {
  const f = t.cols.fields;
  for (const row of t.rows) {
    if (row.total) continue;
    const path = [row.strategy, row.task];
    const taskRef = ref(t, row.r, f.task ?? f.strategy);
    const task = taskFor(b, row.strategy, row.task, taskRef);
    task.ref = taskRef;
    const targetCol = f.target ?? f.headcount;
    task.target = figure(b, t, row, targetCol, path, "target");
    if (targetCol !== undefined) task.targetRef = ref(t, row.r, targetCol);
    task.budget = budgetOf(b, t, row, path, "천원");
  }
}

function addProjectTable(b: Builder, t: ParsedTable, hasTaskTable: boolean): void {
  const f = t.cols.fields;
  for (const row of t.rows) {
    if (row.total) continue;
    const path = [row.strategy, row.task, row.project];
    const task = taskFor(b, row.strategy, row.task, ref(t, row.r, f.task ?? f.strategy));
    const budget = budgetOf(b, t, row, path, "천원");
    const hasBudget = budget.total !== null || Object.keys(budget.parts).length > 0;
    task.projects.push({
      name: row.project,
      budget: hasBudget ? budget : undefined,
      headcount: figure(b, t, row, f.headcount, path, "headcount"),
      ref: ref(t, row.r, f.project),
      headcountRef: f.headcount !== undefined ? ref(t, row.r, f.headcount) : undefined,
    });
  }
  if (!hasTaskTable) {
    // Without task plans, a task's budget is what its projects add up to (no roll-up check).
    for (const task of b.plan.strategies.flatMap((s) => s.tasks)) {
      const budget = emptyBudget();
      let any = false;
      for (const p of task.projects) {
        if (!p.budget) continue;
        any = true;
        budget.total = (budget.total ?? 0) + (p.budget.total ?? 0);
        for (const k in p.budget.parts) budget.parts[k] = (budget.parts[k] ?? 0) + p.budget.parts[k];
      }
      if (any) task.budget = budget;
    }
  }
}

function splitProjects(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.replace(/^\s*[-–·•○◦▪※]\s*/, "").trim())
    .filter(Boolean);
}

function addSummary(b: Builder, t: ParsedTable): void {
  const f = t.cols.fields;
  const keys = t.cols.sources.map((s) => s.key);
  b.plan.summary.sourceKeys = keys.length ? keys : undefined;
  if (f.task !== undefined) {
    const rows: NonNullable<Plan["summary"]["byTask"]>["rows"] = [];
    for (const row of t.rows) {
      if (row.total || !row.task) continue;
      const path = [row.strategy, row.task];
      rows.push({
        strategy: row.strategy,
        task: row.task,
        projects: f.projects !== undefined ? splitProjects(cellText(t.range[row.r][f.projects]).replace(/ /g, " ")) : [],
        target: figure(b, t, row, f.target, path, "target"),
        budget: figure(b, t, row, f.total, path, "total", "백만원"),
        ref: ref(t, row.r, f.task),
        refs: {
          target: f.target !== undefined ? ref(t, row.r, f.target) : undefined,
          budget: f.total !== undefined ? ref(t, row.r, f.total) : undefined,
          projects: f.projects !== undefined ? ref(t, row.r, f.projects) : undefined,
        },
      });
    }
    b.plan.summary.byTask = { rows };
    if (!b.plan.summary.sourceKeys) delete b.plan.summary.sourceKeys;
    return;
  }
  const rows: NonNullable<Plan["summary"]["byStrategy"]>["rows"] = [];
  let total: NonNullable<Plan["summary"]["byStrategy"]>["total"];
  for (const row of t.rows) {
    if (row.total === "strategy") continue;
    const path = row.total === "plan" ? [] : [row.strategy];
    const figures = {
      target: figure(b, t, row, f.target, path, "target"),
      budget: budgetOf(b, t, row, path, "백만원"),
      ref: ref(t, row.r, f.strategy),
      targetRef: f.target !== undefined ? ref(t, row.r, f.target) : undefined,
    };
    if (row.total === "plan") total = figures;
    else rows.push({ strategy: row.strategy, ...figures });
  }
  b.plan.summary.byStrategy = total ? { rows, total } : { rows };
}

/** The plan the ranges describe. Either detail argument may be the task plans or the projects table. */
export function buildPlan(detail: unknown, tasks?: unknown, summary?: unknown): FnResult<{ plan: Plan; readFindings: Finding[] }> {
  const b: Builder = { plan: emptyPlan("workbook"), strategies: new Map(), readFindings: [] };
  const tables: ParsedTable[] = [];
  for (const [arg, label] of [
    [detail, "detail"],
    [tasks, "tasks"],
  ] as const) {
    if (label !== "detail" && isBlankArg(arg)) continue;
    const t = parseTable(arg, { label, defaultUnit: "천원" });
    if (isError(t)) return t;
    tables.push(t);
  }
  const taskTable = tables.find((t) => t.kind === "tasks");
  const projectTable = tables.find((t) => t.kind === "projects");
  if (tables.length === 2 && (!taskTable || !projectTable)) {
    return invalid("detail, tasks: 추진계획표 하나와 세부사업표 하나를 넘기세요 / pass one task plan table and one projects table");
  }
  if (taskTable) addTaskTable(b, taskTable);
  if (projectTable) addProjectTable(b, projectTable, !!taskTable);
  if (!isBlankArg(summary)) {
    const st = parseTable(summary, { label: "summary", defaultUnit: "백만원", role: "summary" });
    if (isError(st)) return st;
    addSummary(b, st);
  }
  return ok({ plan: b.plan, readFindings: b.readFindings });
}

/** An optional range argument left out: omitted, an empty cell, or an all-empty range. */
function isBlankArg(x: unknown): boolean {
  if (isOmitted(x)) return true;
  if (Array.isArray(x)) return x.every((r) => (Array.isArray(r) ? r.every((c) => isOmitted(c)) : isOmitted(r)));
  return false;
}

export function parseLanguage(x: unknown): Language | FnError {
  if (isOmitted(x)) return "ko";
  const s = (scalarText(x) ?? "").toLowerCase();
  if (["ko", "kr", "kor", "korean", "한국어", "한"].includes(s)) return "ko";
  if (["en", "eng", "english", "영어", "영"].includes(s)) return "en";
  return invalid(`언어 '${s}': ko 또는 en / language must be ko or en`);
}

/** One row of the findings table. */
export function findingRow(f: Finding, lang: Language): (string | number)[] {
  return [
    SEVERITY_WORDS[lang][f.severity],
    f.code,
    formatLocation(f.location),
    f.message[lang],
    f.expected ?? "",
    f.actual ?? "",
  ];
}

/** PLAN.FINDINGS: header row + one row per finding (errors first); a "no findings" row when clean. */
export function findings(detail: unknown, tasks?: unknown, summary?: unknown, language?: unknown): FnResult<(string | number)[][]> {
  const lang = parseLanguage(language);
  if (isError(lang)) return lang;
  const args = [detail, tasks, summary];
  const known = recentFindings.get(lang, args);
  if (known) return known;
  const result = findingsTable(detail, tasks, summary, lang);
  recentFindings.set(lang, args, result);
  return result;
}

/** The findings table of a call's ranges; shared between calls on equal ranges (recent.ts). */
const recentFindings = recentResults<FnResult<(string | number)[][]>>(2);

function findingsTable(detail: unknown, tasks: unknown, summary: unknown, lang: Language): FnResult<(string | number)[][]> {
  const built = buildPlan(detail, tasks, summary);
  if (isError(built)) return built;
  const all = [...built.value.readFindings, ...checkPlan(built.value.plan)];
  const sorted = all.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i);
  const out: (string | number)[][] = [FINDINGS_HEADER[lang]];
  for (const { f } of sorted) out.push(findingRow(f, lang));
  if (sorted.length === 0) out.push(["", "", "", lang === "ko" ? "발견 사항 없음" : "no findings", "", ""]);
  return ok(out);
}
