/**
 * 공통 일자리 목표: rows 취업률 / 고용보험 피보험자수 with last year's target, result and
 * 달성률, and this year's target and 증감률, cut into cells for the builder (which keeps the
 * decimals they were printed with, so 달성률 is recomputed at the printed precision).
 *
 * A later small table (당초/변경) restates the 취업률 target; it is not read.
 */
import type { Field, RowsTable } from "../core/plan-builder";
import { splitHeader } from "./header-table";
import { foldLabel, readTable } from "./lines";
import { displayName } from "./names";
import { textTable, type TextRow } from "./text-table";

type MeasureField = "lastTarget" | "lastResult" | "achievementRate" | "target" | "changeRate";

function fieldOf(upper: string, lower: string): MeasureField | undefined {
  const u = foldLabel(upper);
  const l = foldLabel(lower);
  if (l.includes("달성")) return "achievementRate";
  if (l.includes("증감")) return "changeRate";
  const lastYear = u.includes("실적") || /^(19|20)?\d\d년?실적/.test(u);
  if (l === "실적") return "lastResult";
  if (l.includes("목표")) return lastYear ? "lastTarget" : "target";
  return undefined;
}

export function findCommonTargets(lines: readonly string[]): RowsTable | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes("\t") || !foldLabel(lines[i]).includes("공통일자리목표")) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j].includes("\t") && j - i < 6) j++;
    const { rows } = readTable(lines, j);
    if (rows.length === 0) continue;
    const t = splitHeader(rows);
    const measures: Array<{ field: MeasureField; col: number }> = [];
    t.columns.forEach((c, k) => {
      const field = fieldOf(c.upper, c.lower);
      if (field && !measures.some((m) => m.field === field)) measures.push({ field, col: k });
    });
    const fields: Field[] = ["name", ...measures.map((m) => m.field)];
    const out: TextRow[] = t.dataRows
      .filter((row) => row.cells.some((c) => c !== ""))
      .map((row) => {
        const cells: TextRow["cells"] = { name: displayName(row.cells[0] ?? "") || null };
        for (const m of measures) cells[m.field] = row.cells[m.col] ?? "";
        return { line: row.line, cells };
      });
    return textTable("commonTargets", fields, out, { line: j + 1 });
  }
  return undefined;
}
