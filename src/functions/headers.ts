/**
 * Recognising the header row of a range passed to a custom function: the template's own
 * column specs first (src/workbook/columns.ts), then other spellings (`지방비(시도비)`,
 * `사업예산(백만원)`, English), with the money unit each header names.
 */
import { cellText } from "../core/cells";
import type { FundingSource, Unit } from "../core/model";
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

export { FIELD_ALIASES, foldHeader, headerUnit, recogniseHeader, type FieldKey } from "../workbook/header-words";
import { headerUnit, recogniseHeader, type FieldKey } from "../workbook/header-words";

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

