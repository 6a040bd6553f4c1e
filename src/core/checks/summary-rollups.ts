/**
 * The summary tables against themselves: rows add up to their totals row, a strategy's task
 * rows to its row of 분야별 목표, and to its 소계 row. In 백만원, so within rounding slack; a
 * gap that rows already flagged against the detail explain is info.
 */
import type { FindingLocation } from "../findings";
import type { Budget, SourceRef, SummaryTaskRow } from "../model";
import { matchNames, nameKey } from "../names";
import { emit, fieldLabel, fmt, signed, type CheckContext } from "./context";
import { withParticle } from "../particles";

type Table = NonNullable<FindingLocation["table"]>;

/** Whether rows of a summary table already carry an error against the detail. */
export interface FlaggedRows {
  taskRows(field: string): boolean;
  strategyRows(field: string): boolean;
  taskRowsOfStrategyRow(strategyRow: number, field: string): boolean;
  /** Task rows of the strategy of this name (a 소계 row's rows). */
  taskRowsOfStrategy(strategy: string, field: string): boolean;
}

const FOLLOWS_ROWS = { ko: "이미 보고된 행의 차이에서 비롯됨", en: "follows from a row flagged above" };

function declared(budget: Budget, field: string, rowRef?: SourceRef): { value: number | null; ref?: SourceRef } {
  return { value: field === "total" ? budget.total : (budget.parts[field] ?? null), ref: budget.refs?.[field] ?? rowRef };
}

export function checkSummaryInternalRollups(ctx: CheckContext, keys: readonly string[], flagged: FlaggedRows): void {
  const { summary } = ctx.plan;
  /** `rowsFlagged`: a row was already reported against the detail, which explains the gap. */
  const check = (table: Table, path: string[], field: string, stated: { value: number | null; ref?: SourceRef }, values: Array<number | null>, rowsFlagged: boolean) => {
    const sum = values.reduce<number>((a, v) => a + (v ?? 0), 0);
    const d = stated.value ?? 0;
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
      ref: stated.ref,
      expected: sum,
      actual: d,
      unit: field === "target" ? "명" : "백만원",
    });
  };
  const byTask = summary.byTask;
  const taskFields = (["target", "total"] as const).filter((f) => !byTask?.missing?.includes(f));
  const taskValue = (r: SummaryTaskRow, f: "target" | "total") => (f === "target" ? r.target : r.budget);
  if (byTask?.total) {
    const t = byTask.total;
    for (const f of taskFields) {
      const stated = f === "target" ? { value: t.target, ref: t.targetRef ?? t.ref } : declared(t.budget, "total", t.ref);
      check("summary-by-task", [], f, stated, byTask.rows.map((r) => taskValue(r, f)), flagged.taskRows(f));
    }
  }
  for (const sub of byTask?.subtotals ?? []) {
    const rows = byTask!.rows.filter((r) => nameKey(r.strategy) === nameKey(sub.strategy));
    for (const f of taskFields) {
      const stated = f === "target" ? { value: sub.target, ref: sub.refs?.target ?? sub.ref } : { value: sub.budget, ref: sub.refs?.budget ?? sub.ref };
      check("summary-by-task", [sub.strategy], f, stated, rows.map((r) => taskValue(r, f)), flagged.taskRowsOfStrategy(sub.strategy, f));
    }
  }
  const byStrategy = summary.byStrategy;
  if (byStrategy?.total) {
    const t = byStrategy.total;
    if (!byStrategy.missing?.includes("target")) check("summary-by-strategy", [], "target", { value: t.target, ref: t.targetRef ?? t.ref }, byStrategy.rows.map((r) => r.target), flagged.strategyRows("target"));
    for (const field of ["total", ...keys]) {
      if (field === "total" && byStrategy.missing?.includes("total")) continue;
      check("summary-by-strategy", [], field, declared(t.budget, field, t.ref), byStrategy.rows.map((r) => declared(r.budget, field).value), flagged.strategyRows(field));
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
      for (const f of taskFields) {
        if (byStrategy.missing?.includes(f)) continue;
        const stated = f === "target" ? { value: srow.target, ref: srow.targetRef ?? srow.ref } : declared(srow.budget, "total", srow.ref);
        check("summary-by-strategy", [srow.strategy], f, stated, rows.map((r) => taskValue(r, f)), flagged.taskRowsOfStrategyRow(i, f));
      }
    });
  }
}
