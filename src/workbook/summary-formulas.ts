/**
 * Native Excel formulas for the generated summary columns: SUMIFS over the TaskPlans table
 * with structured references, rounded half up to 백만원 (Excel ROUND = core roundHalfUp).
 *
 * Formulas are written in the file form of structured references (`T[[#This Row],[col]]`,
 * which Excel shows as `[@col]`): that is what .xlsx stores and what LibreOffice reads.
 * Header texts are parameters so that formulas can be regenerated in a workbook whose
 * headers were renamed.
 */
import type { RoundingMode } from "../core/model";

import { TABLE_NAMES } from "../core/vocabulary";

// The names live with the rest of the vocabulary; re-exported for the template's users.
export { TABLE_NAMES };

/** Escapes a column name inside a structured reference: `[`, `]`, `#`, `'` take a `'`. */
export function escapeColumnName(header: string): string {
  return header.replace(/['#[\]]/g, (c) => "'" + c);
}

/** `Table[Column]`: a whole body column. */
export function columnRef(table: string, header: string): string {
  return `${table}[${escapeColumnName(header)}]`;
}

/** Which row a same-table reference means: the row itself, or the table's totals row. */
export type RowSpecifier = "#This Row" | "#Totals";

/** `Table[[#This Row],[Column]]`: the same row's cell (shown as `[@Column]` in Excel). */
export function thisRowRef(table: string, header: string, row: RowSpecifier = "#This Row"): string {
  return `${table}[[${row}],[${escapeColumnName(header)}]]`;
}

/**
 * A SUMIFS criterion matching a name exactly: a string literal with `"` doubled and the
 * wildcards `*`, `?`, `~` escaped; a leading `=` guards against names such as `<5`.
 */
export function literalCriterion(name: string): string {
  const escaped = name.replace(/[~*?]/g, (c) => "~" + c).replace(/"/g, '""');
  return `"=${escaped}"`;
}

/** Headers of the TaskPlans table as they are in the workbook (possibly renamed). */
export interface TaskPlanRefs {
  table: string;
  strategy: string;
  task: string;
  target: string;
  /** The generated 요약 반영액 column (counted total, 천원); absent in hand-made tables. */
  counted?: string;
  total: string;
  /** Source key -> header, for every source column present. */
  sources: Record<string, string>;
}

/** Criterion for one key: the row's own cell, or a literal name when the row's name differs. */
export type Criterion = { kind: "cell"; ref: string } | { kind: "literal"; name: string };

function crit(c: Criterion): string {
  return c.kind === "cell" ? c.ref : literalCriterion(c.name);
}

function conditions(t: TaskPlanRefs, strategy?: Criterion, task?: Criterion): string {
  const parts: string[] = [];
  if (strategy) parts.push(columnRef(t.table, t.strategy), crit(strategy));
  if (task) parts.push(columnRef(t.table, t.task), crit(task));
  return parts.join(",");
}

function sumOf(t: TaskPlanRefs, header: string, strategy?: Criterion, task?: Criterion): string {
  const cond = conditions(t, strategy, task);
  return cond ? `SUMIFS(${columnRef(t.table, header)},${cond})` : `SUM(${columnRef(t.table, header)})`;
}

/** Job target: the sum of the tasks' targets, or "" when no task states one (core: null). */
export function targetFormula(t: TaskPlanRefs, strategy?: Criterion, task?: Criterion): string {
  const cond = conditions(t, strategy, task);
  const count = cond
    ? `COUNTIFS(${cond},${columnRef(t.table, t.target)},"<>")`
    : `COUNT(${columnRef(t.table, t.target)})`;
  return `IF(${count}=0,"",${sumOf(t, t.target, strategy, task)})`;
}

/**
 * The counted total in 천원 (core countedTotal): the 요약 반영액 column when present, else
 * 계 less the sources the summary leaves out.
 */
function countedSum(t: TaskPlanRefs, excludedKeys: readonly string[], strategy?: Criterion, task?: Criterion): string {
  if (t.counted) return sumOf(t, t.counted, strategy, task);
  const minus = excludedKeys.filter((k) => t.sources[k]).map((k) => "-" + sumOf(t, t.sources[k], strategy, task));
  return sumOf(t, t.total, strategy, task) + minus.join("");
}

function withAdjustment(formula: string, adjustment: number): string {
  if (!adjustment) return formula;
  return adjustment > 0 ? `${formula}+${adjustment}` : `${formula}${adjustment}`;
}

/** Budget in 백만원: ROUND(counted total / 1000, 0). */
export function budgetFormula(t: TaskPlanRefs, excludedKeys: readonly string[], strategy?: Criterion, task?: Criterion): string {
  return `ROUND((${countedSum(t, excludedKeys, strategy, task)})/1000,0)`;
}

/** One source in 백만원, plus the largest-remainder nudge the generator worked out. */
export function sourceFormula(t: TaskPlanRefs, sourceKey: string, adjustment: number, strategy?: Criterion, task?: Criterion): string {
  const header = t.sources[sourceKey];
  if (!header) return withAdjustment("0", adjustment);
  return withAdjustment(`ROUND(${sumOf(t, header, strategy, task)}/1000,0)`, adjustment);
}

/**
 * The counted total of one TaskPlans row (the generated 요약 반영액 column), as core's
 * countedTotal: the sum of the sources the summaries show when the row states a split, else
 * its 계. Text cells (a malformed figure kept as the document's text) count as 0 here, so
 * the column stays a number instead of #VALUE!; the reader reports the cell itself.
 */
export function countedRowFormula(
  table: string,
  totalHeader: string,
  summaryHeaders: readonly string[],
  excludedHeaders: readonly string[],
): string {
  const total = thisRowRef(table, totalHeader);
  const sumOfRow = (hs: readonly string[]) => (hs.length ? hs.map((h) => `N(${thisRowRef(table, h)})`).join("+") : "0");
  // As core's countedTotal: the summary sources' sum when the row states a split, else 계.
  const all = [...summaryHeaders, ...excludedHeaders];
  if (!all.length) return `N(${total})`;
  const split = all.map((h) => `N(${thisRowRef(table, h)})<>0`).join(",");
  return `IF(OR(${split}),${sumOfRow(summaryHeaders)},N(${total}))`;
}

export interface StatusWords {
  same: string;
  rounding: string;
  differs: string;
}

export const STATUS_WORDS: { ko: StatusWords; en: StatusWords } = {
  ko: { same: "일치", rounding: "끝수", differs: "불일치" },
  en: { same: "OK", rounding: "rounding", differs: "MISMATCH" },
};

/**
 * Status of a summary row: "" with nothing declared, "일치" when every declared figure equals
 * its generated one, "끝수" when they differ by at most 1 (rounding), else "불일치".
 * `pairs` are [declared header, generated header] of the same table.
 */
export function statusFormula(
  table: string,
  pairs: Array<[string, string]>,
  row: RowSpecifier = "#This Row",
  words: StatusWords = STATUS_WORDS.ko,
): string {
  const d = (h: string) => thisRowRef(table, h, row);
  const anyDeclared = pairs.map(([dh]) => `${d(dh)}<>""`).join(",");
  const diff = (p: [string, string]) => `ABS(N(${d(p[0])})-N(${d(p[1])}))`;
  const allSame = pairs.map((p) => `${diff(p)}=0`).join(",");
  const allNear = pairs.map((p) => `${diff(p)}<=1`).join(",");
  return `IF(OR(${anyDeclared}),IF(AND(${allSame}),"${words.same}",IF(AND(${allNear}),"${words.rounding}","${words.differs}")),"")`;
}

export type { RoundingMode };
