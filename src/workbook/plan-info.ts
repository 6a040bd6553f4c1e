/**
 * The plan facts kept as key / value rows on the 설정 sheet (PlanInfo table): name, region,
 * year, rounding, the plan-wide budget (지역 일자리 예산) and the headline targets.
 */
import type { Measure, Plan, PlanSettings, RoundingMode, SourceRef } from "../core/model";

export interface PlanInfoRow {
  key: string;
  item: string;
  value: string | number | null;
  /** Decimals for measures, so that 34.0 stays 34.0. */
  decimals?: number;
  /** The source's text where the figure was a malformed number: written instead of `value`. */
  raw?: string;
  /** Where the figure was read (a text line or a cell), for findings that point at it. */
  ref?: SourceRef;
}

export function planInfoRows(plan: Plan): PlanInfoRow[] {
  const rows: PlanInfoRow[] = [
    { key: "name", item: "계획명", value: plan.name || null },
    { key: "region", item: "지역", value: plan.region ?? null },
    { key: "year", item: "연도", value: plan.year ?? null },
    { key: "rounding", item: "끝수 처리 (반올림 | 끝수 조정)", value: plan.settings.roundingMode },
  ];
  const pb = plan.summary.planBudget;
  const push = (row: PlanInfoRow, ref: SourceRef | undefined) => {
    const out = ref?.raw === undefined ? row : { ...row, raw: ref.raw };
    rows.push(ref ? { ...out, ref } : out);
  };
  push({ key: "planBudget.total", item: "지역 일자리 예산 합계(백만원)", value: pb ? pb.total : null }, pb?.refs?.total);
  for (const s of plan.settings.sources) {
    push({ key: `planBudget.${s.key}`, item: `지역 일자리 예산 ${s.label}(백만원)`, value: pb?.parts[s.key] ?? null }, pb?.refs?.[s.key]);
  }
  const measure = (key: string, item: string, m: Measure | null | undefined) => push({ key, item, value: m ? m.value : null, decimals: m?.decimals }, m?.ref);
  measure("headline.insuredTarget", "목표 피보험자 수(명)", plan.headline?.insuredTarget);
  measure("headline.employmentRateTarget", "목표 취업률(%)", plan.headline?.employmentRateTarget);
  return rows;
}

export function isRoundingMode(v: unknown): v is RoundingMode {
  return v === "half-up" || v === "largest-remainder";
}

export type { PlanSettings };
