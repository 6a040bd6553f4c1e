/**
 * Which task of the detail a row of a summary by task stands for, and which strategy a row
 * of a summary by strategy: one matching for the checks, the template and regeneration, so
 * that a row is compared with, and generated from, the same task everywhere.
 *
 * Names are matched as the same plan spells them differently (core/names): a row whose
 * strategy and task both match comes first, then the task name alone (a summary may group a
 * task under a differently worded strategy). Each task is matched at most once, in order, so
 * two rows of one name pair with two tasks of that name.
 */
import type { Plan } from "./model";
import { matchNames, nameKey } from "./names";

export interface TaskPlace {
  /** Index into plan.strategies and into that strategy's tasks. */
  s: number;
  t: number;
}

export interface SummaryRowName {
  strategy: string;
  task: string;
}

/** For each summary row (strategy, task), the task it stands for, or undefined. */
export function matchTaskRows(rows: readonly SummaryRowName[], plan: Plan): Array<TaskPlace | undefined> {
  const places = plan.strategies.flatMap((s, si) => s.tasks.map((t, ti) => ({ s: si, t: ti, strategy: nameKey(s.name), task: nameKey(t.name), name: t.name })));
  const out: Array<TaskPlace | undefined> = rows.map(() => undefined);
  const taken = new Set<number>();
  // Strategy and task both the same (after spelling): the row's own task, in order.
  const byBoth = new Map<string, number[]>();
  places.forEach((p, k) => {
    const key = p.strategy + "\u0000" + p.task;
    const list = byBoth.get(key);
    if (list) list.push(k);
    else byBoth.set(key, [k]);
  });
  rows.forEach((row, i) => {
    const j = byBoth.get(nameKey(row.strategy) + "\u0000" + nameKey(row.task))?.shift();
    if (j !== undefined) {
      out[i] = { s: places[j].s, t: places[j].t };
      taken.add(j);
    }
  });
  // The rest by the task's name, spelled the same or as a variant.
  const left = rows.map((r, i) => i).filter((i) => !out[i]);
  const free = places.map((_, k) => k).filter((k) => !taken.has(k));
  const match = matchNames(
    left.map((i) => rows[i].task),
    free.map((k) => places[k].name),
  );
  left.forEach((i, n) => {
    const m = match[n];
    if (m !== undefined) out[i] = { s: places[free[m]].s, t: places[free[m]].t };
  });
  return out;
}

/** For each summary row's strategy name, the plan's strategy it stands for, or undefined. */
export function matchStrategyRows(names: readonly string[], plan: Plan): Array<number | undefined> {
  return matchNames(
    names,
    plan.strategies.map((s) => s.name),
  );
}

/** {@link matchTaskRows} as indexes into the plan's tasks in order (`strategies.flatMap(tasks)`). */
export function matchTaskRowsInOrder(rows: readonly SummaryRowName[], plan: Plan): Array<number | undefined> {
  const start: number[] = [];
  let n = 0;
  for (const s of plan.strategies) {
    start.push(n);
    n += s.tasks.length;
  }
  return matchTaskRows(rows, plan).map((p) => (p ? start[p.s] + p.t : undefined));
}
