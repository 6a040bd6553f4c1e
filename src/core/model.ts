/**
 * The plan model: plan -> strategies -> tasks -> projects, plus the summary tables a plan
 * declares. Everything here is plain data so that a plan can come from a text document, an
 * .xlsx file or an Excel workbook alike.
 *
 * Amounts are integers. Detail figures (tasks, projects) are in 천원; summary figures are in
 * 백만원. Keeping integers avoids float drift when adding thousands of rows.
 */

/** Where a figure was read: a line of a text document, or a cell of a workbook. */
export interface SourceRef {
  line?: number;
  sheet?: string;
  cell?: string;
  /**
   * The text as written, kept only where it is not a well-formed number (`867,5000천원`): the
   * figure holds the likely value for the checks, and writers put this text back so that
   * what the document said is never replaced by a guess.
   */
  raw?: string;
}

export type Unit = "원" | "천원" | "백만원" | "억원";

export type RoundingMode = "half-up" | "largest-remainder";

/** A funding source (국비, 시도비, ...). Which sources exist is configuration, not code. */
export interface FundingSource {
  /** Stable key used in budgets and findings. */
  key: string;
  /** Korean label as written in the plan's tables. */
  label: string;
  /** English label for the UI and reports. */
  labelEn: string;
  /** Other spellings that mean this source (시비, 구비, 도비, 국 ...). */
  aliases: string[];
  /** Private money (민자) is left out of the public summary tables of some plans. */
  isPrivate?: boolean;
}

export interface PlanSettings {
  sources: FundingSource[];
  roundingMode: RoundingMode;
}

/**
 * A budget and its split by source. `total` is null when the document states none. A source
 * missing from `parts` was not stated, which the domain reads as zero. The keys of `parts`
 * are the plan's source keys (settings.sources) and no others: the checks walk them by those.
 */
export interface Budget {
  total: number | null;
  parts: Record<string, number>;
  /** Where each figure was read; keys are "total" and source keys. */
  refs?: Record<string, SourceRef>;
}

export interface Project {
  name: string;
  budget?: Budget;
  /** Head count (persons) where the document states one. */
  headcount?: number | null;
  ref?: SourceRef;
  headcountRef?: SourceRef;
}

export interface Task {
  name: string;
  /** Declared job target in persons; null for `-` (none). */
  target: number | null;
  targetRef?: SourceRef;
  /** Declared budget of the task's plan table, in 천원. */
  budget: Budget;
  projects: Project[];
  ref?: SourceRef;
}

export interface Strategy {
  name: string;
  tasks: Task[];
  ref?: SourceRef;
}

/** A row of the summary by task (요약), budget in 백만원. */
export interface SummaryTaskRow {
  strategy: string;
  task: string;
  /** Project names as the summary lists them (one entry may name several projects). */
  projects: string[];
  target: number | null;
  budget: number | null;
  ref?: SourceRef;
  refs?: { target?: SourceRef; budget?: SourceRef; projects?: SourceRef };
}

/** A row of the summary by strategy with the funding split (분야별 목표), in 백만원. */
export interface SummaryStrategyRow {
  strategy: string;
  target: number | null;
  budget: Budget;
  ref?: SourceRef;
  targetRef?: SourceRef;
}

export interface SummaryTotals {
  target: number | null;
  budget: Budget;
  ref?: SourceRef;
  targetRef?: SourceRef;
}

/** A 소계 row of the summary by task: the rows of one strategy added up, in 백만원. */
export interface SummarySubtotal {
  strategy: string;
  target: number | null;
  budget: number | null;
  ref?: SourceRef;
  refs?: { target?: SourceRef; budget?: SourceRef };
}

/**
 * Fields a summary table has no column for ("target", "total"): it states nothing about
 * them, so they are not compared (the missing column is reported once).
 */
export type MissingFields = Array<"target" | "total">;

/** The summary tables a plan declares, as written. Every part is optional. */
export interface PlanSummary {
  byTask?: { rows: SummaryTaskRow[]; total?: SummaryTotals; subtotals?: SummarySubtotal[]; missing?: MissingFields };
  byStrategy?: { rows: SummaryStrategyRow[]; total?: SummaryTotals; missing?: MissingFields };
  /** Plan-wide budget (지역 일자리 예산), in 백만원. */
  planBudget?: Budget;
  /**
   * Source keys that the summary tables have columns for. Sources absent here (typically
   * 민자) are left out when summary figures are compared with the detail.
   */
  sourceKeys?: string[];
}

/** A rate or count as printed, with the number of decimals it was printed with. */
export interface Measure {
  value: number;
  decimals: number;
  ref?: SourceRef;
}

/** A common job target (공통 일자리 목표): 취업률, 고용보험 피보험자수, ... */
export interface CommonTarget {
  name: string;
  /** "%" for rates (증감 in %p), "명" for counts. */
  unit: "%" | "명";
  lastTarget?: Measure | null;
  lastResult?: Measure | null;
  /** 달성률 (%) = lastResult / lastTarget * 100. */
  achievementRate?: Measure | null;
  target?: Measure | null;
  /** 증감률 (%) = (target - lastResult) / lastResult * 100; for a rate, the difference in %p. */
  changeRate?: Measure | null;
  ref?: SourceRef;
}

/** Headline figures stated once for the whole plan. */
export interface PlanHeadline {
  /** 목표 피보험자 수 (persons). */
  insuredTarget?: Measure | null;
  /** 목표 취업률 (%). */
  employmentRateTarget?: Measure | null;
}

/** One row of the schedule (추진일정): a task or project name and its text per month. */
export interface ScheduleRow {
  level: "strategy" | "task" | "project";
  name: string;
  /** Twelve entries, January to December; "" where the month is empty. */
  months: string[];
  ref?: SourceRef;
}

export interface Plan {
  name: string;
  region?: string;
  year?: number;
  settings: PlanSettings;
  strategies: Strategy[];
  summary: PlanSummary;
  commonTargets: CommonTarget[];
  headline?: PlanHeadline;
  schedule: ScheduleRow[];
}

/** The default funding sources of a 시·군·구 plan. */
export const DEFAULT_SOURCES: FundingSource[] = [
  { key: "national", label: "국비", labelEn: "National", aliases: ["국비", "국"] },
  {
    key: "province",
    label: "시도비",
    labelEn: "Province",
    aliases: ["시도비", "시·도비", "시비", "도비", "시", "도", "광역"],
  },
  {
    key: "municipal",
    label: "시군구비",
    labelEn: "Municipal",
    aliases: ["시군구비", "시·군·구비", "구비", "군비", "군구비", "시군비", "시군", "구", "군"],
  },
  {
    key: "private",
    label: "민자",
    labelEn: "Private",
    aliases: ["민자", "민간", "민간자본"],
    isPrivate: true,
  },
];

export function defaultSettings(): PlanSettings {
  return { sources: DEFAULT_SOURCES.map((s) => ({ ...s, aliases: [...s.aliases] })), roundingMode: "half-up" };
}

export function emptyBudget(): Budget {
  return { total: null, parts: {} };
}

export function emptyPlan(name = ""): Plan {
  return {
    name,
    settings: defaultSettings(),
    strategies: [],
    summary: {},
    commonTargets: [],
    schedule: [],
  };
}
