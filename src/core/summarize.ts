/**
 * Summary tables generated from the detail: per task, per strategy and for the plan, in
 * 백만원. Half-up rounds every figure on its own (parts may then miss the total by 1);
 * largest-remainder nudges parts so that every generated row adds up exactly.
 */
import { largestRemainder, thousandToMillion } from "./amounts";
import type { Plan, RoundingMode } from "./model";
import { rollupDetail, type Figures } from "./rollup";

export interface GeneratedTaskRow extends Figures {
  strategy: string;
  task: string;
  projects: string[];
}

export interface GeneratedStrategyRow extends Figures {
  strategy: string;
}

export interface GeneratedSummary {
  mode: RoundingMode;
  /** Source keys of the summary columns, in order. */
  sourceKeys: string[];
  byTask: GeneratedTaskRow[];
  byStrategy: GeneratedStrategyRow[];
  total: Figures;
}

/** 천원 figures to 백만원 with the given rounding mode. */
export function roundFigures(f: Figures, keys: readonly string[], mode: RoundingMode): Figures {
  const parts: Record<string, number> = {};
  if (mode === "largest-remainder") {
    const partsSum = keys.reduce((a, k) => a + (f.parts[k] ?? 0), 0);
    // A row whose parts do not add up to its total cannot be made to add up by rounding;
    // round it plainly so the split error stays visible in the summary too.
    if (partsSum === f.total) {
      const rounded = largestRemainder(
        keys.map((k) => f.parts[k] ?? 0),
        1000,
      );
      keys.forEach((k, i) => (parts[k] = rounded[i]));
      return { target: f.target, total: rounded.reduce((a, b) => a + b, 0), parts };
    }
  }
  for (const k of keys) parts[k] = thousandToMillion(f.parts[k] ?? 0);
  return { target: f.target, total: thousandToMillion(f.total), parts };
}

export function summarizePlan(plan: Plan, mode: RoundingMode = plan.settings.roundingMode): GeneratedSummary {
  const detail = rollupDetail(plan);
  const keys = detail.keys;
  const byTask: GeneratedTaskRow[] = [];
  const byStrategy: GeneratedStrategyRow[] = [];
  plan.strategies.forEach((strategy, s) => {
    strategy.tasks.forEach((task, t) => {
      byTask.push({
        strategy: strategy.name,
        task: task.name,
        projects: task.projects.map((p) => p.name),
        ...roundFigures(detail.tasks[s][t], keys, mode),
      });
    });
    byStrategy.push({ strategy: strategy.name, ...roundFigures(detail.strategies[s], keys, mode) });
  });
  return { mode, sourceKeys: keys, byTask, byStrategy, total: roundFigures(detail.plan, keys, mode) };
}
