/** The summary's project list of a task names the same projects as the detail. */
import type { SummaryTaskRow, Task } from "../model";
import { compareNames, matchNames } from "../names";
import { emit, type CheckContext } from "./context";

/** A summary item may name several projects at once: `공공근로, 지역공동체 일자리 사업`. */
function pieces(item: string): string[] {
  const parts = item.split(/[,，]/).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts : [];
}

export function checkProjectLists(ctx: CheckContext, path: string[], row: SummaryTaskRow, task: Task): void {
  const detail = task.projects.map((p) => p.name);
  const summary = row.projects;
  if (detail.length === 0 || summary.length === 0) return;
  const match = matchNames(detail, summary);
  const usedSummary = new Set<number>();
  match.forEach((j, i) => {
    if (j === undefined) return;
    usedSummary.add(j);
    if (compareNames(detail[i], summary[j]) === "variant") {
      emit(ctx, {
        code: "name-differs",
        severity: "info",
        ko: `${path.join(" › ")}: 세부사업 '${detail[i]}'이 요약표에는 '${summary[j]}'로 적혀 있습니다.`,
        en: `${path.join(" › ")}: project '${detail[i]}' is written '${summary[j]}' in the summary.`,
        path: [...path, detail[i]],
        table: "summary-by-task",
        field: "projects",
        ref: row.refs?.projects ?? row.ref,
      });
    }
  });
  match.forEach((j, i) => {
    if (j !== undefined) return;
    const k = summary.findIndex((item) => pieces(item).some((p) => compareNames(p, detail[i]) !== "none"));
    if (k >= 0) {
      usedSummary.add(k);
      return;
    }
    const project = task.projects[i];
    emit(ctx, {
      code: "project-missing-in-summary",
      severity: "error",
      ko: `${path.join(" › ")}: 세부사업 '${detail[i]}'이 요약표의 세부사업 목록에 없습니다.`,
      en: `${path.join(" › ")}: project '${detail[i]}' is missing from the summary's project list.`,
      path: [...path, detail[i]],
      table: "project",
      field: "projects",
      ref: project.ref,
    });
  });
  summary.forEach((item, j) => {
    if (usedSummary.has(j)) return;
    emit(ctx, {
      code: "project-missing-in-detail",
      severity: "error",
      ko: `${path.join(" › ")}: 요약표의 세부사업 '${item}'이 세부 추진계획에 없습니다.`,
      en: `${path.join(" › ")}: summary project '${item}' is not among the task's projects in the detail.`,
      path: [...path, item],
      table: "summary-by-task",
      field: "projects",
      ref: row.refs?.projects ?? row.ref,
    });
  });
}
