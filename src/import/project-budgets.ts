/**
 * The projects of a task section and their budget lines, cut into cells of the projects
 * table (the builder reads the figures).
 *
 * Under `□ 사업내용` (or `■ 주요내용`) each project starts with `○ name`, `◦ name` or
 * `① name`; sections without such lines list projects as bold bullets `- **name**`. A
 * project's budget is a line `- 사업예산 : 154,000천원(국 108,000, 구 46,000)` (or `사 업 비`,
 * `소요예산`, `총사업비`, `예산`). Projects without such a line keep no budget: the document
 * states none.
 */
import type { FundingSource } from "../core/model";
import type { Field } from "../core/plan-builder";
import { readBudgetLine } from "./budget-line";
import { readHeadcount } from "./headcounts";
import { cleanText, foldLabel, isTableLine } from "./lines";
import { displayName } from "./names";
import type { FindingSink } from "./report";

const PROJECT_LINE = /^\s*[○◦●]\s*(.+)$/;
const NUMBERED_LINE = /^\s*[①-⑳]\s*(.+)$/;
const BOLD_BULLET = /^\s*[-·]\s*\*\*(.+?)\*\*\s*$/;
const BUDGET_LINE = /^[-·*※○◦\s]*(?:사\s*업\s*(?:예\s*산|비)|소\s*요\s*예\s*산|총\s*사\s*업\s*비|예\s*산)\s*[:：]\s*(.*)$/;
const CONTENT_HEADINGS = ["사업내용", "주요내용", "추진내용", "세부내용"];

/** 0-based [start, end) of the 사업내용 block of a section region. */
export function contentBlock(lines: readonly string[], regionStart: number, regionEnd: number): [number, number] {
  let start = -1;
  for (let i = regionStart; i < regionEnd; i++) {
    const t = cleanText(lines[i]);
    if (start < 0) {
      if (/^[□■]/.test(t) && CONTENT_HEADINGS.includes(foldLabel(t).replace(/[□■]/g, ""))) start = i + 1;
      continue;
    }
    if (/^[□■]/.test(t)) return [start, i];
  }
  if (start >= 0) return [start, regionEnd];
  // No 사업내용 heading: take the region up to 기대효과.
  for (let i = regionStart; i < regionEnd; i++) {
    const t = cleanText(lines[i]);
    if (/^[□■]/.test(t) && foldLabel(t).includes("기대효과")) return [regionStart, i];
  }
  return [regionStart, regionEnd];
}

/** A project as the document states it, cells by builder field. */
export interface ProjectCells {
  name: string;
  line: number;
  /** Budget cells (`total`, `src:<key>`) and the line they are on, when a budget line exists. */
  budget?: { cells: Record<Field, string>; line: number };
  headcount?: { value: number; line: number };
}

export function readProjects(lines: readonly string[], block: [number, number], sources: readonly FundingSource[], taskPath: string[], sink: FindingSink): ProjectCells[] {
  const [from, to] = block;
  let starts = findStarts(lines, from, to, PROJECT_LINE);
  if (starts.length === 0) starts = findStarts(lines, from, to, NUMBERED_LINE);
  if (starts.length === 0) starts = findStarts(lines, from, to, BOLD_BULLET);
  return starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].index : to;
    const project: ProjectCells = { name: s.name, line: s.index + 1 };
    const path = [...taskPath, s.name];
    for (let i = s.index + 1; i < end; i++) {
      const line = textLine(lines[i]);
      if (line === undefined) continue;
      const m = BUDGET_LINE.exec(cleanText(line));
      if (!m) continue;
      if (project.budget) {
        sink.unreadable(i + 1, path, cleanText(lines[i]), "project", {
          ko: "사업예산이 두 번 적혀 있어 첫 번째만 읽었습니다",
          en: "a second budget line; only the first was read",
        });
        continue;
      }
      const read = readBudgetLine(m[1], sources);
      if (!read) continue;
      for (const p of read.problems) sink.unreadable(i + 1, path, p.text, "project", p.why, "error");
      project.budget = { cells: read.cells, line: i + 1 };
    }
    const hc = readHeadcount(lines, s.index + 1, end, path, sink);
    if (hc) project.headcount = { value: hc.value, line: hc.ref.line! };
    return project;
  });
}

/** A text line, with the tabs a word processor puts before indented text taken as indentation. */
function textLine(line: string): string | undefined {
  const t = line.replace(/^[\t ]+/, "");
  return isTableLine(t) ? undefined : t;
}

function findStarts(lines: readonly string[], from: number, to: number, re: RegExp): Array<{ index: number; name: string }> {
  const out: Array<{ index: number; name: string }> = [];
  for (let i = from; i < to; i++) {
    const line = textLine(lines[i]);
    if (line === undefined) continue;
    const m = re.exec(line);
    if (!m) continue;
    const name = displayName(m[1]);
    if (name) out.push({ index: i, name });
  }
  return out;
}
