/**
 * Detail figures added up, in 천원: each task's declared plan table, then strategies and the
 * whole plan. Summaries are computed from these, and checks compare summaries with them.
 */
import type { Budget, Plan, Task } from "./model";

/** A target and a budget split; amounts in the unit of the table they belong to. */
export interface Figures {
  /** Job target in persons; null when no row states one. */
  target: number | null;
  total: number;
  parts: Record<string, number>;
}

/**
 * Source keys the summary tables carry. Sources left out (민자, in the published plans) do
 * not count in summary totals.
 */
export function summarySourceKeys(plan: Plan): string[] {
  return plan.summary.sourceKeys ?? plan.settings.sources.filter((s) => !s.isPrivate).map((s) => s.key);
}

export function sumParts(parts: Record<string, number>, keys?: readonly string[]): number {
  let sum = 0;
  if (keys) for (const k of keys) sum += parts[k] ?? 0;
  else for (const k in parts) sum += parts[k];
  return sum;
}

/**
 * The part of a budget that the summary tables count: the sum of the sources the summaries
 * have columns for, when the budget states a split; its total when it states none. Never
 * 계 less the other sources: a 계 that left out a source written beside it would then give
 * a negative figure that no summary should hold.
 */
export function countedTotal(budget: Budget, keys: readonly string[]): number {
  let split = false;
  for (const k in budget.parts) if (budget.parts[k] !== 0) split = true;
  if (!split) return budget.total ?? 0;
  return sumParts(budget.parts, keys);
}

/** Money the summary leaves out of this budget (민자), in the budget's unit. */
export function excludedAmount(budget: Budget, keys: readonly string[]): number {
  let excluded = 0;
  for (const k in budget.parts) if (!keys.includes(k)) excluded += budget.parts[k];
  return excluded;
}

export function taskFigures(task: Task, keys: readonly string[]): Figures {
  const parts: Record<string, number> = {};
  for (const k of keys) parts[k] = task.budget.parts[k] ?? 0;
  return { target: task.target, total: countedTotal(task.budget, keys), parts };
}

export function addFigures(into: Figures, add: Figures): void {
  if (add.target !== null) into.target = (into.target ?? 0) + add.target;
  into.total += add.total;
  for (const k in add.parts) into.parts[k] = (into.parts[k] ?? 0) + add.parts[k];
}

export function zeroFigures(keys: readonly string[]): Figures {
  const parts: Record<string, number> = {};
  for (const k of keys) parts[k] = 0;
  return { target: null, total: 0, parts };
}

export interface DetailRollup {
  keys: string[];
  /** tasks[s][t]: figures of task t of strategy s. */
  tasks: Figures[][];
  strategies: Figures[];
  plan: Figures;
}

export function rollupDetail(plan: Plan): DetailRollup {
  const keys = summarySourceKeys(plan);
  const total = zeroFigures(keys);
  const tasks: Figures[][] = [];
  const strategies: Figures[] = [];
  for (const strategy of plan.strategies) {
    const sf = zeroFigures(keys);
    const row: Figures[] = [];
    for (const task of strategy.tasks) {
      const tf = taskFigures(task, keys);
      addFigures(sf, tf);
      row.push(tf);
    }
    tasks.push(row);
    strategies.push(sf);
    addFigures(total, sf);
  }
  return { keys, tasks, strategies, plan: total };
}
