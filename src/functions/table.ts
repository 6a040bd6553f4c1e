/**
 * Reading a range as Excel passes it to a custom function: a 2-D array with the header row
 * first (`TaskPlans[#All]`), empty cells as "", numbers as numbers or as text ("1,234",
 * " 43,900 ", "-", "△500"), headers in Korean or English, extra columns ignored.
 *
 * A range is parsed once per call: the header row is recognised, then each body row is
 * classified (data row, blank, total/subtotal row) with the strategy / task / project names
 * filled down over merged (empty) cells. Figures are read on demand, so a function that
 * needs one column of the rows of one strategy parses only those cells.
 */
import { columnLetter } from "../core/a1";
import { convertAmount, parseNumber } from "../core/amounts";
import type { FundingSource, Unit } from "../core/model";
import { DEFAULT_SOURCES } from "../core/model";
import { nameKey as coreNameKey } from "../core/names";
import {
  matchHeaders,
  projectColumns,
  sourceKeyOfColumn,
  summaryByStrategyColumns,
  summaryByTaskColumns,
  taskPlanColumns,
} from "../workbook/columns";
import type { ColumnSpec } from "../workbook/workbook-model";
import { recentResults } from "./recent";
import { invalid, type FnError } from "./runtime";

export type Cell = unknown;
export type Range = readonly (readonly Cell[])[];

/** Fields a PLAN.* function reads; funding sources are added by key from the settings. */
export type FieldKey = "strategy" | "task" | "project" | "target" | "headcount" | "total" | "projects";

/** Header spellings, compared after {@link foldHeader}. Source columns come from the sources. */
export const FIELD_ALIASES: Record<FieldKey, string[]> = {
  strategy: ["추진전략", "전략", "추진 전략", "분야", "strategy", "strategies", "strategy name"],
  task: ["실천과제", "과제", "실천 과제", "task", "tasks", "task name", "action task"],
  project: ["세부사업", "세부 사업", "사업명", "단위사업", "세부사업명", "project", "projects", "project name"],
  target: [
    "일자리 목표",
    "일자리목표",
    "목표",
    "목표 인원",
    "목표인원",
    "일자리 창출 성과목표",
    "일자리 창출 목표",
    "성과목표",
    "job target",
    "jobs target",
    "target",
    "jobs",
  ],
  headcount: ["인원", "인원수", "참여인원", "참여 인원", "headcount", "head count", "persons", "people"],
  projects: [],
  total: [
    "계",
    "합계",
    "총계",
    "사업비",
    "사업비 계",
    "사업예산",
    "예산",
    "총사업비",
    "total",
    "budget",
    "total budget",
    "sum",
  ],
};

/** Header text folded for matching: NFC, lower case, no spaces or punctuation, no unit suffix. */
export function foldHeader(text: string): string {
  return String(text)
    .normalize("NFC")
    .toLowerCase()
    .replace(/\((?:천원|백만원|억원|원|명|%|persons?|people|thousand(?: won)?|million(?: won)?|krw[^)]*|₩[^)]*)\)/g, "")
    .replace(/[\s·ㆍ.,:：_\-/]+/g, "");
}

/** The money unit a header names, if any: `계(천원)`, `사업예산(백만원)`, `Total (million won)`. */
export function headerUnit(text: string): Unit | undefined {
  const t = String(text).toLowerCase();
  if (/백만원|million/.test(t)) return "백만원";
  if (/억원/.test(t)) return "억원";
  if (/천원|thousand/.test(t)) return "천원";
  return undefined;
}

function sourceAliases(s: FundingSource): string[] {
  return [s.label, s.key, s.labelEn, `${s.labelEn} funds`, ...s.aliases];
}

/** Header alias index: folded spelling -> field or source key. Built once per source list. */
const indexCache = new WeakMap<readonly FundingSource[], Map<string, string>>();
function aliasIndex(sources: readonly FundingSource[]): Map<string, string> {
  let idx = indexCache.get(sources);
  if (idx) return idx;
  idx = new Map();
  for (const [key, aliases] of Object.entries(FIELD_ALIASES)) for (const a of aliases) idx.set(foldHeader(a), key);
  for (const s of sources) for (const a of sourceAliases(s)) if (!idx.has(foldHeader(a))) idx.set(foldHeader(a), `src:${s.key}`);
  indexCache.set(sources, idx);
  return idx;
}

/** Which field a header cell names: `field`, `src:<key>`, or undefined. */
export function recogniseHeader(text: Cell, sources: readonly FundingSource[] = DEFAULT_SOURCES): string | undefined {
  if (typeof text !== "string" || !text.trim()) return undefined;
  const idx = aliasIndex(sources);
  const folded = foldHeader(text);
  const direct = idx.get(folded);
  if (direct) return direct;
  // `지방비(시도비)`, `지방비 · 시군구비`, `민자(천원)`: try the inner part, then without 지방비.
  const inner = /\(([^)]*)\)/.exec(text);
  if (inner) {
    const hit = idx.get(foldHeader(inner[1]));
    if (hit && hit.startsWith("src:")) return hit;
    const outer = idx.get(foldHeader(text.replace(/\([^)]*\)/g, "")));
    if (outer) return outer;
  }
  if (folded.startsWith("지방비") && folded.length > 3) return idx.get(folded.slice(3));
  return undefined;
}

export interface ColumnMap {
  fields: Partial<Record<FieldKey, number>>;
  /** Source columns in the order of the range. */
  sources: Array<{ key: string; col: number }>;
  /** Unit per money column (total and sources), from its header or the table default. */
  units: Array<Unit | undefined>;
  /** Header text by column, for messages. */
  headers: string[];
}

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

const TOTAL_WORDS = new Set(["합계", "계", "총계", "총합계", "전체", "total", "grandtotal", "sum"]);
/** Longest text (after trimming) that can be a total word such as 총합계 or "grand total". */
const MAX_TOTAL_WORD = 12;
/** Whether a text can be a total word, by its first character: most names are ruled out without folding them. */
function mayBeTotalWord(s: string): boolean {
  if (s.length > MAX_TOTAL_WORD) return false;
  switch (s.charCodeAt(0)) {
    case 0xd569: // 합
    case 0xacc4: // 계
    case 0xcd1d: // 총
    case 0xc804: // 전
    case 0xc18c: // 소
    case 116: // t
    case 84: // T
    case 103: // g
    case 71: // G
    case 115: // s
    case 83: // S
      return true;
    default:
      return false;
  }
}
const SUBTOTAL_WORDS = new Set(["소계", "subtotal", "계"]);

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

/** The characters String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmedSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.trim()` without the copy when there is nothing to trim (most cells): runs for every name cell. */
function trimText(s: string): string {
  if (s.length === 0) return s;
  return isTrimmedSpace(s.charCodeAt(0)) || isTrimmedSpace(s.charCodeAt(s.length - 1)) ? s.trim() : s;
}

/** A name cell as text, trimmed only (match keys ignore inner spacing anyway). */
function nameText(c: Cell): string {
  if (typeof c === "string") return trimText(c);
  return cellText(c);
}

function isBlankCell(c: Cell): boolean {
  if (c === null || c === undefined) return true;
  if (typeof c !== "string") return false;
  for (let i = 0; i < c.length; i++) if (!isTrimmedSpace(c.charCodeAt(i))) return false;
  return true;
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

const IGNORED = "ignored";

/** Column specs (src/workbook/columns.ts) a detail or summary range is matched against. */
const specCache = new WeakMap<readonly FundingSource[], { detail: ColumnSpec[]; summary: ColumnSpec[] }>();
function specsFor(sources: readonly FundingSource[]): { detail: ColumnSpec[]; summary: ColumnSpec[] } {
  let specs = specCache.get(sources);
  if (specs) return specs;
  const settings = { sources: [...sources], roundingMode: "half-up" as const };
  const tasks = taskPlanColumns(settings);
  const projects = projectColumns(settings).filter((c) => c.key === "project" || c.key === "headcount");
  const keys = sources.map((s) => s.key);
  const byStrategy = summaryByStrategyColumns(settings, keys);
  const byTask = summaryByTaskColumns().filter((c) => ["task", "projects", "declaredBudget", "budget", "target"].includes(c.key));
  specs = { detail: [...tasks, ...projects], summary: [...byStrategy, ...byTask] };
  specCache.set(sources, specs);
  return specs;
}

/** A columns.ts key as a field of this module: declared summary columns count as the figures. */
function fieldOfSpecKey(key: string, role: "detail" | "summary"): string | undefined {
  // A summary table of the template also holds computed columns ((산출), status): not figures to check.
  if (role === "summary" && (key === "target" || key === "total" || key === "budget" || key === "status" || key.startsWith("gen:"))) return IGNORED;
  if (key === "counted") return IGNORED;
  switch (key) {
    case "strategy":
    case "task":
    case "project":
    case "target":
    case "headcount":
    case "total":
      return key;
    case "projects":
      return "projects";
    case "declaredTarget":
      return "target";
    case "declaredTotal":
    case "declaredBudget":
      return "total";
  }
  const src = sourceKeyOfColumn(key.startsWith("declared:") ? key.slice("declared:".length) : key);
  return src !== undefined && !key.startsWith("gen:") ? `src:${src}` : undefined;
}

function mapColumns(
  row: readonly Cell[],
  sources: readonly FundingSource[],
  defaultUnit: Unit,
  role: "detail" | "summary",
): ColumnMap {
  const cols: ColumnMap = { fields: {}, sources: [], units: [], headers: [] };
  const hits: Array<string | undefined> = [];
  for (let c = 0; c < row.length; c++) cols.headers[c] = cellText(row[c]);
  // 1. The workbook's column specs (the template's own headers and their aliases).
  const match = matchHeaders(row as unknown[], specsFor(sources)[role]);
  for (const [key, c] of Object.entries(match.index)) hits[c] = fieldOfSpecKey(key, role);
  // 2. Other spellings: `지방비(시도비)`, `사업예산(백만원)`, English variants.
  for (let c = 0; c < row.length; c++) if (!hits[c]) hits[c] = recogniseHeader(row[c], sources);
  const seenSources = new Set<string>();
  for (let c = 0; c < row.length; c++) {
    const hit = hits[c];
    if (!hit || hit === IGNORED) continue;
    const text = cols.headers[c];
    if (hit.startsWith("src:")) {
      const key = hit.slice(4);
      if (seenSources.has(key)) continue;
      seenSources.add(key);
      cols.sources.push({ key, col: c });
      cols.units[c] = headerUnit(text) ?? defaultUnit;
    } else {
      const f = hit as FieldKey;
      if (cols.fields[f] !== undefined) continue;
      cols.fields[f] = c;
      if (f === "total") cols.units[c] = headerUnit(text) ?? defaultUnit;
    }
  }
  cols.sources.sort((a, b) => a.col - b.col);
  // A money unit written once (e.g. only `계(천원)`) applies to the source columns too.
  const totalCol = cols.fields.total;
  if (totalCol !== undefined) {
    const u = headerUnit(cols.headers[totalCol]);
    if (u) for (const s of cols.sources) if (!headerUnit(cols.headers[s.col])) cols.units[s.col] = u;
  }
  return cols;
}

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
      if (!same && mayBeTotalWord(s) && TOTAL_WORDS.has(key(s))) {
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
      if (mayBeTotalWord(t) && SUBTOTAL_WORDS.has(nameKey(t))) {
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
      if (mayBeTotalWord(project) && (SUBTOTAL_WORDS.has(nameKey(project)) || TOTAL_WORDS.has(nameKey(project)))) continue;
    }
    rows.push(new TableRow(r, strategy, task, project, strategyKey, null));
  }
  return { label: opts.label, kind, headerRow, cols, rows, range, sources };
}

/** A figure read from a cell: a number in the column's unit converted, or null for `-`/empty. */
export type Figure = number | null;


/**
 * A plain integer written as text (`1,234`, ` 43,900 `, `-5`, `△500`), or undefined for
 * anything else (decimals, units, bad grouping: the exact parser handles those). Hand-written
 * because it runs once per cell of a 10,000-row range.
 */
export function plainInteger(raw: string): number | undefined {
  let i = 0;
  let end = raw.length;
  while (i < end && raw.charCodeAt(i) === 32) i++;
  while (end > i && raw.charCodeAt(end - 1) === 32) end--;
  if (i === end) return undefined;
  let neg = false;
  const first = raw.charCodeAt(i);
  if (first === 45 /* - */ || first === 0x25b3 /* △ */) {
    neg = true;
    i++;
  }
  let value = 0;
  let digitsInGroup = 0;
  let groups = 0;
  for (let k = i; k < end; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digitsInGroup++;
    } else if (c === 44 /* , */) {
      if (digitsInGroup === 0 || (groups === 0 ? digitsInGroup > 3 : digitsInGroup !== 3)) return undefined;
      groups++;
      digitsInGroup = 0;
    } else return undefined;
  }
  if (digitsInGroup === 0 || (groups > 0 && digitsInGroup !== 3)) return undefined;
  if (value > Number.MAX_SAFE_INTEGER) return undefined;
  return neg ? -value : value;
}

/**
 * The common cells, read without any lookup: a finite number, an empty cell or `-` (null),
 * a plain integer as text. Undefined means: use {@link readFigure}.
 */
export function quickFigure(raw: Cell): number | null | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (raw === "" || raw === "-" || raw === null || raw === undefined) return null;
  if (typeof raw === "string") return plainInteger(raw);
  return undefined;
}

/** Whether a column's figures are already in `unit` (so {@link quickFigure} may read them). */
export function columnIn(t: ParsedTable, col: number, unit: Unit | undefined): boolean {
  const from = t.cols.units[col];
  return unit === undefined || from === undefined || from === unit;
}

/**
 * Reads a cell as a number: Excel numbers as they are; text through the core's exact parser
 * (`1,234`, `-`, `△500`, `6,678억원`). Money figures are converted to `toUnit`.
 */
export function readFigure(
  t: ParsedTable,
  r: number,
  col: number,
  toUnit?: Unit,
): Figure | FnError {
  const raw = t.range[r]?.[col];
  const from = t.cols.units[col];
  let value: number | null;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return badCell(t, r, col, String(raw), "not a number");
    value = raw;
    if (toUnit && from && from !== toUnit) return convertWhole(t, r, col, raw, from, toUnit);
    return value;
  }
  if (raw === null || raw === undefined || raw === "" || raw === "-") return null;
  if (typeof raw !== "string") return badCell(t, r, col, String(raw), "not a number");
  const plain = plainInteger(raw);
  if (plain !== undefined) {
    value = plain;
    if (toUnit && from && from !== toUnit) return convertWhole(t, r, col, value, from, toUnit);
    return value;
  }
  const n = parseNumber(raw);
  if (n.kind === "empty") return null;
  if (n.kind === "malformed") {
    const hint = n.candidates.length ? ` (${n.candidates.map((v) => v.toLocaleString("en-US")).join(" / ")}?)` : "";
    return badCell(t, r, col, n.raw, `${n.reason}${hint}`);
  }
  const cellUnit = n.unit ?? from;
  if (toUnit && cellUnit && cellUnit !== toUnit) {
    const v = convertAmount(n.scaled, n.decimals, cellUnit, toUnit);
    if (v === null) return badCell(t, r, col, raw.trim(), `not a whole number of ${toUnit}`);
    return v;
  }
  return n.value;
}

function convertWhole(t: ParsedTable, r: number, col: number, v: number, from: Unit, to: Unit): Figure | FnError {
  const n = parseNumber(v);
  if (n.kind !== "number") return badCell(t, r, col, String(v), "not a number");
  const out = convertAmount(n.scaled, n.decimals, from, to);
  if (out === null) return badCell(t, r, col, String(v), `not a whole number of ${to}`);
  return out;
}

function badCell(t: ParsedTable, r: number, col: number, raw: string, reason: string): FnError {
  const header = t.cols.headers[col] || rangeCell(t.headerRow, col);
  return invalid(
    `${t.label} ${rangeCell(r, col)} (${header}): '${raw}' 숫자로 읽을 수 없습니다 / not a number: ${reason}`,
  );
}

/** Column of a field or source key, or undefined. */
export function columnOf(t: ParsedTable, key: string): number | undefined {
  if (key in t.cols.fields) return t.cols.fields[key as FieldKey];
  return t.cols.sources.find((s) => s.key === key)?.col;
}

/** Sums a column over rows (null counts as 0). Returns the first malformed cell as an error. */
export function sumColumn(t: ParsedTable, rows: readonly TableRow[], col: number, toUnit?: Unit): number | FnError {
  let sum = 0;
  const quick = columnIn(t, col, toUnit);
  const range = t.range;
  for (const row of rows) {
    if (quick) {
      const q = quickFigure(range[row.r][col]);
      if (q !== undefined) {
        if (q !== null) sum += q;
        continue;
      }
    }
    const v = readFigure(t, row.r, col, toUnit);
    if (v === null) continue;
    if (typeof v === "object") return v;
    sum += v;
  }
  return sum;
}

export function isError(x: unknown): x is FnError {
  return typeof x === "object" && x !== null && (x as FnError).kind === "error";
}
