/**
 * Every consistency rule of a plan, run in one pass. Findings come out grouped by rule and,
 * within a rule, in document order.
 */
import { checkProjectsRollup } from "./checks/detail-rollup";
import { checkCommonTargets } from "./checks/derived";
import { newContext } from "./checks/context";
import { checkSplit } from "./checks/split";
import { checkSummaryAgainstDetail } from "./checks/summary-vs-detail";
import type { Finding } from "./findings";
import type { Plan } from "./model";
import { rollupDetail } from "./rollup";

export function checkPlan(plan: Plan): Finding[] {
  const ctx = newContext(plan);
  const detail = rollupDetail(plan);
  const keys = detail.keys;

  for (const strategy of plan.strategies) {
    for (const task of strategy.tasks) {
      for (const project of task.projects) {
        if (project.budget) {
          checkSplit(ctx, { budget: project.budget, path: [strategy.name, task.name, project.name], table: "project", unit: "천원", ref: project.ref });
        }
      }
      checkSplit(ctx, { budget: task.budget, path: [strategy.name, task.name], table: "task-plan", unit: "천원", ref: task.ref });
    }
  }
  const { byStrategy, planBudget } = plan.summary;
  for (const row of byStrategy?.rows ?? []) {
    checkSplit(ctx, { budget: row.budget, path: [row.strategy], table: "summary-by-strategy", unit: "백만원", keys, ref: row.ref });
  }
  if (byStrategy?.total) checkSplit(ctx, { budget: byStrategy.total.budget, path: [], table: "summary-by-strategy", unit: "백만원", keys, ref: byStrategy.total.ref });
  if (planBudget) checkSplit(ctx, { budget: planBudget, path: [], table: "plan-budget", unit: "백만원", keys });

  for (const strategy of plan.strategies) {
    for (const task of strategy.tasks) checkProjectsRollup(ctx, strategy.name, task);
  }
  checkSummaryAgainstDetail(ctx, detail);
  checkCommonTargets(ctx);
  return ctx.findings;
}
