/**
 * A project's head count, only where the document states one:
 *   - `추진사업 : 44개 사업/ 4,629명`, `대상사업 : 3개 사업, 306명`
 *   - `사업대상 : 관내 만 34세 이하 미취업 청년 76명(제1·2기 각 38명)` (the first count)
 *   - the sum of a table's 일자리수 / 사업인원 / 채용인원 column
 *   - 교육인원 of the one-row table under `사업목표`
 * Nothing is inferred beyond that: a project with none of these has no head count. Targets
 * such as `사업목표 : 취업 20명` are outcomes, not head counts, and are left alone.
 */
import type { SourceRef } from "../core/model";
import { cleanText, foldLabel, isBlank, isTableLine, readTable } from "./lines";
import { readCell } from "../core/cells";
import type { FindingSink } from "./report";

const LEAD = /^[-·*※○◦\s]+/;
const STATED = /^(?:추진\s*사업|대상\s*사업)\s*[:：]\s*(.*)$/;
const TARGET_GROUP = /^사업\s*대상\s*[:：]\s*(.*)$/;
const PERSONS = /(\d[\d,]*)\s*명/;
const COUNT_COLUMNS = ["일자리수", "사업인원", "채용인원"];

export interface Headcount {
  value: number;
  ref: SourceRef;
}

function personsIn(text: string): number | null {
  const m = PERSONS.exec(text);
  if (!m) return null;
  const c = readCell(m[1], { kind: "count" });
  return c.kind === "value" ? c.value : null;
}

/** Reads the head count of the project whose body is lines[start, end) (0-based). */
export function readHeadcount(
  lines: readonly string[],
  start: number,
  end: number,
  path: string[],
  sink: FindingSink,
): Headcount | undefined {
  let stated: Headcount | undefined;
  let group: Headcount | undefined;
  let table: Headcount | undefined;
  for (let i = start; i < end; i++) {
    const line = lines[i];
    if (isTableLine(line)) {
      const { rows, end: tEnd } = readTable(lines, i);
      if (!table) table = countFromTable(lines, i, rows, path, sink);
      i = tEnd - 1;
      continue;
    }
    const t = cleanText(line).replace(LEAD, "");
    const s = STATED.exec(t);
    if (s && !stated) {
      const v = personsIn(s[1]);
      if (v !== null) stated = { value: v, ref: { line: i + 1 } };
      continue;
    }
    const g = TARGET_GROUP.exec(t);
    if (g && !group) {
      const v = personsIn(g[1]);
      if (v !== null) group = { value: v, ref: { line: i + 1 } };
    }
  }
  return stated ?? group ?? table;
}

function countFromTable(
  lines: readonly string[],
  index: number,
  rows: ReturnType<typeof readTable>["rows"],
  path: string[],
  sink: FindingSink,
): Headcount | undefined {
  if (rows.length < 2) return undefined;
  const header = rows[0].cells.map(foldLabel);
  let col = header.findIndex((h) => COUNT_COLUMNS.includes(h));
  let onlyFirstRow = false;
  if (col < 0) {
    const educated = header.indexOf("교육인원");
    if (educated < 0 || !underProjectGoal(lines, index)) return undefined;
    col = educated;
    onlyFirstRow = true;
  }
  const data = onlyFirstRow ? rows.slice(1, 2) : rows.slice(1);
  let sum = 0;
  let any = false;
  for (const row of data) {
    const cell = row.cells[col] ?? "";
    // `18명 (교육인원 90%)`: the count is the figure before the remark.
    const text = cell.replace(/\s*[(（].*$/, "");
    const c = readCell(text, { kind: "count" });
    if (c.kind === "value") {
      sum += c.value;
      any = true;
    } else if (c.kind !== "blank" && c.kind !== "none") {
      sink.unreadable(row.line, path, cell, "project", { ko: "인원", en: "head count" });
      return undefined;
    }
  }
  return any ? { value: sum, ref: { line: rows[0].line } } : undefined;
}

/** True when the nearest text line above the table is a bare `사업목표` bullet. */
function underProjectGoal(lines: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    if (isBlank(lines[i])) continue;
    return foldLabel(cleanText(lines[i]).replace(LEAD, "")) === "사업목표";
  }
  return false;
}
