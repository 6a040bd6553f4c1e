/**
 * Imports a plan document's text: finds its tables, cuts them into cells, and hands them to
 * the core plan builder, which reads every figure as it reads a workbook's cells.
 *
 * The model's strategy and task names come from the summary by task (요약): detail headings
 * are descriptive titles (`좋은 일자리 창출을 위한 사회적기업·마을기업 육성 지원` is the
 * summary's `사회적 경제조직 육성·지원`). Detail sections are attached to summary tasks in
 * document order when the counts agree; otherwise by name similarity, and what cannot be
 * paired is reported as "unmatched".
 */
import type { Finding } from "../core/findings";
import { defaultSettings, type Plan, type PlanSettings } from "../core/model";
import { buildPlan, sourceField, type Field, type RowsTable } from "../core/plan-builder";
import { findCommonTargets } from "./common-targets";
import { cleanText, isBlank, isTableLine, splitLines } from "./lines";
import { displayName, headingSimilarity, headingTaskPart, nameSimilarity } from "./names";
import { contentBlock, readProjects } from "./project-budgets";
import { FindingSink } from "./report";
import { findSchedule } from "./schedule";
import { findDetailSections, isDetailPartHeading, type DetailSection } from "./sections";
import { findPlanBudget, findStrategySummary, findTaskSummary, type SummaryTaskName } from "./summary-tables";
import { readTaskPlanTable } from "./task-plan-table";
import { textTable, type TextRow } from "./text-table";
import { withParticle } from "../core/particles";

export interface ImportOptions {
  settings?: PlanSettings;
}

/** How a detail section was attached to a task, for reports and debugging. */
export interface SectionMatch {
  heading?: string;
  headingLine?: number;
  strategyLabel?: string;
  markerLine: number;
  /** The strategy and task the section's figures belong to. */
  strategy: string;
  task: string;
  /** Whether the section pairs with a row of the summary by task. */
  matched: boolean;
  /** The line of that row. */
  summaryLine?: number;
  /** Similarity of heading and task name, 0..1. */
  similarity?: number;
  by: "order" | "name" | "heading";
}

export interface ImportResult {
  plan: Plan;
  findings: Finding[];
  sections: SectionMatch[];
}

export function importPlanText(text: string, options: ImportOptions = {}): ImportResult {
  const settings = options.settings ?? defaultSettings();
  const sources = settings.sources;
  const lines = splitLines(text);
  const sink = new FindingSink();
  const tables: RowsTable[] = [];
  const found = <T extends RowsTable | undefined>(t: T, what: { ko: string; en: string }, table: Parameters<FindingSink["missingTable"]>[1]): T => {
    if (t) tables.push(t);
    else sink.missingTable(what, table);
    return t;
  };

  const byTask = findTaskSummary(lines);
  found(byTask?.table, { ko: "요약(실천과제별)", en: "summary by task" }, "summary-by-task");
  found(findPlanBudget(lines, sources), { ko: "지역 일자리 예산 요약", en: "plan budget summary" }, "plan-budget");
  found(findStrategySummary(lines, sources), { ko: "분야별 목표", en: "summary by strategy" }, "summary-by-strategy");
  found(findCommonTargets(lines), { ko: "공통 일자리 목표", en: "common job targets" }, "common-targets");

  let detailStart = lines.findIndex(isDetailPartHeading);
  if (detailStart < 0) detailStart = byTask ? byTask.end : 0;
  const sections = findDetailSections(lines, detailStart);
  if (sections.length === 0) sink.missingTable({ ko: "실천과제별 추진계획", en: "task plan tables" }, "task-plan");
  const matches = byTask ? matchSections(byTask.names, sections, sink) : strategiesFromHeadings(sections);
  const detail = detailTables(lines, sections, matches, sources, sink, detailStart + 1);
  tables.push(...detail);

  found(findSchedule(lines), { ko: "추진일정", en: "schedule" }, "schedule");

  const title = readTitle(lines);
  const built = buildPlan({ settings, ...title, tables });
  return { plan: built.plan, findings: [...sink.findings, ...built.findings], sections: matches };
}

/** The task plans (one row per section) and projects tables of the detail part. */
function detailTables(lines: readonly string[], sections: readonly DetailSection[], matches: readonly SectionMatch[], sources: PlanSettings["sources"], sink: FindingSink, where: number): RowsTable[] {
  const money: Field[] = ["total", ...sources.map((s) => sourceField(s.key))];
  const taskRows: TextRow[] = [];
  const projectRows: TextRow[] = [];
  sections.forEach((section, k) => {
    const { strategy, task, summaryLine } = matches[k];
    const path = [strategy, task];
    // A task named by the summary was read there; its figures are read in its section.
    const taskLine = summaryLine ?? section.heading?.line ?? section.markerIndex + 1;
    const strategyLine = section.strategyLabel?.line ?? taskLine;
    const table = readTaskPlanTable(section.tableRows, sources, path, sink);
    taskRows.push({
      line: section.markerIndex + 1,
      cells: { strategy, task, ...table.cells },
      lines: { strategy: strategyLine, task: taskLine, ...table.lines },
    });
    const block = contentBlock(lines, section.regionStart, section.markerIndex);
    for (const p of readProjects(lines, block, sources, path, sink)) {
      const cellLines: Record<Field, number> = { strategy: strategyLine, task: taskLine };
      for (const f of money) if (p.budget?.cells[f] !== undefined) cellLines[f] = p.budget.line;
      if (p.headcount) cellLines.headcount = p.headcount.line;
      projectRows.push({
        line: p.line,
        cells: { strategy, task, project: p.name, headcount: p.headcount?.value ?? null, ...p.budget?.cells },
        lines: cellLines,
      });
    }
  });
  if (!sections.length) return [];
  return [
    textTable("taskPlans", ["strategy", "task", "target", ...money], taskRows, { line: where }),
    textTable("projects", ["strategy", "task", "project", "headcount", ...money], projectRows, { line: where }),
  ];
}

function readTitle(lines: readonly string[]): { name?: string; region?: string; year?: number } {
  const head = lines.slice(0, 40).filter((l) => !isTableLine(l) && !isBlank(l)).map(cleanText);
  const title = head.find((l) => /세부\s*계획/.test(l) && !/^[-–]/.test(l));
  const region =
    head.find((l) => /^\S+(?:특별시|광역시|특별자치시|특별자치도|도)\s+\S+(?:시|군|구)$/.test(l)) ??
    head.find((l) => /^\S{1,8}(?:특별시|광역시|특별자치시|특별자치도|도)$/.test(l));
  const year = /(\d{4})\s*년/.exec(title ?? "");
  return { name: title ?? "", region, year: year ? Number(year[1]) : undefined };
}

/** Pairs sections with the summary's tasks: in order when the counts agree, else by name. */
function matchSections(rows: readonly SummaryTaskName[], sections: readonly DetailSection[], sink: FindingSink): SectionMatch[] {
  const strategyNumber = (row: SummaryTaskName) => [...new Set(rows.map((r) => r.strategy))].indexOf(row.strategy) + 1;
  if (rows.length === sections.length) {
    return sections.map((sec, k) => {
      const row = rows[k];
      const m: SectionMatch = { ...matchBase(sec), strategy: row.strategy, task: row.task, matched: true, summaryLine: row.line, by: "order" };
      if (sec.heading) m.similarity = round2(headingSimilarity(sec.heading.text, row.task));
      // A [전략N] label that points elsewhere means the order assumption is wrong here.
      const n = sec.strategyLabel?.number;
      if (n != null && n !== strategyNumber(row)) {
        sink.unmatched(
          sec.strategyLabel!.line,
          [row.strategy, row.task],
          {
            ko: `세부계획 ${withParticle(`[전략${n}]`, "이/가")} 요약의 ${strategyNumber(row)}번째 전략 자리에 있습니다`,
            en: `Detail section labelled strategy ${n} sits where the summary has strategy ${strategyNumber(row)}`,
          },
          "task-plan",
        );
      }
      return m;
    });
  }

  // Counts differ: pair by name, best pairs first, within the [전략N] strategy when labelled.
  const pairs: Array<{ k: number; r: number; sim: number }> = [];
  sections.forEach((sec, k) => {
    rows.forEach((row, r) => {
      const n = sec.strategyLabel?.number;
      if (n != null && n !== strategyNumber(row)) return;
      const sim = sec.heading ? headingSimilarity(sec.heading.text, row.task) : 0;
      if (sim >= 0.35) pairs.push({ k, r, sim });
    });
  });
  pairs.sort((a, b) => b.sim - a.sim || a.k - b.k);
  const out: Array<SectionMatch | undefined> = sections.map(() => undefined);
  const usedRows = new Set<number>();
  for (const p of pairs) {
    if (out[p.k] || usedRows.has(p.r)) continue;
    usedRows.add(p.r);
    out[p.k] = { ...matchBase(sections[p.k]), strategy: rows[p.r].strategy, task: rows[p.r].task, matched: true, summaryLine: rows[p.r].line, similarity: round2(p.sim), by: "name" };
  }
  rows.forEach((row, r) => {
    if (usedRows.has(r)) return;
    sink.unmatched(row.line, [row.strategy, row.task], {
      ko: `요약의 실천과제 "${row.task}"에 맞는 세부계획이 없습니다`,
      en: `No detail section matches the summary task "${row.task}"`,
    }, "summary-by-task");
  });
  return sections.map((sec, k) => {
    const m = out[k];
    if (m) return m;
    sink.unmatched(sec.heading?.line ?? sec.markerIndex + 1, [sec.heading?.text ?? ""], {
      ko: `세부계획 "${sec.heading?.text ?? ""}"에 맞는 요약의 실천과제가 없습니다`,
      en: `No summary task matches the detail section "${sec.heading?.text ?? ""}"`,
    }, "task-plan");
    // Its figures still land in the plan, under its own heading.
    return { ...matchBase(sec), strategy: orphanStrategy(rows, sec), task: displayName(sec.heading?.text ?? `추진계획 ${sec.markerIndex + 1}행`), matched: false, by: "heading" };
  });
}

function matchBase(sec: DetailSection): Pick<SectionMatch, "markerLine" | "heading" | "headingLine" | "strategyLabel"> {
  const m: Pick<SectionMatch, "markerLine" | "heading" | "headingLine" | "strategyLabel"> = { markerLine: sec.markerIndex + 1 };
  if (sec.heading) {
    m.heading = sec.heading.text;
    m.headingLine = sec.heading.line;
  }
  if (sec.strategyLabel) m.strategyLabel = sec.strategyLabel.name;
  return m;
}

/** Without a summary by task, strategies come from [전략N] labels and tasks from headings. */
function strategiesFromHeadings(sections: readonly DetailSection[]): SectionMatch[] {
  let current = "";
  return sections.map((sec) => {
    if (sec.strategyLabel) current = displayName(sec.strategyLabel.name);
    return { ...matchBase(sec), strategy: current, task: displayName(headingTaskPart(sec.heading?.text ?? "")), matched: true, by: "heading" as const };
  });
}

/** The strategy of a section no summary task matches: its [전략N] label, matched loosely to the summary's. */
function orphanStrategy(rows: readonly SummaryTaskName[], sec: DetailSection): string {
  const name = sec.strategyLabel?.name ?? "";
  if (!name) return "";
  return rows.find((r) => nameSimilarity(r.strategy, name) >= 0.8)?.strategy ?? displayName(name);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
