/**
 * 계 = 국비 + 시도비 + 시군구비 (+ 민자), for every summary row that states a split, in 백만원.
 * Detail rows (천원) are checked with their projects in detail.ts.
 */
import type { Budget, SourceRef } from "../model";
import { sumParts } from "../rollup";
import { emit, fmt, followsFrom, signed, suspectOf, type CheckContext } from "./context";
import type { PlanTable } from "../findings";

/**
 * Largest difference that rounding each figure of a row on its own can cause: n parts each
 * rounded up by half a unit while their total rounds once, so about n/2 units.
 */
export function roundingSlack(partCount: number): number {
  return Math.max(1, Math.floor(partCount / 2));
}

export interface SplitRow {
  budget: Budget;
  path: string[];
  table: PlanTable;
  /** Source keys the row has columns for; every part is checked when absent. */
  keys?: readonly string[];
  ref?: SourceRef;
}

/**
 * A summary row's split. A row whose figures were reported against the detail already, and
 * that adds up once they take the detail's values, follows from that report.
 */
export function checkSummarySplit(ctx: CheckContext, row: SplitRow): void {
  const { budget } = row;
  if (budget.total === null) return;
  const stated = Object.keys(budget.parts);
  if (stated.length === 0) return;
  const keys = row.keys ?? stated;
  const sum = sumParts(budget.parts, keys);
  const diff = budget.total - sum;
  if (diff === 0) return;
  const nonZero = keys.filter((k) => (budget.parts[k] ?? 0) !== 0).length;
  const slack = roundingSlack(nonZero);
  const isRounding = Math.abs(diff) <= slack;
  const follows = isRounding ? undefined : explainedBySuspect(ctx, budget, keys, slack);
  const where = row.path.join(" › ") || "합계";
  const tail = follows ? followsFrom(follows) : undefined;
  emit(ctx, {
    code: isRounding ? "split-rounding" : "split",
    severity: isRounding ? "warning" : follows ? "info" : "error",
    ko: isRounding
      ? `${where}: 계 ${fmt(budget.total)}백만원, 재원 합 ${fmt(sum)}백만원 — 차이 ${signed(diff)}백만원은 반올림(끝수)으로 설명됩니다.`
      : `${where}: 계 ${fmt(budget.total)}백만원이 재원 합계(${fmt(sum)}백만원)와 맞지 않습니다 — 차이 ${signed(diff)}백만원${tail ? ` (${tail.ko})` : ""}.`,
    en: isRounding
      ? `${row.path.join(" › ") || "plan total"}: total ${fmt(budget.total)} vs sum of sources ${fmt(sum)} (백만원) differ by ${signed(diff)}, which rounding explains.`
      : `${row.path.join(" › ") || "plan total"}: total ${fmt(budget.total)} differs from the sum of its sources ${fmt(sum)} by ${signed(diff)} (백만원)${tail ? ` (${tail.en})` : ""}.`,
    path: row.path,
    table: row.table,
    field: "total",
    ref: budget.refs?.total ?? row.ref,
    expected: sum,
    actual: budget.total,
    unit: "백만원",
  });
}

/** The finding of a figure of the row that, at its likely value, makes the row add up. */
function explainedBySuspect(ctx: CheckContext, budget: Budget, keys: readonly string[], slack: number) {
  for (const field of ["total", ...keys]) {
    const s = suspectOf(ctx, budget, field);
    if (!s) continue;
    for (const alt of s.alts) {
      const total = field === "total" ? alt : budget.total ?? 0;
      const parts = field === "total" ? budget.parts : { ...budget.parts, [field]: alt };
      if (Math.abs(total - sumParts(parts, keys)) <= slack) return s.finding;
    }
  }
  return undefined;
}
