/**
 * The summary tables against the detail: each summary-by-task row against its task's plan
 * table, each strategy row against its tasks, the plan totals against all tasks; and the
 * summary tables against themselves (rows add up to their totals).
 */
import type { FindingLocation } from "../findings";
import type { Budget, SourceRef, SummaryTaskRow } from "../model";
import { matchNames } from "../names";
import { excludedAmount, type DetailRollup, type Figures } from "../rollup";
import { emit, fieldLabel, fmt, signed, type CheckContext } from "./context";
import { withParticle } from "../particles";
import { checkProjectLists } from "./project-lists";
import { reconcileAmount } from "./reconcile";

type Table = NonNullable<FindingLocation["table"]>;

interface Declared {
  value: number | null;
  ref?: SourceRef;
}

interface CompareArgs {
  path: string[];
  table: Table;
  field: string;
  declared: Declared;
  /** Detail figure: persons for "target", 천원 for amounts. */
  detail: number | null;
  /** Set when the declared figure equals the sum of summary rows that were already flagged. */
  followsFrom?: { ko: string; en: string };
}

/** Returns true when the comparison produced an error. */
function compareFigure(ctx: CheckContext, a: CompareArgs): boolean {
  const label = fieldLabel(ctx, a.field);
  const where = a.path.join(" › ") || "합계";
  const whereEn = a.path.join(" › ") || "plan total";
  const follow = a.followsFrom;
  if (a.field === "target") {
    const declared = a.declared.value ?? 0;
    const detail = a.detail ?? 0;
    if (declared === detail) return false;
    emit(ctx, {
      code: "summary-mismatch",
      severity: follow ? "info" : "error",
      ko: `${where}: 요약의 일자리 목표 ${fmt(declared)}명이 세부계획의 ${fmt(detail)}명과 ${signed(declared - detail)}명 다릅니다${follow ? ` (${follow.ko})` : ""}.`,
      en: `${whereEn}: summary job target ${fmt(declared)} differs from the detail's ${fmt(detail)} by ${signed(declared - detail)}${follow ? ` (${follow.en})` : ""}.`,
      path: a.path,
      table: a.table,
      field: a.field,
      ref: a.declared.ref,
      expected: detail,
      actual: declared,
      unit: "명",
    });
    return !follow;
  }
  const r = reconcileAmount(a.declared.value, a.detail ?? 0);
  if (r.status === "ok") return false;
  const exact = ((a.detail ?? 0) / 1000).toLocaleString("en-US", { maximumFractionDigits: 3 });
  const rounding = r.status === "rounding";
  emit(ctx, {
    code: rounding ? "summary-rounding" : "summary-mismatch",
    severity: rounding || follow ? (rounding ? "warning" : "info") : "error",
    ko: rounding
      ? `${where}: 요약의 ${label.ko} ${fmt(a.declared.value)}백만원은 세부계획 ${exact}백만원의 반올림 ${withParticle(fmt(r.expected), "과/와")} ${signed(r.difference)} 다릅니다 (끝수 조정으로 보임).`
      : `${where}: 요약의 ${label.ko} ${fmt(a.declared.value)}백만원이 세부계획 ${exact}백만원(반올림 ${fmt(r.expected)})과 ${signed(r.difference)} 다릅니다${follow ? ` (${follow.ko})` : ""}.`,
    en: rounding
      ? `${whereEn}: summary ${label.en} ${fmt(a.declared.value)} vs detail ${exact} (rounds to ${fmt(r.expected)}), off by ${signed(r.difference)} million won: a rounding adjustment.`
      : `${whereEn}: summary ${label.en} ${fmt(a.declared.value)} differs from the detail ${exact} (rounds to ${fmt(r.expected)}) by ${signed(r.difference)} million won${follow ? ` (${follow.en})` : ""}.`,
    path: a.path,
    table: a.table,
    field: a.field,
    ref: a.declared.ref,
    expected: r.expected,
    actual: a.declared.value ?? 0,
    unit: "백만원",
  });
  return !rounding && !follow;
}

function budgetFields(keys: readonly string[]): string[] {
  return ["total", ...keys];
}

function declaredOf(budget: Budget, field: string, rowRef?: SourceRef): Declared {
  const value = field === "total" ? budget.total : (budget.parts[field] ?? null);
  return { value, ref: budget.refs?.[field] ?? rowRef };
}

function detailOf(f: Figures, field: string): number | null {
  if (field === "target") return f.target;
  if (field === "total") return f.total;
  return f.parts[field] ?? 0;
}

const FOLLOWS_TASK_ROWS = {
  ko: "요약표 실천과제 행의 차이에서 비롯됨",
  en: "follows from the task rows flagged above",
};
const FOLLOWS_ROWS = {
  ko: "이미 보고된 행의 차이에서 비롯됨",
  en: "follows from a row flagged above",
};
const FOLLOWS_STRATEGY_ROWS = {
  ko: "분야별 목표 행의 차이에서 비롯됨",
  en: "follows from the strategy rows flagged above",
};

export function checkSummaryAgainstDetail(ctx: CheckContext, detail: DetailRollup): void {
  const { plan } = ctx;
  const keys = detail.keys;

  // Which summary fields of each strategy already have an error at task level.
  const taskErrors = plan.strategies.map(() => new Set<string>());
  const declaredTaskSums = plan.strategies.map(() => ({ target: 0, total: 0, rows: 0 }));

  const byTask = plan.summary.byTask;
  if (byTask) {
    const flatTasks = plan.strategies.flatMap((s, si) => s.tasks.map((t, ti) => ({ s, si, t, ti })));
    const match = matchNames(
      byTask.rows.map((r) => r.task),
      flatTasks.map((x) => x.t.name),
    );
    const matchedTasks = new Set<number>();
    byTask.rows.forEach((row, i) => {
      const j = match[i];
      if (j === undefined) {
        emit(ctx, {
          code: "unmatched",
          severity: "error",
          ko: `요약의 실천과제 '${row.task}'에 해당하는 세부 추진계획이 없습니다.`,
          en: `Summary task '${row.task}' has no task plan in the detail.`,
          path: [row.strategy, row.task],
          table: "summary-by-task",
          ref: row.ref,
        });
        return;
      }
      matchedTasks.add(j);
      const { s, si, t, ti } = flatTasks[j];
      const figures = detail.tasks[si][ti];
      const path = [s.name, t.name];
      declaredTaskSums[si].target += row.target ?? 0;
      declaredTaskSums[si].total += row.budget ?? 0;
      declaredTaskSums[si].rows += 1;
      if (compareFigure(ctx, { path, table: "summary-by-task", field: "target", declared: { value: row.target, ref: row.refs?.target ?? row.ref }, detail: figures.target }))
        taskErrors[si].add("target");
      if (compareFigure(ctx, { path, table: "summary-by-task", field: "total", declared: { value: row.budget, ref: row.refs?.budget ?? row.ref }, detail: figures.total }))
        taskErrors[si].add("total");
      reportExcludedPrivate(ctx, path, t.budget, keys, row);
      checkProjectLists(ctx, path, row, t);
    });
    flatTasks.forEach(({ s, t }, j) => {
      if (matchedTasks.has(j)) return;
      emit(ctx, {
        code: "unmatched",
        severity: "error",
        ko: `세부 추진계획 '${t.name}'이 요약표에 없습니다.`,
        en: `Task plan '${t.name}' is missing from the summary by task.`,
        path: [s.name, t.name],
        table: "task-plan",
        ref: t.ref,
      });
    });
  }

  const strategyErrors = new Set<string>();
  const byStrategy = plan.summary.byStrategy;
  const declaredStrategySums: Record<string, number> = {};
  let strategyRowToPlan: Array<number | undefined> = [];
  if (byStrategy) {
    const match = matchNames(
      byStrategy.rows.map((r) => r.strategy),
      plan.strategies.map((s) => s.name),
    );
    strategyRowToPlan = match;
    byStrategy.rows.forEach((row, i) => {
      const si = match[i];
      if (si === undefined) {
        emit(ctx, {
          code: "unmatched",
          severity: "error",
          ko: `분야별 목표의 추진전략 '${row.strategy}'이 세부계획에 없습니다.`,
          en: `Strategy '${row.strategy}' of the summary by strategy is not in the detail.`,
          path: [row.strategy],
          table: "summary-by-strategy",
          ref: row.ref,
        });
        return;
      }
      const path = [plan.strategies[si].name];
      const figures = detail.strategies[si];
      const fields = ["target", ...budgetFields(keys)];
      for (const field of fields) {
        const declared = field === "target" ? { value: row.target, ref: row.targetRef ?? row.ref } : declaredOf(row.budget, field, row.ref);
        declaredStrategySums[field] = (declaredStrategySums[field] ?? 0) + (declared.value ?? 0);
        const taskSum = field === "target" ? declaredTaskSums[si].target : declaredTaskSums[si].total;
        const follows =
          (field === "target" || field === "total") &&
          taskErrors[si].has(field) &&
          declaredTaskSums[si].rows > 0 &&
          (declared.value ?? 0) === taskSum;
        if (compareFigure(ctx, { path, table: "summary-by-strategy", field, declared, detail: detailOf(figures, field), followsFrom: follows ? FOLLOWS_TASK_ROWS : undefined }))
          strategyErrors.add(field);
      }
    });
  }

  // Plan totals: the totals rows of both summary tables and the plan budget table.
  const anyTaskError = (field: string) => taskErrors.some((e) => e.has(field));
  const totalsChecks: Array<{ table: Table; target?: Declared; budget?: Budget; childSums?: Record<string, number>; childErrors: (f: string) => boolean; follow: { ko: string; en: string } }> = [];
  if (byTask?.total) {
    const sums = { target: declaredTaskSums.reduce((a, x) => a + x.target, 0), total: declaredTaskSums.reduce((a, x) => a + x.total, 0) };
    totalsChecks.push({ table: "summary-by-task", target: { value: byTask.total.target, ref: byTask.total.targetRef ?? byTask.total.ref }, budget: { total: byTask.total.budget.total, parts: {}, refs: { total: byTask.total.ref ?? {}, ...byTask.total.budget.refs } }, childSums: sums, childErrors: anyTaskError, follow: FOLLOWS_TASK_ROWS });
  }
  if (byStrategy?.total) {
    totalsChecks.push({ table: "summary-by-strategy", target: { value: byStrategy.total.target, ref: byStrategy.total.targetRef ?? byStrategy.total.ref }, budget: byStrategy.total.budget, childSums: declaredStrategySums, childErrors: (f) => strategyErrors.has(f) || anyTaskError(f), follow: FOLLOWS_STRATEGY_ROWS });
  }
  if (plan.summary.planBudget) {
    totalsChecks.push({ table: "plan-budget", budget: plan.summary.planBudget, childErrors: () => false, follow: FOLLOWS_STRATEGY_ROWS });
  }
  for (const tc of totalsChecks) {
    if (tc.target) {
      const follows = tc.childErrors("target") && tc.childSums !== undefined && (tc.target.value ?? 0) === tc.childSums.target;
      compareFigure(ctx, { path: [], table: tc.table, field: "target", declared: tc.target, detail: detail.plan.target, followsFrom: follows ? tc.follow : undefined });
    }
    if (tc.budget) {
      for (const field of budgetFields(keys)) {
        const declared = declaredOf(tc.budget, field);
        if (field !== "total" && declared.value === null && Object.keys(tc.budget.parts).length === 0) continue;
        const follows = tc.childErrors(field) && tc.childSums !== undefined && (declared.value ?? 0) === tc.childSums[field];
        compareFigure(ctx, { path: [], table: tc.table, field, declared, detail: detailOf(detail.plan, field), followsFrom: follows ? tc.follow : undefined });
      }
    }
  }

  checkSummaryInternalRollups(ctx, keys, {
    taskRows: anyTaskError,
    strategyRows: (f) => strategyErrors.has(f),
    taskRowsOfStrategyRow: (i, f) => {
      const si = strategyRowToPlan[i];
      return si !== undefined && taskErrors[si].has(f);
    },
  });
}

/** Whether rows of a summary table already carry an error against the detail. */
interface FlaggedRows {
  taskRows(field: string): boolean;
  strategyRows(field: string): boolean;
  taskRowsOfStrategyRow(strategyRow: number, field: string): boolean;
}

function reportExcludedPrivate(ctx: CheckContext, path: string[], budget: Budget, keys: readonly string[], row: SummaryTaskRow): void {
  const excluded = excludedAmount(budget, keys);
  if (excluded === 0) return;
  emit(ctx, {
    code: "summary-excludes-private",
    severity: "info",
    ko: `${path.join(" › ")}: 요약표에는 재원 열이 없는 ${fmt(excluded)}천원(민자 등)이 사업예산에서 빠져 있습니다.`,
    en: `${path.join(" › ")}: the summary leaves out ${fmt(excluded)} thousand won from sources it has no column for (private investment).`,
    path,
    table: "summary-by-task",
    field: "total",
    ref: row.refs?.budget ?? row.ref,
    expected: null,
    actual: excluded,
    unit: "천원",
  });
}

/** Rows of a summary table add up to its totals row (in 백만원, so within rounding slack). */
function checkSummaryInternalRollups(ctx: CheckContext, keys: readonly string[], flagged: FlaggedRows): void {
  const { summary } = ctx.plan;
  /** `rowsFlagged`: a row was already reported against the detail, which explains the gap. */
  const check = (table: Table, path: string[], field: string, declared: Declared, values: Array<number | null>, rowsFlagged: boolean) => {
    const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0);
    const d = declared.value ?? 0;
    if (d === sum) return;
    const diff = d - sum;
    const nonZero = values.filter((v) => (v ?? 0) !== 0).length;
    // Each rounded row may also carry a ±1 끝수 nudge, so allow one unit per row.
    const rounding = field !== "target" && Math.abs(diff) <= Math.max(1, nonZero);
    const label = fieldLabel(ctx, field);
    const where = path.join(" › ") || "합계";
    const note = rounding ? { ko: " (반올림 차이)", en: ", within rounding" } : rowsFlagged ? { ko: ` (${FOLLOWS_ROWS.ko})`, en: ` (${FOLLOWS_ROWS.en})` } : { ko: "", en: "" };
    emit(ctx, {
      code: "rollup",
      severity: rounding ? "warning" : rowsFlagged ? "info" : "error",
      ko: `${where}: 요약표 행의 ${label.ko} 합 ${withParticle(fmt(sum), "이/가")} 합계 ${withParticle(fmt(d), "과/와")} ${signed(diff)} 다릅니다${note.ko}.`,
      en: `${path.join(" › ") || "plan total"}: the summary rows' ${label.en} add up to ${fmt(sum)}, the totals row says ${fmt(d)} (${signed(diff)})${note.en}.`,
      path,
      table,
      field,
      ref: declared.ref,
      expected: sum,
      actual: d,
      unit: field === "target" ? "명" : "백만원",
    });
  };
  const byTask = summary.byTask;
  if (byTask?.total) {
    check("summary-by-task", [], "target", { value: byTask.total.target, ref: byTask.total.targetRef ?? byTask.total.ref }, byTask.rows.map((r) => r.target), flagged.taskRows("target"));
    check("summary-by-task", [], "total", declaredOf(byTask.total.budget, "total", byTask.total.ref), byTask.rows.map((r) => r.budget), flagged.taskRows("total"));
  }
  const byStrategy = summary.byStrategy;
  if (byStrategy?.total) {
    check("summary-by-strategy", [], "target", { value: byStrategy.total.target, ref: byStrategy.total.targetRef ?? byStrategy.total.ref }, byStrategy.rows.map((r) => r.target), flagged.strategyRows("target"));
    for (const field of budgetFields(keys)) {
      check("summary-by-strategy", [], field, declaredOf(byStrategy.total.budget, field, byStrategy.total.ref), byStrategy.rows.map((r) => declaredOf(r.budget, field).value), flagged.strategyRows(field));
    }
  }
  if (byTask && byStrategy) {
    const strategyMatch = matchNames(byStrategy.rows.map((r) => r.strategy), byTask.rows.map((r) => r.strategy));
    const groups = new Map<string, SummaryTaskRow[]>();
    for (const r of byTask.rows) {
      const list = groups.get(r.strategy);
      if (list) list.push(r);
      else groups.set(r.strategy, [r]);
    }
    byStrategy.rows.forEach((srow, i) => {
      const j = strategyMatch[i];
      if (j === undefined) return;
      const rows = groups.get(byTask.rows[j].strategy) ?? [];
      check("summary-by-strategy", [srow.strategy], "target", { value: srow.target, ref: srow.targetRef ?? srow.ref }, rows.map((r) => r.target), flagged.taskRowsOfStrategyRow(i, "target"));
      check("summary-by-strategy", [srow.strategy], "total", declaredOf(srow.budget, "total", srow.ref), rows.map((r) => r.budget), flagged.taskRowsOfStrategyRow(i, "total"));
    });
  }
}
