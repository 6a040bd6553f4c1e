/**
 * Deterministic consistent plans of any size, for benchmarks and property tests: every split
 * adds up, projects add up to their tasks, and the declared summaries are the generated ones.
 */
import { defaultSettings, type Plan, type Project, type Strategy, type Task } from "../src/core/model";
import { summarizePlan } from "../src/core/summarize";

/** A small linear congruential generator: the same seed gives the same plan everywhere. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface GenerateOptions {
  projects: number;
  strategies?: number;
  tasksPerStrategy?: number;
  seed?: number;
  /** Amounts in whole 백만원 (multiples of 1,000천원), so that rounding never shows. */
  wholeMillions?: boolean;
}

export function generatePlan(opts: GenerateOptions): Plan {
  const random = rng(opts.seed ?? 1);
  const settings = defaultSettings();
  settings.roundingMode = "largest-remainder";
  const publicKeys = ["national", "province", "municipal"];
  const nStrategies = opts.strategies ?? 5;
  const nTasks = nStrategies * (opts.tasksPerStrategy ?? 3);
  const step = opts.wholeMillions ? 1000 : 1;
  const strategies: Strategy[] = [];
  for (let s = 0; s < nStrategies; s++) strategies.push({ name: `전략 ${s + 1}`, tasks: [] });
  const tasks: Task[] = [];
  for (let t = 0; t < nTasks; t++) {
    const task: Task = { name: `과제 ${t + 1}`, target: 0, budget: { total: 0, parts: { national: 0, province: 0, municipal: 0 } }, projects: [] };
    tasks.push(task);
    strategies[t % nStrategies].tasks.push(task);
  }
  for (let p = 0; p < opts.projects; p++) {
    // A task's projects one after another, as every reader builds them (rows in document order);
    // dealing them round-robin scattered each task's projects over the heap, unlike any real plan.
    const task = tasks[Math.floor((p * nTasks) / opts.projects)];
    const parts: Record<string, number> = {};
    let total = 0;
    for (const k of publicKeys) {
      if (random() < 0.3) continue;
      const v = Math.floor(random() * 500_000 / step) * step;
      parts[k] = v;
      total += v;
    }
    // Every project states its split, even when all of it is zero.
    if (total === 0) parts.national = 0;
    const headcount = Math.floor(random() * 50);
    const project: Project = { name: `${task.name} 사업 ${p + 1}`, budget: { total, parts }, headcount };
    task.projects.push(project);
    task.budget.total = (task.budget.total ?? 0) + total;
    for (const k in parts) task.budget.parts[k] = (task.budget.parts[k] ?? 0) + parts[k];
    task.target = (task.target ?? 0) + headcount;
  }
  const plan: Plan = {
    name: `생성 계획 ${opts.projects}`,
    year: 2021,
    settings,
    strategies,
    summary: { sourceKeys: publicKeys },
    commonTargets: [],
    schedule: [],
  };
  declareGeneratedSummary(plan);
  return plan;
}

/** Writes the generated summary into the plan as if the document had declared it. */
export function declareGeneratedSummary(plan: Plan): void {
  const g = summarizePlan(plan);
  const budget = (f: { total: number; parts: Record<string, number> }) => ({ total: f.total, parts: { ...f.parts } });
  plan.summary.byTask = {
    rows: g.byTask.map((r) => ({ strategy: r.strategy, task: r.task, projects: [...r.projects], target: r.target, budget: r.total })),
    total: { target: g.total.target, budget: budget(g.total) },
  };
  plan.summary.byStrategy = {
    rows: g.byStrategy.map((r) => ({ strategy: r.strategy, target: r.target, budget: budget(r) })),
    total: { target: g.total.target, budget: budget(g.total) },
  };
  plan.summary.planBudget = budget(g.total);
}
