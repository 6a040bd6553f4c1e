/**
 * Test helpers for tasks typed into TaskPlans after the workbook was generated: the spec of
 * the generated workbook with the task rows appended to TaskPlans (as Excel extends a table
 * when a row is typed below it, the 요약 반영액 formula included), and the plan with them.
 */
import type { Plan, Task } from "../../../src/core/model";
import type { CellSpec, WorkbookSpec } from "../../../src/workbook/workbook-model";

export interface NewTask {
  strategy: string;
  task: string;
  target: number;
  total: number;
  parts: Record<string, number>;
}

/** The Seo-gu plan gets a task under an existing strategy: 150,500천원 rounds half up to 151. */
export const YOUTH_TASK: NewTask = {
  strategy: "청년 행복 일자리 확대",
  task: "청년 디지털 일자리 지원",
  target: 12,
  total: 150_500,
  parts: { national: 100_000, province: 20_000, municipal: 30_500 },
};

/** A new strategy with one task and private money the summaries leave out. */
export const DIGITAL_TASK: NewTask = {
  strategy: "디지털 신산업 일자리 창출",
  task: "스마트공장 일자리 지원",
  target: 30,
  total: 1_234_567,
  parts: { national: 600_000, province: 200_000, municipal: 234_567, private: 200_000 },
};

/** Appends the tasks to the TaskPlans table of the spec (the summaries stay as generated). */
export function appendTaskRows(spec: WorkbookSpec, tasks: readonly NewTask[]): void {
  const table = spec.sheets.find((s) => s.key === "taskPlan")!.tables[0];
  for (const t of tasks) {
    const row: CellSpec[] = table.columns.map((c, ci) => {
      if (c.key === "strategy") return { value: t.strategy };
      if (c.key === "task") return { value: t.task };
      if (c.key === "target") return { value: t.target, numberFormat: "#,##0" };
      if (c.key === "total") return { value: t.total, numberFormat: "#,##0" };
      if (c.key.startsWith("src:")) return { value: t.parts[c.key.slice(4)] ?? null, numberFormat: "#,##0" };
      return { ...table.rows[0][ci] };
    });
    table.rows.push(row);
  }
}

/** The plan with the tasks added, as the workbook's TaskPlans now reads. */
export function withTasks(plan: Plan, tasks: readonly NewTask[]): Plan {
  const out = structuredClone(plan);
  for (const t of tasks) {
    let s = out.strategies.find((x) => x.name === t.strategy);
    if (!s) out.strategies.push((s = { name: t.strategy, tasks: [] }));
    const task: Task = { name: t.task, target: t.target, budget: { total: t.total, parts: { ...t.parts } }, projects: [] };
    s.tasks.push(task);
  }
  return out;
}

/** The plan with its malformed figures fixed (the text 867,5000 read as 867,500). */
export function fixed(plan: Plan): Plan {
  return JSON.parse(JSON.stringify(plan, (k, v) => (k === "raw" ? undefined : v)));
}
