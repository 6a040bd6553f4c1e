/** Ranges (2-D arrays, as Excel passes them) built from an imported Plan. */
import type { Plan } from "../../src/core/model";

const fmt = (n: number | null | undefined): string | number => (n === null || n === undefined ? "-" : n.toLocaleString("en-US"));

/** TaskPlans[#All]: Korean headers, figures as text "1,234" / "-". */
export function taskPlanRange(plan: Plan): unknown[][] {
  const src = plan.settings.sources;
  const out: unknown[][] = [["추진전략", "실천과제", "일자리 목표(명)", "계(천원)", ...src.map((s) => s.label)]];
  for (const s of plan.strategies)
    for (const t of s.tasks) out.push([s.name, t.name, fmt(t.target), fmt(t.budget.total), ...src.map((x) => fmt(t.budget.parts[x.key]))]);
  return out;
}

/** Projects[#All]: English headers, numbers as numbers, "" for none. */
export function projectRange(plan: Plan): unknown[][] {
  const src = plan.settings.sources;
  const out: unknown[][] = [["Strategy", "Task", "Project", "Headcount", "Total", ...src.map((s) => s.labelEn)]];
  for (const s of plan.strategies)
    for (const t of s.tasks)
      for (const p of t.projects)
        out.push([s.name, t.name, p.name, p.headcount ?? "", p.budget?.total ?? "", ...src.map((x) => p.budget?.parts[x.key] ?? "")]);
  return out;
}

/** SummaryByStrategy as printed (분야별 목표), with its total row. */
export function summaryRange(plan: Plan): unknown[][] {
  const by = plan.summary.byStrategy!;
  const keys = plan.summary.sourceKeys ?? ["national", "province", "municipal"];
  const label: Record<string, string> = { national: "국비", province: "시비", municipal: "군구비", private: "민자" };
  const out: unknown[][] = [["추진전략", "목표 인원", "합계", ...keys.map((k) => label[k] ?? k)]];
  for (const r of by.rows) out.push([r.strategy, fmt(r.target), fmt(r.budget.total), ...keys.map((k) => fmt(r.budget.parts[k]))]);
  if (by.total) out.push(["합계", fmt(by.total.target), fmt(by.total.budget.total), ...keys.map((k) => fmt(by.total!.budget.parts[k]))]);
  return out;
}
