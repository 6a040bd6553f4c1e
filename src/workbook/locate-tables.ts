/**
 * Finding jobplan's tables among a workbook's blocks of cells, whatever wrote it: by Excel
 * table name first, else by headers, in any sheet order and under any sheet name; extra
 * columns and sheets are ignored. Merged cells inside a table are reported and unmerged.
 */
import { a1 } from "../core/a1";
import type { ReadingSink } from "../core/plan-builder/row-reader";
import type { PlanSettings } from "../core/model";
import { defaultSettings } from "../core/model";
import { TABLE_NAMES, type TableKind } from "../core/vocabulary";
import {
  COMMON_TARGET_COLUMNS,
  FINDING_COLUMNS,
  matchHeaders,
  normalizeHeader,
  PLAN_INFO_COLUMNS,
  projectColumns,
  SCHEDULE_COLUMNS,
  SOURCE_LIST_COLUMNS,
  STRATEGY_LIST_COLUMNS,
  summaryByStrategyColumns,
  summaryByTaskColumns,
  TASK_LIST_COLUMNS,
  taskPlanColumns,
} from "./columns";
import { recogniseHeader } from "./header-words";
import type { ColumnSpec } from "./workbook-model";
import { withParticle } from "../core/particles";

/** A merged range in sheet coordinates, 0-based, inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A table as found in a workbook: values start with the header row. */
export interface InputTable {
  sheet: string;
  /** Excel table name, if the block is an Excel table. */
  name?: string;
  /** Sheet position of the header row's first cell, 0-based. */
  origin: { row: number; col: number };
  values: unknown[][];
  /** The last row is the table's totals row. */
  hasTotalsRow?: boolean;
  /** Merged ranges of the sheet (those that touch the table are reported). */
  merged?: MergedRange[];
}

export type { TableKind };

/** A table recognised as one of jobplan's. */
export interface LocatedTable {
  kind: TableKind;
  input: InputTable;
  columns: ColumnSpec[];
  /** Column key -> index within the table. */
  index: Record<string, number>;
}

export function columnsOf(kind: TableKind, settings: PlanSettings, sourceKeys?: string[]): ColumnSpec[] {
  switch (kind) {
    case "taskPlans":
      return taskPlanColumns(settings);
    case "projects":
      return projectColumns(settings);
    case "summaryByTask":
      return summaryByTaskColumns();
    case "summaryByStrategy":
      return summaryByStrategyColumns(settings, sourceKeys);
    case "commonTargets":
      return COMMON_TARGET_COLUMNS;
    case "schedule":
      return SCHEDULE_COLUMNS;
    case "findings":
      return FINDING_COLUMNS;
    case "planInfo":
      return PLAN_INFO_COLUMNS;
    case "sourceList":
      return SOURCE_LIST_COLUMNS;
    case "strategyList":
      return STRATEGY_LIST_COLUMNS;
    case "taskList":
      return TASK_LIST_COLUMNS;
  }
}

/** Whether a header row looks like a table of this kind (keys that must / must not match). */
function signatureOk(kind: TableKind, idx: Record<string, number>, header: unknown[]): boolean {
  const has = (...keys: string[]) => keys.every((k) => idx[k] !== undefined);
  const any = (...keys: string[]) => keys.some((k) => idx[k] !== undefined);
  const exact = (text: string) => header.some((h) => normalizeHeader(h) === normalizeHeader(text));
  switch (kind) {
    case "findings":
      return has("severity", "code", "message");
    case "planInfo":
      return has("key", "value");
    case "sourceList":
      return has("key", "label");
    case "schedule":
      return has("level", "name", "m1");
    case "strategyList":
      return exact("추진전략 목록") || exact("Strategies");
    case "taskList":
      return exact("실천과제 목록") || exact("Tasks");
    case "projects":
      return has("task", "project");
    case "taskPlans":
      return has("task", "total") && !exact("세부사업") && !exact("project");
    case "summaryByTask":
      return has("strategy", "task") && any("declaredBudget", "budget", "declaredTarget", "target") && !any("total");
    case "summaryByStrategy":
      return has("strategy") && any("declaredTotal", "total") && !exact("실천과제") && !exact("task");
    case "commonTargets":
      return has("name") && any("lastTarget", "lastResult", "achievementRate", "changeRate");
  }
}

const KIND_ORDER: TableKind[] = [
  "findings",
  "planInfo",
  "sourceList",
  "strategyList",
  "taskList",
  "schedule",
  "projects",
  "taskPlans",
  "summaryByTask",
  "summaryByStrategy",
  "commonTargets",
];

/** Which kind of table an input is: by Excel table name first, else by its headers. */
export function classifyTable(t: InputTable, settings: PlanSettings = defaultSettings()): TableKind | undefined {
  if (t.name) {
    const byName = (Object.keys(TABLE_NAMES) as TableKind[]).find((k) => TABLE_NAMES[k].toLowerCase() === t.name!.toLowerCase());
    if (byName) return byName;
  }
  const header = t.values[0] ?? [];
  let best: TableKind | undefined;
  let bestScore = 0;
  for (const kind of KIND_ORDER) {
    const m = matchHeaders(header, columnsOf(kind, settings));
    if (!signatureOk(kind, m.index, header)) continue;
    const score = Object.keys(m.index).length;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

/** A table that looks like a task plan but lacks a required column, so that the reader can say which. */
export function taskPlanCandidate(tables: readonly InputTable[], settings: PlanSettings): InputTable | undefined {
  return tables.find((t) => {
    const m = matchHeaders(t.values[0] ?? [], taskPlanColumns(settings));
    return m.index.task !== undefined && Object.keys(m.index).length >= 3;
  });
}

/** Generated columns keep their own headers; other spellings are only sought for typed ones. */
const GENERATED = /산출|computed|상태|status|요약\s*반영|counted/i;

/** The column key of `kind` a recognised header word stands for (a summary's figures are its declared ones). */
function keyOfWord(kind: TableKind, word: string): string | undefined {
  const summary = kind === "summaryByTask" || kind === "summaryByStrategy";
  if (!summary) return word;
  if (word === "target") return "declaredTarget";
  if (word === "total") return kind === "summaryByTask" ? "declaredBudget" : "declaredTotal";
  if (word.startsWith("src:")) return "declared:" + word;
  return word;
}

/**
 * The table's columns matched against its kind's specs, then headers the specs do not know
 * by the words documents use (header-words.ts), as the custom functions read them.
 */
export function locate(kind: TableKind, input: InputTable, settings: PlanSettings, sourceKeys?: string[]): LocatedTable {
  const columns = columnsOf(kind, settings, sourceKeys);
  const header = input.values[0] ?? [];
  const m = matchHeaders(header, columns);
  const index = { ...m.index };
  for (const c of m.extra) {
    const text = header[c];
    if (typeof text !== "string" || GENERATED.test(text)) continue;
    const word = recogniseHeader(text, settings.sources);
    const key = word === undefined ? undefined : keyOfWord(kind, word);
    if (key && index[key] === undefined && columns.some((col) => col.key === key)) index[key] = c;
  }
  return { kind, input, columns, index };
}

/** Reports merged ranges that touch the table and copies the merged value into every cell. */
export function unmerge(t: InputTable, sink: ReadingSink): void {
  const rows = t.values.length;
  const cols = Math.max(0, ...t.values.map((r) => r.length));
  for (const m of t.merged ?? []) {
    const top = m.top - t.origin.row;
    const left = m.left - t.origin.col;
    const bottom = m.bottom - t.origin.row;
    const right = m.right - t.origin.col;
    if (bottom < 0 || right < 0 || top >= rows || left >= cols) continue;
    const range = `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
    sink.add(
      "unreadable",
      "warning",
      {
        ko: `병합된 셀 ${withParticle(range, "이/가")} 표 안에 있습니다. 병합을 풀고 각 행에 값을 채우세요 (병합된 값을 각 셀에 채워 읽었습니다).`,
        en: `Merged cells ${range} inside a table. Unmerge them and fill every row (read with the merged value copied into each cell).`,
      },
      { sheet: t.sheet, cell: a1(m.top, m.left) },
    );
    const value = t.values[Math.max(top, 0)]?.[Math.max(left, 0)];
    for (let r = Math.max(top, 0); r <= Math.min(bottom, rows - 1); r++) {
      for (let c = Math.max(left, 0); c <= Math.min(right, cols - 1); c++) {
        if (r === top && c === left) continue;
        if (r === 0) continue; // never copy into a header row
        t.values[r] = t.values[r] ?? [];
        t.values[r][c] = value;
      }
    }
  }
}
