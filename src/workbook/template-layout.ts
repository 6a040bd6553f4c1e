/**
 * Where the template puts things: sheet names, table origins, and what every sheet builder
 * is handed. Kept apart so that the sheet builders and buildWorkbookSpec share it.
 */
import type { Plan } from "../core/model";
import type { Lang } from "../core/vocabulary";
import type { ChangeLogEntry } from "./change-log";
import type { PlaceIndex } from "./finding-places";

export const SHEET_NAMES = {
  summaryByTask: "요약",
  summaryByStrategy: "분야별 목표",
  projects: "세부사업",
  taskPlans: "추진계획",
  commonTargets: "공통목표",
  schedule: "추진일정",
  findings: "검증",
  settings: "설정",
  changeLog: "변경 이력",
} as const;

/** Settings sheet layout: tables side by side so that each list can grow downwards. */
export const SETTINGS_ORIGINS = {
  planInfo: { row: 0, col: 0 },
  sourceList: { row: 0, col: 4 },
  strategyList: { row: 0, col: 11 },
  taskList: { row: 0, col: 13 },
} as const;

/** Tables under a title, a unit line and a group header start on the fourth row. */
export const TITLED_ORIGIN = { row: 3, col: 0 } as const;
/** Rows the "지역 일자리 목표 요약" block takes at the top of 요약, a blank row included. */
export const PLAN_TARGETS_ROWS = 8;
/**
 * 요약's table, below that block: tables grow downwards (rows typed below them, rows
 * regeneration inserts), so nothing of jobplan's sits under a table.
 */
export const SUMMARY_ORIGIN = { row: PLAN_TARGETS_ROWS + 3, col: 0 } as const;
/** The findings table sits under a title and a count line. */
export const FINDINGS_ORIGIN = { row: 2, col: 0 } as const;
export const TOP_ORIGIN = { row: 0, col: 0 } as const;

export interface BuildOptions {
  /** Language of findings messages and status words; headers stay Korean. */
  lang?: Lang;
  /** Rows the pick lists and validations cover below each header (default 1000). */
  validationRows?: number;
  /**
   * Protect every sheet (no password): only the cells a person types into stay editable.
   * Off by default: protecting and unprotecting a sheet clears Excel's undo history.
   */
  protect?: boolean;
  /** Rows for the 변경 이력 sheet (e.g. the import itself); without them the sheet is not added. */
  changeLog?: readonly ChangeLogEntry[];
}

/** What each sheet builder gets: the plan, the language, and the index of written figures. */
export interface BuildContext {
  plan: Plan;
  lang: Lang;
  places: PlaceIndex;
}

/** "'20년 " for a plan with a year, "" without. */
export function yearPrefix(year: number | undefined): string {
  return year ? `'${String(year % 100).padStart(2, "0")}년 ` : "";
}
