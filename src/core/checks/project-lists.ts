/** The summary's project list of a task names the same projects as the detail. */
import type { SummaryTaskRow, Task } from "../model";
import { compareNames, matchNames } from "../names";
import { emit, type CheckContext } from "./context";
import { withParticle } from "../particles";
import { DUPLICATE_NAME } from "./detail";

/** A summary item may name several projects at once: `공공근로, 지역공동체 일자리 사업`. */
function pieces(item: string): string[] {
  const parts = item.split(/[,，]/).map((p) => p.trim()).filter(Boolean);
  return parts.length > 1 ? parts : [];
}

/** `duplicate`: the task's name is used twice, so which projects are whose cannot be told. */
export function checkProjectLists(ctx: CheckContext, path: string[], row: SummaryTaskRow, task: Task, duplicate = false): void {
  const severity = duplicate ? "info" : "error";
  const note = duplicate ? { ko: ` (${DUPLICATE_NAME.ko})`, en: ` (${DUPLICATE_NAME.en})` } : { ko: "", en: "" };
  const projects = task.projects;
  if (projects.length === 0 || row.projects.length === 0) return;
  // The common case: the summary lists the detail's projects as they are, in order.
  if (projects.length === row.projects.length && projects.every((p, i) => p.name === row.projects[i])) return;
  const detail = projects.map((p) => p.name);
  // Match against the pieces of combined items, remembering which item each came from.
  const units: Array<{ name: string; item: number; piece: boolean }> = [];
  row.projects.forEach((item, k) => {
    const ps = pieces(item);
    if (ps.length) ps.forEach((p) => units.push({ name: p, item: k, piece: true }));
    else units.push({ name: item, item: k, piece: false });
  });
  const match = matchNames(
    detail,
    units.map((u) => u.name),
  );
  const usedItems = new Set<number>();
  const where = path.join(" › ");
  match.forEach((j, i) => {
    const project = task.projects[i];
    if (j === undefined) {
      emit(ctx, {
        code: "project-missing-in-summary",
        severity,
        ko: `${where}: 세부사업 ${withParticle(`'${detail[i]}'`, "이/가")} 요약표의 세부사업 목록에 없습니다${note.ko}.`,
        en: `${where}: project '${detail[i]}' is missing from the summary's project list${note.en}.`,
        path: [...path, detail[i]],
        table: "project",
        field: "projects",
        ref: project.ref,
      });
      return;
    }
    const unit = units[j];
    usedItems.add(unit.item);
    // A piece of a combined item often drops the ending it shares with the next piece.
    if (!unit.piece && compareNames(detail[i], unit.name) === "variant") {
      emit(ctx, {
        code: "name-differs",
        severity: "info",
        ko: `${where}: 세부사업 이름이 표마다 다릅니다 — 세부계획 '${detail[i]}', 요약표 '${unit.name}'.`,
        en: `${where}: the project is named '${detail[i]}' in the detail and '${unit.name}' in the summary.`,
        path: [...path, detail[i]],
        table: "summary-by-task",
        field: "projects",
        ref: row.refs?.projects ?? row.ref,
      });
    }
  });
  row.projects.forEach((item, k) => {
    if (usedItems.has(k)) return;
    emit(ctx, {
      code: "project-missing-in-detail",
      severity,
      ko: `${where}: 요약표의 세부사업 ${withParticle(`'${item}'`, "이/가")} 세부 추진계획에 없습니다${note.ko}.`,
      en: `${where}: summary project '${item}' is not among the task's projects in the detail${note.en}.`,
      path: [...path, item],
      table: "summary-by-task",
      field: "projects",
      ref: row.refs?.projects ?? row.ref,
    });
  });
}
