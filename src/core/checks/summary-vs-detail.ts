/**
 * The summary tables against the detail: each summary-by-task row against its task's plan
 * table, each strategy row against its tasks, the plan totals against all tasks.
 *
 * A summary's 합계 is compared with the detail's sum of the sources the summaries have
 * columns for (rollup.countedTotal), never with 계 less the others. A comparison that fails
 * only because of a figure reported before (a wrong task figure, a summary row already
 * flagged, the same total in another table) is info naming that report.
 */
import type { Finding, FindingLocation } from "../findings";
import type { Budget, SourceRef, Strategy, Task } from "../model";
import { nameKey } from "../names";
import { matchStrategyRows, matchTaskRows, type TaskPlace } from "../summary-match";
import { excludedAmount, type DetailRollup, type Figures } from "../rollup";
import { emit, fieldLabel, fmt, followsFrom, lastFinding, signed, suspect, suspectOf, type CheckContext } from "./context";
import { checkProjectLists } from "./project-lists";
import { reconcileAmount } from "./reconcile";
import { checkSummaryInternalRollups } from "./summary-rollups";
import { withParticle } from "../particles";

type Table = NonNullable<FindingLocation["table"]>;

interface Declared {
  value: number | null;
  ref?: SourceRef;
  /** Where a figure reported wrong is kept (a summary row, a budget), for later comparisons. */
  owner?: object;
}

interface CompareArgs {
  path: string[];
  table: Table;
  field: string;
  declared: Declared;
  /** Detail figure: persons for "target", 천원 for amounts. */
  detail: number | null;
  /** The tasks the detail figure adds up. */
  tasks: readonly Task[];
  /** Set when the declared figure equals the sum of summary rows that were already flagged. */
  followsFrom?: { ko: string; en: string };
}

const FOLLOWS_TASK_ROWS = { ko: "요약표 실천과제 행의 차이에서 비롯됨", en: "follows from the task rows flagged above" };
const FOLLOWS_STRATEGY_ROWS = { ko: "분야별 목표 행의 차이에서 비롯됨", en: "follows from the strategy rows flagged above" };

/** Whether a summary figure agrees with a detail figure (money within ±1 of half up). */
function agrees(field: string, declared: number | null, detail: number): boolean {
  if (field === "target") return (declared ?? 0) === detail;
  return reconcileAmount(declared, detail).status !== "mismatch";
}

/**
 * The earlier finding that explains a failing comparison: one of the tasks' figures was
 * reported wrong, and at its likely value the comparison passes.
 */
function explainedByDetail(ctx: CheckContext, a: CompareArgs, keys: readonly string[]): Finding | undefined {
  if (a.field === "target" || a.detail === null) return undefined;
  for (const task of a.tasks) {
    const b = task.budget;
    const split = Object.values(b.parts).some((v) => v !== 0);
    const fields = a.field !== "total" ? [a.field] : split ? keys : ["total"];
    for (const f of fields) {
      const s = suspectOf(ctx, b, f);
      if (!s) continue;
      const stated = f === "total" ? (b.total ?? 0) : (b.parts[f] ?? 0);
      if (s.alts.some((alt) => agrees(a.field, a.declared.value, a.detail! + alt - stated))) return s.finding;
    }
  }
  return undefined;
}

/** Compares one figure; returns the finding when it is an error of its own. */
function compareFigure(ctx: CheckContext, a: CompareArgs, keys: readonly string[]): Finding | undefined {
  const label = fieldLabel(ctx, a.field);
  const where = a.path.join(" › ") || "합계";
  const whereEn = a.path.join(" › ") || "plan total";
  const declared = a.declared.value ?? 0;
  const detail = a.detail ?? 0;
  const r = a.field === "target" ? undefined : reconcileAmount(a.declared.value, detail);
  if (r ? r.status === "ok" : declared === detail) return undefined;
  const rounding = r?.status === "rounding";
  const explained = rounding ? undefined : explainedByDetail(ctx, a, keys);
  const follow = explained ? followsFrom(explained) : a.followsFrom;
  const tail = follow ? { ko: ` (${follow.ko})`, en: ` (${follow.en})` } : { ko: "", en: "" };
  if (!r) {
    emit(ctx, {
      code: "summary-mismatch",
      severity: follow ? "info" : "error",
      ko: `${where}: 요약의 일자리 목표 ${fmt(declared)}명이 세부계획의 ${fmt(detail)}명과 ${signed(declared - detail)}명 다릅니다${tail.ko}.`,
      en: `${whereEn}: summary job target ${fmt(declared)} differs from the detail's ${fmt(detail)} by ${signed(declared - detail)}${tail.en}.`,
      path: a.path,
      table: a.table,
      field: a.field,
      ref: a.declared.ref,
      expected: detail,
      actual: declared,
      unit: "명",
    });
  } else {
    const exact = (detail / 1000).toLocaleString("en-US", { maximumFractionDigits: 3 });
    emit(ctx, {
      code: rounding ? "summary-rounding" : "summary-mismatch",
      severity: rounding ? "warning" : follow ? "info" : "error",
      ko: rounding
        ? `${where}: 요약의 ${label.ko} ${fmt(a.declared.value)}백만원은 세부계획 ${exact}백만원의 반올림 ${withParticle(fmt(r.expected), "과/와")} ${signed(r.difference)} 다릅니다 (끝수 조정으로 보임).`
        : `${where}: 요약의 ${label.ko} ${fmt(a.declared.value)}백만원이 세부계획 ${exact}백만원(반올림 ${fmt(r.expected)})과 ${signed(r.difference)} 다릅니다${tail.ko}.`,
      en: rounding
        ? `${whereEn}: summary ${label.en} ${fmt(a.declared.value)} vs detail ${exact} (rounds to ${fmt(r.expected)}), off by ${signed(r.difference)} million won: a rounding adjustment.`
        : `${whereEn}: summary ${label.en} ${fmt(a.declared.value)} differs from the detail ${exact} (rounds to ${fmt(r.expected)}) by ${signed(r.difference)} million won${tail.en}.`,
      path: a.path,
      table: a.table,
      field: a.field,
      ref: a.declared.ref,
      expected: r.expected,
      actual: a.declared.value ?? 0,
      unit: "백만원",
    });
  }
  if (rounding || follow) return undefined;
  const finding = lastFinding(ctx);
  if (a.declared.owner) suspect(ctx, a.declared.owner, a.field, finding, [r ? r.expected : detail]);
  return finding;
}

/** Whether another task of the strategy has the same name (counted once per strategy). */
const duplicatesOf = new WeakMap<Strategy, Set<string>>();
export function isDuplicate(s: Strategy, t: Task): boolean {
  let dups = duplicatesOf.get(s);
  if (!dups) {
    const seen = new Set<string>();
    dups = new Set();
    for (const x of s.tasks) {
      const k = nameKey(x.name);
      if (seen.has(k)) dups.add(k);
      seen.add(k);
    }
    duplicatesOf.set(s, dups);
  }
  return dups.has(nameKey(t.name));
}

function declaredOf(budget: Budget, field: string, rowRef?: SourceRef): Declared {
  const value = field === "total" ? budget.total : (budget.parts[field] ?? null);
  return { value, ref: budget.refs?.[field] ?? rowRef, owner: budget };
}

function detailOf(f: Figures, field: string): number | null {
  if (field === "target") return f.target;
  if (field === "total") return f.total;
  return f.parts[field] ?? 0;
}

export function checkSummaryAgainstDetail(ctx: CheckContext, detail: DetailRollup): void {
  const { plan } = ctx;
  const keys = detail.keys;
  const allTasks = plan.strategies.flatMap((s) => s.tasks);

  // Which summary fields of each strategy already have an error at task level.
  const taskErrors = plan.strategies.map(() => new Set<string>());
  const declaredTaskSums = plan.strategies.map(() => ({ target: 0, total: 0, rows: 0 }));

  const byTask = plan.summary.byTask;
  if (byTask) {
    const compared = (["target", "total"] as const).filter((f) => !byTask.missing?.includes(f));
    const flatTasks = plan.strategies.flatMap((s, si) => s.tasks.map((t, ti) => ({ s, si, t, ti })));
    const flatIndex = new Map(flatTasks.map((x, i) => [x.si * 1_000_000 + x.ti, i]));
    const indexOf = (p: TaskPlace) => flatIndex.get(p.s * 1_000_000 + p.t);
    const match = matchTaskRows(byTask.rows, plan).map((p) => (p ? indexOf(p) : undefined));
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
      for (const field of compared) {
        const declared = { value: field === "target" ? row.target : row.budget, ref: (field === "target" ? row.refs?.target : row.refs?.budget) ?? row.ref, owner: row };
        if (compareFigure(ctx, { path, table: "summary-by-task", field, declared, detail: detailOf(figures, field), tasks: [t] }, keys)) taskErrors[si].add(field);
      }
      reportExcludedPrivate(ctx, path, t.budget, keys, row.refs?.budget ?? row.ref);
      checkProjectLists(ctx, path, row, t, isDuplicate(s, t));
    });
    flatTasks.forEach(({ s, t }, j) => {
      if (matchedTasks.has(j)) return;
      emit(ctx, {
        code: "unmatched",
        severity: "error",
        ko: `세부 추진계획 ${withParticle(`'${t.name}'`, "이/가")} 요약표에 없습니다.`,
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
  const strategyFields = ["target", "total", ...keys].filter((f) => !byStrategy?.missing?.includes(f as "target" | "total"));
  if (byStrategy) {
    const match = matchStrategyRows(
      byStrategy.rows.map((r) => r.strategy),
      plan,
    );
    strategyRowToPlan = match;
    byStrategy.rows.forEach((row, i) => {
      const si = match[i];
      if (si === undefined) {
        emit(ctx, {
          code: "unmatched",
          severity: "error",
          ko: `분야별 목표의 추진전략 ${withParticle(`'${row.strategy}'`, "이/가")} 세부계획에 없습니다.`,
          en: `Strategy '${row.strategy}' of the summary by strategy is not in the detail.`,
          path: [row.strategy],
          table: "summary-by-strategy",
          ref: row.ref,
        });
        return;
      }
      const path = [plan.strategies[si].name];
      const figures = detail.strategies[si];
      for (const field of strategyFields) {
        const declared = field === "target" ? { value: row.target, ref: row.targetRef ?? row.ref, owner: row } : declaredOf(row.budget, field, row.ref);
        declaredStrategySums[field] = (declaredStrategySums[field] ?? 0) + (declared.value ?? 0);
        const taskSum = field === "target" ? declaredTaskSums[si].target : declaredTaskSums[si].total;
        const follows = (field === "target" || field === "total") && taskErrors[si].has(field) && declaredTaskSums[si].rows > 0 && (declared.value ?? 0) === taskSum;
        const args = { path, table: "summary-by-strategy" as const, field, declared, detail: detailOf(figures, field), tasks: plan.strategies[si].tasks, followsFrom: follows ? FOLLOWS_TASK_ROWS : undefined };
        if (compareFigure(ctx, args, keys)) strategyErrors.add(field);
      }
    });
  }

  checkPlanTotals(ctx, detail, allTasks, {
    taskErrors: (f) => taskErrors.some((e) => e.has(f)),
    strategyErrors: (f) => strategyErrors.has(f),
    declaredTaskSums: { target: declaredTaskSums.reduce((a, x) => a + x.target, 0), total: declaredTaskSums.reduce((a, x) => a + x.total, 0) },
    declaredStrategySums,
  });

  checkSummaryInternalRollups(ctx, keys, {
    taskRows: (f) => taskErrors.some((e) => e.has(f)),
    strategyRows: (f) => strategyErrors.has(f),
    taskRowsOfStrategyRow: (i, f) => {
      const si = strategyRowToPlan[i];
      return si !== undefined && taskErrors[si].has(f);
    },
    taskRowsOfStrategy: (name, f) => {
      const si = plan.strategies.findIndex((s) => nameKey(s.name) === nameKey(name));
      return si >= 0 && taskErrors[si].has(f);
    },
  });
}

interface TotalsContext {
  taskErrors(field: string): boolean;
  strategyErrors(field: string): boolean;
  declaredTaskSums: { target: number; total: number };
  declaredStrategySums: Record<string, number>;
}

/**
 * The plan totals: the totals rows of both summary tables and the plan budget table. The
 * same total stated in two tables is one comparison: a second table stating the same wrong
 * figure is info that names the first.
 */
function checkPlanTotals(ctx: CheckContext, detail: DetailRollup, tasks: readonly Task[], c: TotalsContext): void {
  const { summary } = ctx.plan;
  const keys = detail.keys;
  const reported = new Map<string, Finding>();
  const compare = (table: Table, field: string, declared: Declared, childSum: number | undefined, childErrors: boolean, follow: { ko: string; en: string }) => {
    const detailValue = detailOf(detail.plan, field);
    const key = `${field}|${declared.value ?? 0}`;
    const same = reported.get(key);
    const follows = same ? followsFrom(same) : childErrors && childSum !== undefined && (declared.value ?? 0) === childSum ? follow : undefined;
    const f = compareFigure(ctx, { path: [], table, field, declared, detail: detailValue, tasks, followsFrom: follows }, keys);
    if (f) reported.set(key, f);
  };
  const byTask = summary.byTask;
  if (byTask?.total) {
    const t = byTask.total;
    if (!byTask.missing?.includes("target")) compare("summary-by-task", "target", { value: t.target, ref: t.targetRef ?? t.ref, owner: t }, c.declaredTaskSums.target, c.taskErrors("target"), FOLLOWS_TASK_ROWS);
    if (!byTask.missing?.includes("total")) compare("summary-by-task", "total", declaredOf(t.budget, "total", t.ref), c.declaredTaskSums.total, c.taskErrors("total"), FOLLOWS_TASK_ROWS);
  }
  const byStrategy = summary.byStrategy;
  if (byStrategy?.total) {
    const t = byStrategy.total;
    const errs = (f: string) => c.strategyErrors(f) || c.taskErrors(f);
    if (!byStrategy.missing?.includes("target")) compare("summary-by-strategy", "target", { value: t.target, ref: t.targetRef ?? t.ref, owner: t }, c.declaredStrategySums.target, errs("target"), FOLLOWS_STRATEGY_ROWS);
    for (const field of ["total", ...keys]) {
      if (field === "total" && byStrategy.missing?.includes("total")) continue;
      const declared = declaredOf(t.budget, field, t.ref);
      if (field !== "total" && declared.value === null && Object.keys(t.budget.parts).length === 0) continue;
      compare("summary-by-strategy", field, declared, c.declaredStrategySums[field], errs(field), FOLLOWS_STRATEGY_ROWS);
    }
  }
  const pb = summary.planBudget;
  if (pb) {
    for (const field of ["total", ...keys]) {
      const declared = declaredOf(pb, field);
      if (field !== "total" && declared.value === null && Object.keys(pb.parts).length === 0) continue;
      compare("plan-budget", field, declared, undefined, false, FOLLOWS_STRATEGY_ROWS);
    }
  }
}

function reportExcludedPrivate(ctx: CheckContext, path: string[], budget: Budget, keys: readonly string[], ref: SourceRef | undefined): void {
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
    ref,
    expected: null,
    actual: excluded,
    unit: "천원",
  });
}
