/**
 * The generated cells of an existing workbook, recomputed: for every row of the summary
 * tables (and the 요약 반영액 column of TaskPlans) the formula jobplan would write, using the
 * workbook's own header texts. Only generated columns are touched; callers (the CLI with
 * ExcelJS, the add-in with Office.js) write these formulas and nothing else. Pure.
 */
import type { Plan } from "../core/model";
import { matchNames } from "../core/names";
import { rollupDetail } from "../core/rollup";
import { sourceColumnKey } from "./columns";
import type { LocatedTable, ReadResult } from "./read-tables";
import {
  budgetFormula,
  countedRowFormula,
  type Criterion,
  type RowSpecifier,
  sourceFormula,
  STATUS_WORDS,
  statusFormula,
  targetFormula,
  type TaskPlanRefs,
  thisRowRef,
} from "./summary-formulas";
import { roundingAdjustments, summaryKeys } from "./template-sheets";
import { a1 } from "./workbook-model";

export interface GeneratedFormula {
  sheet: string;
  /** A1 address in the sheet. */
  cell: string;
  /** Without the leading "=". */
  formula: string;
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

interface RowPos {
  r: number;
  totals: boolean;
}

function rowsOf(t: LocatedTable): RowPos[] {
  const out: RowPos[] = [];
  const n = t.input.values.length;
  for (let r = 1; r < n; r++) out.push({ r, totals: !!t.input.hasTotalsRow && r === n - 1 });
  return out;
}

function cellOf(t: LocatedTable, r: number, key: string): string | undefined {
  const c = t.index[key];
  if (c === undefined) return undefined;
  return a1(t.input.origin.row + r, t.input.origin.col + c);
}

function textAt(t: LocatedTable, r: number, key: string): string {
  const c = t.index[key];
  const v = c === undefined ? undefined : t.input.values[r]?.[c];
  return v === null || v === undefined ? "" : String(v).trim();
}

function isBlankRow(t: LocatedTable, r: number): boolean {
  return (t.input.values[r] ?? []).every((v) => v === null || v === undefined || String(v).trim() === "");
}

/** Formulas for every generated cell of the workbook read into `read`. */
export function regenerateFormulas(read: ReadResult, lang: "ko" | "en" = "ko"): GeneratedFormula[] {
  const plan = read.plan;
  const out: GeneratedFormula[] = [];
  const tp = read.tables.taskPlans;
  const refs = taskPlanRefsOf(tp, plan);
  if (!refs || !tp) return out;
  const { included, excluded } = summaryKeys(plan);
  const push = (t: LocatedTable, r: number, key: string, formula: string) => {
    const cell = cellOf(t, r, key);
    if (cell) out.push({ sheet: t.input.sheet, cell, formula });
  };

  // TaskPlans: the counted total of each row.
  if (refs.counted) {
    const summaryHeaders = included.map((k) => refs.sources[k]).filter((h): h is string => !!h);
    const excludedHeaders = excluded.map((k) => refs.sources[k]).filter((h): h is string => !!h);
    const formula = countedRowFormula(refs.table, refs.total, summaryHeaders, excludedHeaders);
    for (const { r } of rowsOf(tp)) if (!isBlankRow(tp, r)) push(tp, r, "counted", formula);
  }

  const crit = (t: LocatedTable, rowName: string, detailName: string | undefined, key: string, row: RowSpecifier): Criterion => {
    if (detailName === undefined || detailName === rowName) return { kind: "cell", ref: thisRowRef(tableName(t)!, headerText(t, key)!, row) };
    return { kind: "literal", name: detailName };
  };

  // 요약 (SummaryByTask)
  const st = read.tables.summaryByTask;
  if (st && tableName(st)) {
    const H = (k: string) => headerText(st, k);
    const detail = plan.strategies.flatMap((s) => s.tasks.map((task) => ({ strategy: s.name, task: task.name })));
    const positions = rowsOf(st).filter((p) => !isBlankRow(st, p.r) || p.totals);
    const body = positions.filter((p) => !p.totals);
    let last = "";
    const names = body.map((p) => {
      const s = textAt(st, p.r, "strategy") || last;
      last = s;
      return { strategy: s, task: textAt(st, p.r, "task") };
    });
    const match = matchNames(
      names.map((n) => n.task),
      detail.map((d) => d.task),
    );
    const pairs: Array<[string, string]> = [];
    if (H("declaredTarget") && H("target")) pairs.push([H("declaredTarget")!, H("target")!]);
    if (H("declaredBudget") && H("budget")) pairs.push([H("declaredBudget")!, H("budget")!]);
    body.forEach((p, i) => {
      const d = match[i] !== undefined ? detail[match[i]!] : undefined;
      const cs = crit(st, textAt(st, p.r, "strategy"), d?.strategy ?? (textAt(st, p.r, "strategy") ? undefined : names[i].strategy), "strategy", "#This Row");
      const ct = crit(st, names[i].task, d?.task, "task", "#This Row");
      push(st, p.r, "target", targetFormula(refs, cs, ct));
      push(st, p.r, "budget", budgetFormula(refs, excluded, cs, ct));
      if (pairs.length) push(st, p.r, "status", statusFormula(tableName(st)!, pairs, "#This Row", STATUS_WORDS[lang]));
    });
    for (const p of positions.filter((x) => x.totals)) {
      push(st, p.r, "target", targetFormula(refs));
      push(st, p.r, "budget", budgetFormula(refs, excluded));
      if (pairs.length) push(st, p.r, "status", statusFormula(tableName(st)!, pairs, "#Totals", STATUS_WORDS[lang]));
    }
  }

  // 분야별 목표 (SummaryByStrategy)
  const ss = read.tables.summaryByStrategy;
  if (ss && tableName(ss)) {
    const H = (k: string) => headerText(ss, k);
    const detail = rollupDetail(plan);
    const mode = plan.settings.roundingMode;
    const strategyNames = plan.strategies.map((s) => s.name);
    const positions = rowsOf(ss).filter((p) => !isBlankRow(ss, p.r) || p.totals);
    const body = positions.filter((p) => !p.totals);
    const match = matchNames(
      body.map((p) => textAt(ss, p.r, "strategy")),
      strategyNames,
    );
    const pairs: Array<[string, string]> = [];
    const pair = (dk: string, gk: string) => {
      if (H(dk) && H(gk)) pairs.push([H(dk)!, H(gk)!]);
    };
    pair("declaredTarget", "target");
    pair("declaredTotal", "total");
    for (const k of included) pair("declared:" + sourceColumnKey(k), "gen:" + sourceColumnKey(k));
    const emit = (r: number, cs: Criterion | undefined, figures: Parameters<typeof roundingAdjustments>[0] | undefined, row: RowSpecifier) => {
      const adj = figures ? roundingAdjustments(figures, included, mode) : {};
      push(ss, r, "target", targetFormula(refs, cs));
      push(ss, r, "total", budgetFormula(refs, excluded, cs));
      for (const k of included) push(ss, r, "gen:" + sourceColumnKey(k), sourceFormula(refs, k, adj[k] ?? 0, cs));
      if (pairs.length) push(ss, r, "status", statusFormula(tableName(ss)!, pairs, row, STATUS_WORDS[lang]));
    };
    body.forEach((p, i) => {
      const name = textAt(ss, p.r, "strategy");
      const s = match[i];
      const isTotalWord = /^(총계|합계|계|total)$/i.test(name.replace(/\s/g, ""));
      if (isTotalWord) {
        emit(p.r, undefined, detail.plan, "#This Row");
        return;
      }
      emit(p.r, crit(ss, name, s !== undefined ? strategyNames[s] : undefined, "strategy", "#This Row"), s !== undefined ? detail.strategies[s] : undefined, "#This Row");
    });
    for (const p of positions.filter((x) => x.totals)) emit(p.r, undefined, detail.plan, "#Totals");
  }
  return out;
}
