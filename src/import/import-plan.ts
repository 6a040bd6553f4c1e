/**
 * Assembles a Plan from the text of a plan document.
 *
 * The model's strategy and task names come from the summary by task (요약): detail headings
 * are descriptive titles (`좋은 일자리 창출을 위한 사회적기업·마을기업 육성 지원` is the
 * summary's `사회적 경제조직 육성·지원`). Detail sections are attached to summary tasks in
 * document order when the counts agree; otherwise by name similarity, and what cannot be
 * paired is reported as "unmatched".
 */
import type { Finding } from "../core/findings";
import {
  defaultSettings,
  emptyBudget,
  type Plan,
  type PlanSettings,
  type Strategy,
  type SummaryTaskRow,
  type Task,
} from "../core/model";
import { findCommonTargets } from "./common-targets";
import { cleanText, isBlank, isTableLine, splitLines } from "./lines";
import { displayName, headingSimilarity, headingTaskPart, nameSimilarity } from "./names";
import { contentBlock, readProjects } from "./project-budgets";
import { FindingSink } from "./report";
import { findSchedule } from "./schedule";
import { findDetailSections, isDetailPartHeading, type DetailSection } from "./sections";
import { findPlanBudget, findStrategySummary, findTaskSummary } from "./summary-tables";
import { readTaskPlanTable } from "./task-plan-table";

export interface ImportOptions {
  settings?: PlanSettings;
}

/** How a detail section was attached to a task, for reports and debugging. */
export interface SectionMatch {
  heading?: string;
  headingLine?: number;
  strategyLabel?: string;
  markerLine: number;
  /** Index into plan.strategies / their tasks, or undefined when unmatched. */
  strategyIndex?: number;
  taskIndex?: number;
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
  const plan: Plan = {
    name: "",
    settings,
    strategies: [],
    summary: {},
    commonTargets: [],
    schedule: [],
  };
  readTitle(lines, plan);

  // Summary tables
  const byTask = findTaskSummary(lines, sink);
  if (byTask) {
    plan.summary.byTask = { rows: byTask.rows };
    if (byTask.total) plan.summary.byTask.total = byTask.total;
  } else sink.missingTable({ ko: "요약(실천과제별)", en: "summary by task" }, "summary-by-task");

  const sourceKeys = new Set<string>();
  const planBudget = findPlanBudget(lines, sources, sink);
  if (planBudget) {
    plan.summary.planBudget = planBudget.budget;
    plan.headline = planBudget.headline;
    planBudget.sourceKeys.forEach((k) => sourceKeys.add(k));
  } else sink.missingTable({ ko: "지역 일자리 예산 요약", en: "plan budget summary" }, "plan-budget");

  const byStrategy = findStrategySummary(lines, sources, sink);
  if (byStrategy) {
    plan.summary.byStrategy = { rows: byStrategy.rows };
    if (byStrategy.total) plan.summary.byStrategy.total = byStrategy.total;
    byStrategy.sourceKeys.forEach((k) => sourceKeys.add(k));
  } else sink.missingTable({ ko: "분야별 목표", en: "summary by strategy" }, "summary-by-strategy");
  if (sourceKeys.size) plan.summary.sourceKeys = sources.map((s) => s.key).filter((k) => sourceKeys.has(k));

  const common = findCommonTargets(lines, sink);
  if (common) plan.commonTargets = common;
  else sink.missingTable({ ko: "공통 일자리 목표", en: "common job targets" }, "common-targets");

  // Detail sections
  let detailStart = lines.findIndex(isDetailPartHeading);
  if (detailStart < 0) detailStart = byTask ? byTask.end : 0;
  const sections = findDetailSections(lines, detailStart);
  if (sections.length === 0) sink.missingTable({ ko: "실천과제별 추진계획", en: "task plan tables" }, "task-plan");

  const matches = byTask ? matchSections(byTask.rows, sections, plan, sink) : strategiesFromHeadings(sections, plan);

  sections.forEach((section, k) => {
    const m = matches[k];
    let task: Task;
    let strategy: Strategy;
    if (m.strategyIndex === undefined || m.taskIndex === undefined) {
      // An unmatched section still lands in the plan, under a strategy of its own making,
      // so that its figures are not lost.
      strategy = orphanStrategy(plan, section);
      task = newTask(displayName(section.heading?.text ?? `추진계획 ${section.markerIndex + 1}행`));
      strategy.tasks.push(task);
      m.strategyIndex = plan.strategies.indexOf(strategy);
      m.taskIndex = strategy.tasks.length - 1;
    } else {
      strategy = plan.strategies[m.strategyIndex];
      task = strategy.tasks[m.taskIndex];
    }
    const path = [strategy.name, task.name];
    task.ref = { line: section.heading?.line ?? section.markerIndex + 1 };
    const table = readTaskPlanTable(section.tableRows, section.markerIndex + 1, sources, path, sink);
    task.target = table.target;
    if (table.targetRef) task.targetRef = table.targetRef;
    task.budget = table.budget;
    const block = contentBlock(lines, section.regionStart, section.markerIndex);
    task.projects = readProjects(lines, block, sources, path, sink);
  });

  const schedule = findSchedule(lines);
  if (schedule) plan.schedule = schedule;
  else sink.missingTable({ ko: "추진일정", en: "schedule" }, "schedule");

  return { plan, findings: sink.findings, sections: matches };
}

function newTask(name: string): Task {
  return { name, target: null, budget: emptyBudget(), projects: [] };
}

function readTitle(lines: readonly string[], plan: Plan): void {
  const head = lines.slice(0, 40).filter((l) => !isTableLine(l) && !isBlank(l)).map(cleanText);
  const title = head.find((l) => /세부\s*계획/.test(l) && !/^[-–]/.test(l));
  if (title) plan.name = title;
  const region = head.find((l) => /^\S+(?:특별시|광역시|특별자치시|특별자치도|도)\s+\S+(?:시|군|구)$/.test(l));
  if (region) plan.region = region;
  const year = /(\d{4})\s*년/.exec(title ?? "");
  if (year) plan.year = Number(year[1]);
}

/** Builds strategies and tasks from the summary by task, then pairs sections with tasks. */
function matchSections(rows: readonly SummaryTaskRow[], sections: readonly DetailSection[], plan: Plan, sink: FindingSink): SectionMatch[] {
  const flat: Array<{ s: number; t: number; row: SummaryTaskRow }> = [];
  for (const row of rows) {
    let s = plan.strategies.findIndex((x) => x.name === row.strategy);
    if (s < 0) {
      plan.strategies.push({ name: row.strategy, tasks: [], ref: row.ref ? { ...row.ref } : undefined });
      s = plan.strategies.length - 1;
    }
    const strategy = plan.strategies[s];
    strategy.tasks.push(newTask(row.task));
    flat.push({ s, t: strategy.tasks.length - 1, row });
  }
  const base = sections.map((sec) => matchBase(sec));

  if (flat.length === sections.length) {
    return sections.map((sec, k) => {
      const f = flat[k];
      const m: SectionMatch = { ...base[k], strategyIndex: f.s, taskIndex: f.t, by: "order" };
      if (sec.heading) m.similarity = round2(headingSimilarity(sec.heading.text, f.row.task));
      // A [전략N] label that points elsewhere means the order assumption is wrong here.
      const n = sec.strategyLabel?.number;
      if (n != null && n !== f.s + 1) {
        sink.unmatched(
          sec.strategyLabel!.line,
          [f.row.strategy, f.row.task],
          {
            ko: `세부계획 [전략${n}]이(가) 요약의 ${f.s + 1}번째 전략 자리에 있습니다`,
            en: `Detail section labelled strategy ${n} sits where the summary has strategy ${f.s + 1}`,
          },
          "task-plan",
        );
      }
      return m;
    });
  }

  // Counts differ: pair by name, best pairs first, within the [전략N] strategy when labelled.
  const pairs: Array<{ k: number; f: number; sim: number }> = [];
  sections.forEach((sec, k) => {
    flat.forEach((f, fi) => {
      const n = sec.strategyLabel?.number;
      if (n != null && n !== f.s + 1) return;
      const sim = sec.heading ? headingSimilarity(sec.heading.text, f.row.task) : 0;
      if (sim >= 0.35) pairs.push({ k, f: fi, sim });
    });
  });
  pairs.sort((a, b) => b.sim - a.sim || a.k - b.k);
  const out: SectionMatch[] = base.map((b) => ({ ...b }));
  const usedTask = new Set<number>();
  for (const p of pairs) {
    if (out[p.k].taskIndex !== undefined || usedTask.has(p.f)) continue;
    usedTask.add(p.f);
    out[p.k] = { ...out[p.k], strategyIndex: flat[p.f].s, taskIndex: flat[p.f].t, similarity: round2(p.sim), by: "name" };
  }
  sections.forEach((sec, k) => {
    if (out[k].taskIndex !== undefined) return;
    sink.unmatched(sec.heading?.line ?? sec.markerIndex + 1, [sec.heading?.text ?? ""], {
      ko: `세부계획 "${sec.heading?.text ?? ""}"에 맞는 요약의 실천과제가 없습니다`,
      en: `No summary task matches the detail section "${sec.heading?.text ?? ""}"`,
    }, "task-plan");
  });
  flat.forEach((f, fi) => {
    if (usedTask.has(fi)) return;
    sink.unmatched(f.row.ref?.line, [f.row.strategy, f.row.task], {
      ko: `요약의 실천과제 "${f.row.task}"에 맞는 세부계획이 없습니다`,
      en: `No detail section matches the summary task "${f.row.task}"`,
    }, "summary-by-task");
  });
  return out;
}

function matchBase(sec: DetailSection): SectionMatch {
  const m: SectionMatch = { markerLine: sec.markerIndex + 1, by: "order" };
  if (sec.heading) {
    m.heading = sec.heading.text;
    m.headingLine = sec.heading.line;
  }
  if (sec.strategyLabel) m.strategyLabel = sec.strategyLabel.name;
  return m;
}

/** Without a summary by task, strategies come from [전략N] labels and tasks from headings. */
function strategiesFromHeadings(sections: readonly DetailSection[], plan: Plan): SectionMatch[] {
  let current: Strategy | undefined;
  return sections.map((sec) => {
    if (sec.strategyLabel) {
      const name = sec.strategyLabel.name;
      current = plan.strategies.find((s) => nameSimilarity(s.name, name) === 1);
      if (!current) {
        current = { name, tasks: [], ref: { line: sec.strategyLabel.line } };
        plan.strategies.push(current);
      }
    }
    if (!current) {
      current = { name: "", tasks: [] };
      plan.strategies.push(current);
    }
    current.tasks.push(newTask(headingTaskPart(sec.heading?.text ?? "")));
    return {
      ...matchBase(sec),
      strategyIndex: plan.strategies.indexOf(current),
      taskIndex: current.tasks.length - 1,
      by: "heading" as const,
    };
  });
}

function orphanStrategy(plan: Plan, sec: DetailSection): Strategy {
  const name = sec.strategyLabel?.name ?? "";
  const found = plan.strategies.find((s) => (name ? nameSimilarity(s.name, name) >= 0.8 : s.name === ""));
  if (found) return found;
  const s: Strategy = { name, tasks: [] };
  plan.strategies.push(s);
  return s;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
