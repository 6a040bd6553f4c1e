/**
 * The plan builder: tables of raw cells -> plan + the findings of reading them. The one
 * place where cells become figures and rows become strategies, tasks, projects and summary
 * rows, for the text importer, the workbook readers and the custom functions alike.
 */
import type { Finding } from "../findings";
import { emptyPlan, type Plan } from "../model";
import { BuildContext } from "./context";
import { readProjects, readTaskPlans, tasksFromTheirProjects } from "./detail";
import type { PlanInput, Role, RowsTable } from "./input";
import { readCommonTargets, readSchedule } from "./other";
import { readPlanBudget, readSummaryByStrategy, readSummaryByTask, summarySourcesOf } from "./summaries";

export * from "./input";
export { collapse } from "./row-reader";

export interface Built {
  plan: Plan;
  /** Findings of the reading (malformed numbers, missing columns, unreadable cells). */
  findings: Finding[];
}

/** Roles in the order they are read: tasks before the projects that attach to them. */
const ORDER: Role[] = ["taskPlans", "projects", "summaryByTask", "summaryByStrategy", "planBudget", "commonTargets", "schedule"];

export function buildPlan(input: PlanInput): Built {
  const plan = emptyPlan(input.name ?? "");
  plan.settings = input.settings;
  if (input.region) plan.region = input.region;
  if (input.year !== undefined) plan.year = input.year;
  const ctx = new BuildContext(plan);
  const byRole = new Map<Role, RowsTable>();
  for (const t of input.tables) if (!byRole.has(t.role)) byRole.set(t.role, t);
  for (const role of ORDER) {
    const t = byRole.get(role);
    if (!t) continue;
    switch (role) {
      case "taskPlans":
        readTaskPlans(t, ctx);
        break;
      case "projects":
        readProjects(t, ctx, !byRole.has("taskPlans") && !!input.tasksFromProjects);
        if (!byRole.has("taskPlans") && input.tasksFromProjects) tasksFromTheirProjects(plan.strategies.flatMap((s) => s.tasks));
        break;
      case "summaryByTask":
        readSummaryByTask(t, ctx);
        break;
      case "summaryByStrategy":
        readSummaryByStrategy(t, ctx);
        break;
      case "planBudget":
        readPlanBudget(t, ctx);
        break;
      case "commonTargets":
        readCommonTargets(t, ctx);
        break;
      case "schedule":
        readSchedule(t, ctx);
        break;
    }
  }
  const keys = input.sourceKeys ?? summaryKeys(byRole, ctx);
  if (keys) plan.summary.sourceKeys = keys;
  return { plan, findings: ctx.sink.findings };
}

/** Source keys of the summary tables' columns (분야별 목표 and the plan budget), in settings order. */
function summaryKeys(byRole: Map<Role, RowsTable>, ctx: BuildContext): string[] | undefined {
  const found = new Set<string>();
  const { byStrategy, planBudget } = ctx.plan.summary;
  for (const [role, read] of [["summaryByStrategy", byStrategy], ["planBudget", planBudget]] as const) {
    const t = byRole.get(role);
    // Only a table that states figures says which sources the published summaries show.
    if (t && read) for (const k of summarySourcesOf(t, ctx)) found.add(k);
  }
  if (!found.size) return undefined;
  return ctx.sources.map((s) => s.key).filter((k) => found.has(k));
}
