/** Projects add up to their task's plan table: budget total, each source, head counts. */
import type { Task } from "../model";
import { emit, fieldLabel, fmt, signed, type CheckContext } from "./context";

export function checkProjectsRollup(ctx: CheckContext, strategyName: string, task: Task): void {
  const path = [strategyName, task.name];
  const budgeted = task.projects.filter((p) => p.budget && p.budget.total !== null);
  if (budgeted.length > 0) {
    const unbudgeted = task.projects.length - budgeted.length;
    let total = 0;
    const parts: Record<string, number> = {};
    for (const p of budgeted) {
      total += p.budget!.total!;
      for (const k in p.budget!.parts) parts[k] = (parts[k] ?? 0) + p.budget!.parts[k];
    }
    const note =
      unbudgeted > 0
        ? { ko: ` (예산이 없는 세부사업 ${unbudgeted}개 제외)`, en: ` (${unbudgeted} project(s) without a budget left out)` }
        : { ko: "", en: "" };
    const compare = (field: string, declared: number | null, summed: number) => {
      const d = declared ?? 0;
      if (d === summed) return;
      const label = fieldLabel(ctx, field);
      emit(ctx, {
        code: "rollup",
        severity: "error",
        ko: `${path.join(" › ")}: 세부사업 ${label.ko} 합 ${fmt(summed)}천원이 추진계획의 ${label.ko} ${fmt(d)}천원과 ${signed(d - summed)} 다릅니다${note.ko}.`,
        en: `${path.join(" › ")}: projects' ${label.en} add up to ${fmt(summed)}, the task plan says ${fmt(d)} (${signed(d - summed)}, 천원)${note.en}.`,
        path,
        table: "task-plan",
        field,
        ref: task.budget.refs?.[field] ?? task.ref,
        expected: summed,
        actual: d,
        unit: "천원",
      });
    };
    compare("total", task.budget.total, total);
    const keys = new Set([...Object.keys(parts), ...Object.keys(task.budget.parts)]);
    for (const s of ctx.plan.settings.sources) {
      if (keys.has(s.key)) compare(s.key, task.budget.parts[s.key] ?? 0, parts[s.key] ?? 0);
    }
  }

  // Head counts are not always job targets (a trainee is not a job yet), so this is a hint.
  const counted = task.projects.filter((p) => typeof p.headcount === "number");
  if (task.target !== null && counted.length > 0 && counted.length === task.projects.length) {
    const sum = counted.reduce((a, p) => a + (p.headcount as number), 0);
    if (sum !== task.target) {
      emit(ctx, {
        code: "headcount-rollup",
        severity: "info",
        ko: `${path.join(" › ")}: 세부사업 인원 합 ${fmt(sum)}명이 일자리 목표 ${fmt(task.target)}명과 다릅니다 (인원이 모두 일자리는 아닐 수 있음).`,
        en: `${path.join(" › ")}: project head counts add up to ${fmt(sum)}, the job target is ${fmt(task.target)} (head counts need not all be jobs).`,
        path,
        table: "task-plan",
        field: "target",
        ref: task.targetRef ?? task.ref,
        expected: sum,
        actual: task.target,
        unit: "명",
      });
    }
  }
}
