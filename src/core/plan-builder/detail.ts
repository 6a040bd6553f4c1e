/** The detail tables: 추진계획 (one row per task) and 세부사업 (one row per project). */
import type { Project, Task } from "../model";
import { nameKey } from "../names";
import { totalWord } from "../vocabulary";
import type { BuildContext } from "./context";
import type { RowsTable } from "./input";
import { withParticle } from "../particles";

/** A name that marks a totals or subtotals row instead of an item. */
function isTotalName(name: string | null): boolean {
  return name !== null && totalWord(name) !== undefined;
}

export function readTaskPlans(t: RowsTable, ctx: BuildContext): void {
  const { unreadable } = ctx.missingColumns(t, ["task"], ["strategy", "target", "total"]);
  if (unreadable) return;
  let lastStrategy: string | null = null;
  let any = false;
  for (const row of ctx.rows(t)) {
    any = true;
    const strategyCell = row.name("strategy");
    const taskName = row.name("task");
    // 합계 / 소계 rows total what the table already holds.
    if (isTotalName(taskName) || (isTotalName(strategyCell) && !taskName)) continue;
    const strategyName: string | null = strategyCell ?? lastStrategy;
    if (!taskName || strategyName === null) {
      const missing = !taskName ? "task" : "strategy";
      ctx.sink.add(
        "unreadable",
        "error",
        { ko: `추진계획 행에 ${missing === "task" ? "실천과제" : "추진전략"} 이름이 없습니다.`, en: `A task plan row has no ${missing} name.` },
        row.ref(missing),
        { table: "task-plan", path: [strategyName ?? "", taskName ?? ""].filter(Boolean) },
      );
      continue;
    }
    lastStrategy = strategyName;
    row.path = [strategyName, taskName];
    const strategy = ctx.strategy(strategyName, row.ref("strategy"));
    const task: Task = {
      name: taskName,
      target: row.count("target"),
      targetRef: row.ref("target"),
      budget: row.budget("total", ctx.sources, "천원").budget,
      projects: [],
      ref: row.ref("task"),
    };
    const first = ctx.addTask(strategy, task)?.ref;
    if (first) {
      const at = first.cell ? `${first.sheet ? first.sheet + "!" : ""}${first.cell}` : `${first.line}행`;
      ctx.sink.add(
        "duplicate-name",
        "error",
        { ko: `실천과제 ${withParticle(`'${taskName}'`, "이/가")} 추진전략 '${strategyName}' 아래에 두 번 있습니다 (처음: ${at}).`, en: `Task '${taskName}' appears twice under strategy '${strategyName}' (first at ${first.cell ?? "line " + first.line}).` },
        row.ref("task"),
        { table: "task-plan", field: "task", path: row.path },
      );
    }
  }
  if (!any) ctx.emptyTable(t);
}

export function readProjects(t: RowsTable, ctx: BuildContext, tasksFromProjects: boolean): void {
  const { unreadable } = ctx.missingColumns(t, ["task", "project"], []);
  if (unreadable) return;
  let lastStrategy: string | null = null;
  let lastTask: string | null = null;
  // Blocks of rows per task name: the n-th block of a name used twice is its n-th task's.
  const blocks = new Map<string, number>();
  let lastKey = "";
  let rowStrategy: string | null = null;
  let rowTask: string | null = null;
  let rowTaskFound: Task | undefined;
  for (const row of ctx.rows(t)) {
    const strategyCell = row.name("strategy");
    const taskCell = row.name("task");
    const name = row.name("project");
    if (isTotalName(name) || isTotalName(taskCell) || (isTotalName(strategyCell) && !taskCell && !name)) continue;
    const strategyName: string | null = strategyCell ?? lastStrategy;
    const taskName: string | null = taskCell ?? (strategyCell !== null && strategyCell !== lastStrategy ? null : lastTask);
    if (!name) {
      // A task heading inside the projects table names the task for the rows below it.
      const figures = row.has("total") && row.raw("total") !== null && row.raw("total") !== undefined && row.raw("total") !== "";
      if (taskName && !figures) {
        lastStrategy = strategyName;
        lastTask = taskName;
        continue;
      }
      ctx.sink.add("unreadable", "error", { ko: "세부사업 행에 사업명이 없습니다.", en: "A project row has no project name." }, row.ref("project"), { table: "project", path: [strategyName ?? "", taskName ?? ""].filter(Boolean) });
      continue;
    }
    if (!taskName) {
      ctx.sink.add("unreadable", "error", { ko: `세부사업 '${name}'의 실천과제가 없습니다.`, en: `Project '${name}' has no task.` }, row.ref("task"), { table: "project", path: [name] });
      continue;
    }
    lastStrategy = strategyName;
    lastTask = taskName;
    // Rows of one task follow each other: the same names as the row above need no lookup.
    let task = strategyName === rowStrategy && taskName === rowTask ? rowTaskFound : undefined;
    if (!task) {
      const key = nameKey(strategyName ?? "") + "\u0000" + nameKey(taskName);
      if (key !== lastKey) blocks.set(key, (blocks.get(key) ?? -1) + 1);
      lastKey = key;
      task = ctx.findTask(strategyName, taskName, blocks.get(key));
    }
    if (!task) {
      if (!tasksFromProjects) {
        ctx.sink.add(
          "unmatched",
          "warning",
          { ko: `세부사업 '${name}'의 실천과제 ${withParticle(`'${taskName}'`, "이/가")} 추진계획 표에 없습니다.`, en: `Task '${taskName}' of project '${name}' is not in the task plan table.` },
          row.ref("task"),
          { table: "project", field: "task", path: [strategyName ?? "", taskName] },
        );
      }
      task = { name: taskName, target: null, budget: { total: null, parts: {} }, projects: [], ref: row.ref("task") };
      ctx.addTask(ctx.strategy(strategyName ?? "", row.ref("strategy")), task);
    }
    rowStrategy = strategyName;
    rowTask = taskName;
    rowTaskFound = task;
    row.path = [strategyName ?? "", taskName, name];
    const project: Project = { name, ref: row.ref("project") };
    const { budget, stated } = row.budget("total", ctx.sources, "천원");
    if (stated) project.budget = budget;
    if (row.has("headcount")) {
      const h = row.count("headcount");
      if (h !== null) {
        project.headcount = h;
        project.headcountRef = row.ref("headcount");
      }
    }
    task.projects.push(project);
  }
}

/** Without a task plan table, a task's budget is what its projects add up to. */
export function tasksFromTheirProjects(tasks: Task[]): void {
  for (const task of tasks) {
    let any = false;
    const budget = { total: null as number | null, parts: {} as Record<string, number> };
    for (const p of task.projects) {
      if (!p.budget) continue;
      any = true;
      budget.total = (budget.total ?? 0) + (p.budget.total ?? 0);
      for (const k in p.budget.parts) budget.parts[k] = (budget.parts[k] ?? 0) + p.budget.parts[k];
    }
    if (any) task.budget = budget;
  }
}
