/**
 * Recognising the header row of a range passed to a custom function: the template's own
 * column specs first (src/workbook/columns.ts), then other spellings (`지방비(시도비)`,
 * `사업예산(백만원)`, English), with the money unit each header names.
 */
import { cellText } from "../core/cells";
import type { FundingSource, Unit } from "../core/model";
import { DEFAULT_SOURCES } from "../core/model";
import { unitInHeader } from "../core/vocabulary";
import {
  matchHeaders,
  projectColumns,
  sourceKeyOfColumn,
  summaryByStrategyColumns,
  summaryByTaskColumns,
  taskPlanColumns,
} from "../workbook/columns";
import type { ColumnSpec } from "../workbook/workbook-model";

export type Cell = unknown;

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

/** The money unit a header names: `계(천원)`, `사업예산(백만원)`, `Total (million won)`. */
export const headerUnit = unitInHeader;

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

export function mapColumns(
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

