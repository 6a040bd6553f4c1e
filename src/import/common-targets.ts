/**
 * 공통 일자리 목표: rows 취업률 / 고용보험 피보험자수 with last year's target, result and
 * 달성률, and this year's target and 증감률. Figures keep the decimals they were printed with,
 * so a checker can recompute 달성률 at the printed precision.
 *
 * A later small table (당초/변경) restates the 취업률 target; it is not read.
 */
import type { CommonTarget } from "../core/model";
import { splitHeader } from "./header-table";
import { foldLabel, readTable } from "./lines";
import { displayName } from "./names";
import type { FindingSink } from "./report";
import { measure } from "./summary-tables";

type Field = "lastTarget" | "lastResult" | "achievementRate" | "target" | "changeRate";

function fieldOf(upper: string, lower: string): Field | undefined {
  const u = foldLabel(upper);
  const l = foldLabel(lower);
  if (l.includes("달성")) return "achievementRate";
  if (l.includes("증감")) return "changeRate";
  const lastYear = u.includes("실적") || /^(19|20)?\d\d년?실적/.test(u);
  if (l === "실적") return "lastResult";
  if (l.includes("목표")) return lastYear ? "lastTarget" : "target";
  return undefined;
}

export function findCommonTargets(lines: readonly string[], sink: FindingSink): CommonTarget[] | undefined {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes("\t") || !foldLabel(lines[i]).includes("공통일자리목표")) continue;
    let j = i + 1;
    while (j < lines.length && !lines[j].includes("\t") && j - i < 6) j++;
    const { rows } = readTable(lines, j);
    if (rows.length === 0) continue;
    const t = splitHeader(rows);
    const fields = t.columns.map((c) => fieldOf(c.upper, c.lower));
    const out: CommonTarget[] = [];
    for (const row of t.dataRows) {
      if (row.cells.every((c) => c === "")) continue;
      const name = displayName(row.cells[0] ?? "");
      const f = foldLabel(name);
      const target: CommonTarget = { name, unit: /[률율]$/.test(f) ? "%" : "명", ref: { line: row.line } };
      fields.forEach((field, k) => {
        if (!field) return;
        target[field] = measure(row.cells[k] ?? "", row.line, "common-targets", sink, [name]);
      });
      out.push(target);
    }
    return out;
  }
  return undefined;
}
