/** 계 = 국비 + 시도비 + 시군구비 + 민자, for every row that states a split. */
import type { Budget, SourceRef } from "../model";
import { sumParts } from "../rollup";
import { emit, fmt, signed, type CheckContext } from "./context";
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
  unit: "천원" | "백만원";
  /** Source keys the row has columns for; every part is checked when absent. */
  keys?: readonly string[];
  ref?: SourceRef;
}

export function checkSplit(ctx: CheckContext, row: SplitRow): void {
  const { budget } = row;
  if (budget.total === null) return;
  const stated = Object.keys(budget.parts);
  if (stated.length === 0) return;
  const sum = sumParts(budget.parts, row.keys);
  const diff = budget.total - sum;
  if (diff === 0) return;
  const rounded = row.unit === "백만원";
  const nonZero = (row.keys ?? stated).filter((k) => (budget.parts[k] ?? 0) !== 0).length;
  const isRounding = rounded && Math.abs(diff) <= roundingSlack(nonZero);
  const where = row.path.join(" › ");
  emit(ctx, {
    code: isRounding ? "split-rounding" : "split",
    severity: isRounding ? "warning" : "error",
    ko: isRounding
      ? `${where}: 계 ${fmt(budget.total)}${row.unit}, 재원 합 ${fmt(sum)}${row.unit} — 차이 ${signed(diff)}${row.unit}은 반올림(끝수)으로 설명됩니다.`
      : `${where}: 계 ${fmt(budget.total)}${row.unit}이 재원 합계(${fmt(sum)}${row.unit})와 맞지 않습니다 — 차이 ${signed(diff)}${row.unit}.`,
    en: isRounding
      ? `${where}: total ${fmt(budget.total)} vs sum of sources ${fmt(sum)} (${row.unit}) differ by ${signed(diff)}, which rounding explains.`
      : `${where}: total ${fmt(budget.total)} differs from the sum of its sources ${fmt(sum)} by ${signed(diff)} (${row.unit}).`,
    path: row.path,
    table: row.table,
    field: "total",
    ref: budget.refs?.total ?? row.ref,
    expected: sum,
    actual: budget.total,
    unit: row.unit,
  });
}
