/**
 * Reading a range as Excel passes it to a custom function: a 2-D array with the header row
 * first (`TaskPlans[#All]`), empty cells as "", numbers as numbers or as text ("1,234",
 * " 43,900 ", "-", "△500"), headers in Korean or English, extra columns ignored.
 *
 * A range is parsed once per call: the header row is recognised (headers.ts), then each body
 * row is classified (data row, blank, total/subtotal row) with the strategy / task / project
 * names filled down over merged (empty) cells. Figures are read on demand (figures.ts), so a
 * function that needs one column of the rows of one strategy reads only those cells.
 */
import { columnLetter } from "../core/a1";
import { isBlankCell } from "../core/cells";
import type { FundingSource, Unit } from "../core/model";
import { DEFAULT_SOURCES } from "../core/model";
import { nameKey as coreNameKey } from "../core/names";
import { totalWord } from "../core/vocabulary";
import { FIELD_ALIASES, mapColumns, type Cell, type ColumnMap, type FieldKey } from "./headers";
import { recentResults } from "./recent";
import { invalid, type FnError } from "./runtime";

export type { Cell, FieldKey } from "./headers";
export type Range = readonly (readonly Cell[])[];

export type TableKind = "tasks" | "projects" | "summary";

export class TableRow {
  private tk: string | undefined;
  constructor(
    /** 0-based row in the range. */
    public r: number,
    public strategy: string,
    public task: string,
    public project: string,
    /** Match key of the strategy ({@link nameKey}). */
    public strategyKey: string,
    /** A total or subtotal row (합계, 계, 소계, total): kept apart from the data rows. */
    public total: "plan" | "strategy" | null,
  ) {}

  /** Match key of the task, computed on first use (most calls never compare tasks). */
  get taskKey(): string {
    if (this.tk === undefined) this.tk = this.task ? nameKey(this.task) : "";
    return this.tk;
  }
}

export interface ParsedTable {
  label: string;
  kind: TableKind;
  headerRow: number;
  cols: ColumnMap;
  rows: TableRow[];
  range: Range;
  sources: readonly FundingSource[];
}

/**
 * The key names are matched by (core's nameKey): spacing, punctuation, parentheticals and
 * case ignored, so `청년 취업역량 강화` finds `청년 취업 역량 강화`.
 */
export function nameKey(name: string): string {
  return coreNameKey(name);
}

export function cellText(c: Cell): string {
  if (c === null || c === undefined) return "";
  if (typeof c === "string") {
    const t = c.trim();
    return t.includes("  ") || t.includes("\n") || t.includes("\t") || t.includes("\u00a0") || t.includes("\r")
      ? t.replace(/\s+/g, " ")
      : t;
  }
  if (typeof c === "number" || typeof c === "boolean") return String(c);
  return "";
}

/** A name cell as text, trimmed only (match keys ignore inner spacing anyway). */
function nameText(c: Cell): string {
  return typeof c === "string" ? c.trim() : cellText(c);
}

/** "E5": a cell of the range, counted from the range's top-left corner. */
export function rangeCell(r: number, c: number): string {
  return columnLetter(c) + (r + 1);
}

export interface ParseOptions {
  /** Name of the argument in messages ("detail", "summary"). */
  label: string;
  /** Money unit of figures whose header names none. */
  defaultUnit: Unit;
  sources?: readonly FundingSource[];
  /** Fields the caller cannot work without. */
  require?: FieldKey[];
  /** Which column specs to match headers against; default "detail". */
  role?: "detail" | "summary";
}

const MAX_HEADER_SCAN = 10;

function isArray2D(x: unknown): x is Range {
  return Array.isArray(x) && x.every((r) => Array.isArray(r));
}

const parsedRanges = recentResults<ParsedTable | FnError>();

/**
 * Parses a range with its header row. The header row is the first of the first ten rows
 * that names 추진전략 (or, failing that, 실천과제 / 세부사업) and at least one figure column.
 *
 * A range equal to one parsed by a recent call gets that call's result (see recent.ts):
 * the result is shared, so callers must not change it.
 */
export function parseTable(range: unknown, opts: ParseOptions): ParsedTable | FnError {
  if (opts.sources && opts.sources !== DEFAULT_SOURCES) return readTable(range, opts);
  const key = `${opts.label}|${opts.defaultUnit}|${opts.role ?? "detail"}|${(opts.require ?? []).join(",")}`;
  const args = [range];
  const known = parsedRanges.get(key, args);
  if (known) return known;
  const parsed = readTable(range, opts);
  parsedRanges.set(key, args, parsed);
  return parsed;
}

function readTable(range: unknown, opts: ParseOptions): ParsedTable | FnError {
  const sources = opts.sources ?? DEFAULT_SOURCES;
  if (!isArray2D(range) || range.length === 0) {
    return invalid(`${opts.label}: 표 범위가 필요합니다 / a table range with its header row is required`);
  }
  let headerRow = -1;
  let cols: ColumnMap | undefined;
  for (let r = 0; r < Math.min(range.length, MAX_HEADER_SCAN); r++) {
    const m = mapColumns(range[r], sources, opts.defaultUnit, opts.role ?? "detail");
    const f = m.fields;
    const named = f.strategy !== undefined || f.task !== undefined || f.project !== undefined;
    const figures =
      f.target !== undefined || f.headcount !== undefined || f.total !== undefined || m.sources.length > 0;
    if (named && figures) {
      headerRow = r;
      cols = m;
      break;
    }
  }
  if (!cols) {
    return invalid(
      `${opts.label}: 머리글 행을 찾지 못했습니다(추진전략, 실천과제, 일자리 목표, 계 …) / no header row found (strategy, task, target, total …); pass the table with its header, e.g. TaskPlans[#All]`,
    );
  }
  for (const f of opts.require ?? []) {
    if (cols.fields[f] === undefined) {
      return invalid(`${opts.label}: '${FIELD_ALIASES[f][0]}' 열이 없습니다 / no '${f}' column`);
    }
  }
  if (opts.role === "summary") delete cols.fields.project;
  const kind: TableKind = opts.role === "summary" ? "summary" : cols.fields.project !== undefined ? "projects" : "tasks";
  const rows: TableRow[] = [];
  const f = cols.fields;
  let strategy = "";
  let task = "";
  let strategyKey = "";
  let lastStrategyCell: Cell = undefined;
  const keyCache = new Map<string, string>();
  const key = (s: string) => {
    let k = keyCache.get(s);
    if (k === undefined) {
      k = nameKey(s);
      keyCache.set(s, k);
    }
    return k;
  };
  const figureCols: number[] = [];
  for (const c of [f.target, f.headcount, f.total]) if (c !== undefined) figureCols.push(c);
  for (const s of cols.sources) figureCols.push(s.col);

  for (let r = headerRow + 1; r < range.length; r++) {
    const row = range[r];
    const sCell = f.strategy !== undefined ? row[f.strategy] : "";
    const tCell = f.task !== undefined ? row[f.task] : "";
    const pCell = f.project !== undefined ? row[f.project] : "";
    const sBlank = isBlankCell(sCell);
    const tBlank = isBlankCell(tCell);
    const pBlank = isBlankCell(pCell);
    if (sBlank && tBlank && pBlank) {
      // A row without names: blank, or a figure row under merged name cells.
      let hasFigure = false;
      for (const c of figureCols) if (!isBlankCell(row[c])) hasFigure = true;
      if (!hasFigure) continue;
    }
    if (!sBlank) {
      const same = sCell === lastStrategyCell;
      const s = same ? strategy : nameText(sCell);
      lastStrategyCell = sCell;
      const word = same ? undefined : totalWord(s);
      if (word === "subtotal") {
        // 소계 under the strategy column totals the strategy above it.
        rows.push(new TableRow(r, strategy, "", "", strategyKey, "strategy"));
        lastStrategyCell = undefined;
        task = "";
        continue;
      }
      if (word === "total") {
        rows.push(new TableRow(r, "", "", "", "", "plan"));
        strategy = "";
        strategyKey = "";
        lastStrategyCell = undefined;
        task = "";
        continue;
      }
      if (s !== strategy) {
        task = "";
        strategy = s;
        strategyKey = key(s);
      }
    }
    if (!tBlank) {
      const t = nameText(tCell);
      if (totalWord(t) !== undefined) {
        rows.push(new TableRow(r, strategy, "", "", strategyKey, "strategy"));
        task = "";
        continue;
      }
      task = t;
    } else if (kind !== "projects" && f.task !== undefined) {
      // A task-table row without a task is a heading or a subtotal of its strategy.
      if (!sBlank) {
        rows.push(new TableRow(r, strategy, "", "", strategyKey, "strategy"));
        continue;
      }
    }
    let project = "";
    if (kind === "projects") {
      if (pBlank) continue; // a task heading or subtotal line inside the projects table
      project = nameText(pCell);
      if (totalWord(project) !== undefined) continue;
    }
    rows.push(new TableRow(r, strategy, task, project, strategyKey, null));
  }
  return { label: opts.label, kind, headerRow, cols, rows, range, sources };
}


export function isError(x: unknown): x is FnError {
  return typeof x === "object" && x !== null && (x as FnError).kind === "error";
}
