/**
 * What every reader hands to the plan builder: tables of raw cells, each with the column of
 * every field it found and a way to say where a cell is. The text importer, the .xlsx and
 * Excel readers and the custom functions only find their tables and fill these in; reading
 * figures, names and totals rows is the builder's.
 */
import type { PlanTable } from "../findings";
import type { PlanSettings, SourceRef, Unit } from "../model";

/** The tables of a plan, by what they hold. */
export type Role =
  /** 추진계획: a task's declared plan table (one row per task), amounts in 천원. */
  | "taskPlans"
  /** 세부사업: one row per project with its budget, in 천원. */
  | "projects"
  /** 요약: the summary by task, budget in 백만원. */
  | "summaryByTask"
  /** 분야별 목표: the summary by strategy with the funding split, in 백만원. */
  | "summaryByStrategy"
  /** 지역 일자리 목표 요약: the plan-wide budget (one row) and headline targets. */
  | "planBudget"
  /** 공통 일자리 목표. */
  | "commonTargets"
  /** 추진일정. */
  | "schedule";

/**
 * Field names, by role. Funding-source amounts are `src:<key>` (keys from the settings).
 * - taskPlans: strategy, task, target, total, src:*
 * - projects: strategy, task, project, headcount, total, src:*
 * - summaryByTask: strategy, task, projects, target, total
 * - summaryByStrategy: strategy, target, total, src:*
 * - planBudget: total, src:*, insuredTarget, employmentRateTarget
 * - commonTargets: name, unit, lastTarget, lastResult, achievementRate, target, changeRate
 * - schedule: level, name, m1 ... m12
 */
export type Field = string;

export const SOURCE_FIELD_PREFIX = "src:";

export function sourceField(key: string): Field {
  return SOURCE_FIELD_PREFIX + key;
}

export function sourceKeyOf(field: Field): string | undefined {
  return field.startsWith(SOURCE_FIELD_PREFIX) ? field.slice(SOURCE_FIELD_PREFIX.length) : undefined;
}

/** A table of raw cells, body rows only (the header is the reader's business). */
export interface RowsTable {
  role: Role;
  /** Field -> column index within each row. A field without a column was not found. */
  columns: Readonly<Record<Field, number>>;
  /** Unit of a bare number per money field (from its header); the role's unit otherwise. */
  units?: Readonly<Record<Field, Unit>>;
  /** Header text per field, for messages (`계(천원)`, `Total`). */
  headers?: Readonly<Record<Field, string>>;
  rows: ReadonlyArray<ReadonlyArray<unknown>>;
  /** Indexes of rows that are totals rows by position (an Excel table's totals row). */
  totalsRows?: readonly number[];
  /** Where a cell is: row index in `rows`, column index. */
  at(row: number, col: number): SourceRef;
  /** Where the table is, for findings about the whole table (a missing column). */
  where: SourceRef;
  /** How the table is named to a reader (`추진계획` / `task plans`), when the reader knows better. */
  label?: { ko: string; en: string };
  /** How fields are headed in this table's form, to name a column that is missing. */
  names?: Readonly<Record<Field, { ko: string; en: string }>>;
}

/** Everything a plan is built from. Tables may be missing; each role appears at most once. */
export interface PlanInput {
  settings: PlanSettings;
  name?: string;
  region?: string;
  year?: number;
  /** Source keys the summary tables have columns for, when the reader knows them (a SourceList). */
  sourceKeys?: string[];
  tables: RowsTable[];
  /**
   * Without a task plan table, a task's budget is what its projects add up to (the custom
   * functions given only a projects range); otherwise a missing table is a finding.
   */
  tasksFromProjects?: boolean;
}

/** The unit bare numbers of a role's money columns are in. */
export const ROLE_UNIT: Record<Role, Unit | undefined> = {
  taskPlans: "천원",
  projects: "천원",
  summaryByTask: "백만원",
  summaryByStrategy: "백만원",
  planBudget: "백만원",
  commonTargets: undefined,
  schedule: undefined,
};

/** The plan table a role's findings belong to. */
export const ROLE_TABLE: Record<Role, PlanTable> = {
  taskPlans: "task-plan",
  projects: "project",
  summaryByTask: "summary-by-task",
  summaryByStrategy: "summary-by-strategy",
  planBudget: "plan-budget",
  commonTargets: "common-targets",
  schedule: "schedule",
};

/** How a role's table is named in messages. */
export const ROLE_LABEL: Record<Role, { ko: string; en: string }> = {
  taskPlans: { ko: "추진계획", en: "task plans" },
  projects: { ko: "세부사업", en: "projects" },
  summaryByTask: { ko: "요약(실천과제별)", en: "summary by task" },
  summaryByStrategy: { ko: "분야별 목표", en: "summary by strategy" },
  planBudget: { ko: "지역 일자리 목표 요약", en: "plan budget summary" },
  commonTargets: { ko: "공통 일자리 목표", en: "common job targets" },
  schedule: { ko: "추진일정", en: "schedule" },
};

/** Names of fields in messages. */
export const FIELD_LABEL: Record<string, { ko: string; en: string }> = {
  strategy: { ko: "추진전략", en: "strategy" },
  task: { ko: "실천과제", en: "task" },
  project: { ko: "세부사업", en: "project" },
  projects: { ko: "세부사업내용", en: "projects" },
  target: { ko: "일자리 목표", en: "job target" },
  headcount: { ko: "인원", en: "head count" },
  total: { ko: "계", en: "total" },
  insuredTarget: { ko: "목표 피보험자 수", en: "insured target" },
  employmentRateTarget: { ko: "목표 취업률", en: "employment rate target" },
  name: { ko: "구분", en: "item" },
  lastTarget: { ko: "전년 목표", en: "last year's target" },
  lastResult: { ko: "전년 실적", en: "last year's result" },
  achievementRate: { ko: "달성률", en: "achievement rate" },
  changeRate: { ko: "증감률", en: "change rate" },
};
