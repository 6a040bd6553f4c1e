/**
 * Every consistency rule of a plan, run in one pass: the detail of each task (splits and
 * roll-ups), the summaries against the detail and against themselves, the summary rows'
 * splits, the derived figures. Rules run in that order because a later comparison that
 * fails only because of an earlier finding is noted as following from it.
 */
import { checkTaskDetail } from "./checks/detail";
import { checkCommonTargets } from "./checks/derived";
import { newContext } from "./checks/context";
import { checkSummarySplit } from "./checks/split";
import { checkSummaryAgainstDetail, isDuplicate } from "./checks/summary-vs-detail";
import type { Finding } from "./findings";
import type { Plan } from "./model";
import { rollupDetail } from "./rollup";

export function checkPlan(plan: Plan): Finding[] {
  const ctx = newContext(plan);
  for (const strategy of plan.strategies) {
    for (const task of strategy.tasks) checkTaskDetail(ctx, strategy.name, task, isDuplicate(strategy, task));
  }
  const detail = rollupDetail(plan);
  checkSummaryAgainstDetail(ctx, detail);
  const keys = detail.keys;
  const { byStrategy, planBudget } = plan.summary;
  for (const row of byStrategy?.rows ?? []) checkSummarySplit(ctx, { budget: row.budget, path: [row.strategy], table: "summary-by-strategy", keys, ref: row.ref });
  if (byStrategy?.total) checkSummarySplit(ctx, { budget: byStrategy.total.budget, path: [], table: "summary-by-strategy", keys, ref: byStrategy.total.ref });
  if (planBudget) checkSummarySplit(ctx, { budget: planBudget, path: [], table: "plan-budget", keys });
  checkCommonTargets(ctx);
  return ctx.findings;
}
