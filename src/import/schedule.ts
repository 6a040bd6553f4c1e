/**
 * V. 추진일정: one row per strategy, task and project with twelve month cells.
 *
 *   1. 청년 행복 일자리 확대            -> strategy
 *   ① 청년 창업 인프라 조성             -> task (months empty, followed by a ① project row)
 *   ① 청년 창업 공간 조성사업 | ... | 공모 -> project
 *
 * Month cells are kept as text; a cell spanning several months in the original is left in
 * the month where it starts.
 */
import type { Field, RowsTable } from "../core/plan-builder";
import { cleanText, foldLabel, isTableLine, readTable, type Row } from "./lines";
import { displayName } from "./names";
import { isScheduleHeading } from "./sections";
import { textTable, type TextRow } from "./text-table";

const STRATEGY_MARK = /^\d{1,2}\s*[.)]\s*\S/;
const CIRCLED = /^([①-⑳])\s*/;
const MONTHS: Field[] = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);

function isHeaderRow(row: Row): boolean {
  const f = foldLabel(row.cells[0] ?? "");
  return f.includes("과제명") || f === "구분" || (row.cells[1] ?? "").replace(/\s/g, "") === "1월";
}

export function findSchedule(lines: readonly string[]): RowsTable | undefined {
  const at = lines.findIndex(isScheduleHeading);
  if (at < 0) return undefined;
  let j = at + 1;
  while (j < lines.length && !isTableLine(lines[j])) j++;
  const { rows } = readTable(lines, j, { allowGaps: true, maxLeadingBlank: 0 });
  const data = rows.filter((r) => !isHeaderRow(r) && r.cells.some((c) => c !== ""));
  const out: TextRow[] = [];
  let previous = "";
  data.forEach((row, k) => {
    const first = cleanText(row.cells[0] ?? "");
    const months = MONTHS.map((_, m) => row.cells[m + 1] ?? "");
    const empty = months.every((c) => c === "");
    let level = "project";
    if (STRATEGY_MARK.test(first)) level = "strategy";
    else if (CIRCLED.test(first)) {
      const next = data[k + 1] ? cleanText(data[k + 1].cells[0] ?? "") : "";
      if (previous === "strategy" || (empty && next.startsWith("①"))) level = "task";
    }
    previous = level;
    const cells: TextRow["cells"] = { level, name: displayName(first) || null };
    MONTHS.forEach((m, i) => (cells[m] = months[i] || null));
    out.push({ line: row.line, cells });
  });
  return textTable("schedule", ["level", "name", ...MONTHS], out, { line: at + 1 });
}
