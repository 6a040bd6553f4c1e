/** Derived figures against their inputs: 달성률, 증감률, and the headline vs common targets. */
import type { CommonTarget, Measure } from "../model";
import { nameKey } from "../names";
import { emit, fmt, type CheckContext } from "./context";
import { withParticle } from "../particles";

/** Rounds half up to `decimals` places using integers scaled by 10^decimals. */
function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((Math.abs(value) * f + 1e-9)) / f * Math.sign(value);
}

function checkDerived(ctx: CheckContext, ct: CommonTarget, field: string, label: { ko: string; en: string }, printed: Measure | null | undefined, exact: number | null): void {
  // "-", "―", "해당없음" or an empty cell: the document does not state it; nothing to compare.
  if (!printed || exact === null || !Number.isFinite(exact)) return;
  const shown = printed.value;
  const decimals = printed.decimals;
  const expected = roundTo(exact, decimals);
  const diff = Math.abs(shown - expected);
  const unitStep = 10 ** -decimals;
  if (diff < unitStep / 2) return;
  // One step in the last printed digit is another rounding rule, not a wrong figure.
  const rounding = diff <= unitStep + 1e-9;
  emit(ctx, {
    code: "derived",
    severity: rounding ? "warning" : "error",
    ko: `${ct.name}: ${label.ko} ${withParticle(fmt(shown), "이/가")} 입력값으로 계산한 ${withParticle(expected.toFixed(decimals), "과/와")} 다릅니다.`,
    en: `${ct.name}: ${label.en} ${shown} does not match ${expected.toFixed(decimals)} computed from its inputs.`,
    path: [ct.name],
    table: "common-targets",
    field,
    ref: printed.ref ?? ct.ref,
    expected,
    actual: shown,
    unit: ct.unit === "%" && field === "changeRate" ? "%p" : "%",
  });
}

export function checkCommonTargets(ctx: CheckContext): void {
  for (const ct of ctx.plan.commonTargets) {
    const lt = ct.lastTarget?.value;
    const lr = ct.lastResult?.value;
    if (lt !== undefined && lr !== undefined && lt !== 0 && ct.achievementRate !== undefined) {
      checkDerived(ctx, ct, "achievementRate", { ko: "달성률", en: "achievement rate" }, ct.achievementRate, (lr / lt) * 100);
    }
    const t = ct.target?.value;
    if (t !== undefined && lr !== undefined && ct.changeRate !== undefined) {
      // For a rate the change is in %p; for a count it is a percentage of last year's result.
      const exact = ct.unit === "%" ? t - lr : lr === 0 ? null : ((t - lr) / lr) * 100;
      checkDerived(ctx, ct, "changeRate", { ko: "증감률", en: "change" }, ct.changeRate, exact);
    }
  }
  const headline = ctx.plan.headline;
  if (!headline) return;
  const pairs: Array<[Measure | null | undefined, RegExp, string]> = [
    [headline.insuredTarget, /피보험자/u, "insuredTarget"],
    [headline.employmentRateTarget, /취업률|고용률/u, "employmentRateTarget"],
  ];
  for (const [h, pattern, field] of pairs) {
    if (!h) continue;
    const ct = ctx.plan.commonTargets.find((c) => pattern.test(nameKey(c.name)));
    if (!ct?.target || ct.target.value === h.value) continue;
    emit(ctx, {
      code: "summary-mismatch",
      severity: "error",
      ko: `${ct.name}: 요약의 목표 ${withParticle(fmt(h.value), "이/가")} 공통 일자리 목표의 ${withParticle(fmt(ct.target.value), "과/와")} 다릅니다.`,
      en: `${ct.name}: the headline target ${h.value} differs from the common target ${ct.target.value}.`,
      path: [ct.name],
      table: "plan-budget",
      field,
      ref: h.ref,
      expected: ct.target.value,
      actual: h.value,
      unit: ct.unit,
    });
  }
}
