/**
 * Native Excel formulas for the generated summary columns, written in one place for the
 * template (template-sheets.ts) and for regeneration (regenerate.ts).
 *
 * Every generated column of a table holds ONE formula, the same on every row: Excel turns a
 * table column into a calculated column and overwrites rows that differ (office-js #5909,
 * #2093, #1916; `rows.add` too, #6745). What differs between rows lives in value columns
 * jobplan fills: the detail name a row sums when its own spelling differs (기준 추진전략 /
 * 기준 실천과제), a flag for the 합계 row, and the largest-remainder nudge of each source.
 *
 * Names are matched with EXACT over TRIM, never as SUMIFS criteria: a criterion is parsed
 * (`~ * ?` are wildcards, a leading `< > =` an operator, `1,000` or `3/4` a number or a
 * date, more than 255 characters an error), so names holding such characters summed 0 or
 * another task's figures. SUMPRODUCT counts text cells (a malformed figure kept as text) as
 * zero, as SUMIFS did.
 *
 * Formulas are written in the file form of structured references (`T[[#This Row],[col]]`,
 * which Excel shows as `[@col]`): that is what .xlsx stores and what LibreOffice reads.
 * Header texts are parameters so that formulas can be regenerated in a workbook whose
 * headers were renamed.
 */
import type { RoundingMode } from "../core/model";

import { TABLE_NAMES } from "../core/vocabulary";
import { adjustmentColumnKey, sourceColumnKey } from "./columns";
import type { SummaryKind } from "./summary-rows";

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

/** A string literal in a formula: `"` doubled. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
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

/**
 * Headers of a summary table that its formulas read. The value columns are optional: a
 * workbook made before them (or by hand) gets formulas that match each row by its own names.
 */
export interface SummaryRowRefs {
  table: string;
  strategy: string;
  /** By-task tables only. */
  task?: string;
  /** 기준 추진전략 / 기준 실천과제: the detail names a row sums where its own differ. */
  matchStrategy?: string;
  matchTask?: string;
  /** 합계 행: 1 on the row that sums the whole plan, 2 on a 소계 row that sums its strategy. */
  totalRow?: string;
  /** Source key -> header of its 끝수 조정 column. */
  adjustments?: Record<string, string>;
}

/** The name a row matches: its 기준 value when there is one, else its own cell. */
function matchName(s: SummaryRowRefs, own: string, match: string | undefined): string {
  const ownRef = thisRowRef(s.table, own);
  if (!match) return ownRef;
  const m = thisRowRef(s.table, match);
  return `IF(${m}="",${ownRef},${m})`;
}

/**
 * The TaskPlans rows a summary row sums, as a 0/1 array for SUMPRODUCT: names equal after
 * TRIM (case and every character counting); every row on the 합계 row (flag 1); every row of
 * the strategy on a 소계 row (flag 2). Undefined means the whole table (a totals row of an
 * older layout).
 */
function rowMask(t: TaskPlanRefs, s: SummaryRowRefs | undefined): string | undefined {
  if (!s) return undefined;
  const eq = (col: string, name: string) => `EXACT(TRIM(${columnRef(t.table, col)}),TRIM(${name}))`;
  const strategy = eq(t.strategy, matchName(s, s.strategy, s.matchStrategy));
  const task = s.task ? eq(t.task, matchName(s, s.task, s.matchTask)) : undefined;
  if (!s.totalRow) return task ? `${strategy}*${task}` : `--${strategy}`;
  const flag = `N(${thisRowRef(s.table, s.totalRow)})`;
  return task ? `--((${flag}=1)+${strategy}*((${flag}=2)+${task})>0)` : `--((${flag}=1)+${strategy}>0)`;
}

function sumOf(t: TaskPlanRefs, header: string, mask: string | undefined): string {
  const col = columnRef(t.table, header);
  return mask ? `SUMPRODUCT(${mask},${col})` : `SUM(${col})`;
}

/** Job target: the sum of the tasks' targets, or "" when no task states one (core: null). */
export function targetFormula(t: TaskPlanRefs, s?: SummaryRowRefs): string {
  const mask = rowMask(t, s);
  const col = columnRef(t.table, t.target);
  const count = mask ? `SUMPRODUCT(${mask},--(${col}<>""))` : `COUNT(${col})`;
  return `IF(${count}=0,"",${sumOf(t, t.target, mask)})`;
}

/**
 * The counted total in 천원 (core countedTotal): the 요약 반영액 column when present, else
 * 계 less the sources the summary leaves out.
 */
function countedSum(t: TaskPlanRefs, excludedKeys: readonly string[], mask: string | undefined): string {
  if (t.counted) return sumOf(t, t.counted, mask);
  const minus = excludedKeys.filter((k) => t.sources[k]).map((k) => "-" + sumOf(t, t.sources[k], mask));
  return sumOf(t, t.total, mask) + minus.join("");
}

/** Budget in 백만원: ROUND(counted total / 1000, 0). */
export function budgetFormula(t: TaskPlanRefs, excludedKeys: readonly string[], s?: SummaryRowRefs): string {
  return `ROUND((${countedSum(t, excludedKeys, rowMask(t, s))})/1000,0)`;
}

/** One source in 백만원, plus the row's largest-remainder nudge from its 끝수 조정 column. */
export function sourceFormula(t: TaskPlanRefs, sourceKey: string, s?: SummaryRowRefs): string {
  const header = t.sources[sourceKey];
  const base = header ? `ROUND(${sumOf(t, header, rowMask(t, s))}/1000,0)` : "0";
  const adj = s?.adjustments?.[sourceKey];
  return adj ? `${base}+N(${thisRowRef(s!.table, adj)})` : base;
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

function statusOf(anyDeclared: string, diffs: string[], words: StatusWords): string {
  const allSame = diffs.map((d) => `${d}=0`).join(",");
  const allNear = diffs.map((d) => `${d}<=1`).join(",");
  return `IF(${anyDeclared},IF(AND(${allSame}),"${words.same}",IF(AND(${allNear}),"${words.rounding}","${words.differs}")),"")`;
}

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
  const anyDeclared = `OR(${pairs.map(([dh]) => `${d(dh)}<>""`).join(",")})`;
  return statusOf(anyDeclared, pairs.map((p) => `ABS(N(${d(p[0])})-N(${d(p[1])}))`), words);
}

// ---------------------------------------------------------------------------------------
// Which formula goes into which column: the same for the template and for regeneration.


/** Header text of a column key in the table (the template's or the workbook's own); undefined when absent. */
export type HeaderOf = (key: string) => string | undefined;

/** The headers a summary table's formulas read, from its header texts. */
export function summaryRowRefs(kind: SummaryKind, table: string, headerOf: HeaderOf, sourceKeys: readonly string[]): SummaryRowRefs | undefined {
  const strategy = headerOf("strategy");
  if (!strategy) return undefined;
  const s: SummaryRowRefs = { table, strategy };
  if (kind === "summaryByTask") {
    s.task = headerOf("task");
    if (!s.task) return undefined;
    s.matchTask = headerOf("matchTask");
  }
  s.matchStrategy = headerOf("matchStrategy");
  s.totalRow = headerOf("totalRow");
  const adjustments: Record<string, string> = {};
  for (const k of sourceKeys) {
    const h = kind === "summaryByStrategy" ? headerOf(adjustmentColumnKey(k)) : undefined;
    if (h) adjustments[k] = h;
  }
  if (Object.keys(adjustments).length) s.adjustments = adjustments;
  return s;
}

/** [declared, generated] header pairs the status column compares. */
export function statusPairs(kind: SummaryKind, headerOf: HeaderOf, sourceKeys: readonly string[]): Array<[string, string]> {
  const keys: Array<[string, string]> =
    kind === "summaryByTask"
      ? [
          ["declaredTarget", "target"],
          ["declaredBudget", "budget"],
        ]
      : [["declaredTarget", "target"], ["declaredTotal", "total"], ...sourceKeys.map((k): [string, string] => ["declared:" + sourceColumnKey(k), "gen:" + sourceColumnKey(k)])];
  const out: Array<[string, string]> = [];
  for (const [d, g] of keys) {
    const dh = headerOf(d);
    const gh = headerOf(g);
    if (dh && gh) out.push([dh, gh]);
  }
  return out;
}

export interface SummaryFormulaOptions {
  /** Source keys the summary has columns for, and those it leaves out (민자). */
  included: readonly string[];
  excluded: readonly string[];
  words: StatusWords;
}

/**
 * The formula of each generated column of a summary table, by column key: for body rows
 * (`s` given: one formula, the same on every row) or for an Excel totals row of an older
 * layout (`s` undefined: the whole plan).
 */
export function summaryColumnFormulas(kind: SummaryKind, t: TaskPlanRefs, s: SummaryRowRefs | undefined, table: string, headerOf: HeaderOf, o: SummaryFormulaOptions): Record<string, string> {
  const out: Record<string, string> = { target: targetFormula(t, s) };
  const budget = budgetFormula(t, o.excluded, s);
  if (kind === "summaryByTask") out.budget = budget;
  else {
    out.total = budget;
    for (const k of o.included) out["gen:" + sourceColumnKey(k)] = sourceFormula(t, k, s);
  }
  const pairs = statusPairs(kind, headerOf, o.included);
  if (pairs.length) out.status = statusFormula(table, pairs, s ? "#This Row" : "#Totals", o.words);
  return out;
}

// ---------------------------------------------------------------------------------------
// The 지역 일자리 목표 요약 block on 요약: loose cells (not a table), one formula each.

/** A value of the PlanInfo table by its key, "" when blank or absent. */
export function planInfoFormula(table: string, keyHeader: string, valueHeader: string, key: string): string {
  const v = `INDEX(${columnRef(table, valueHeader)},MATCH(${stringLiteral(key)},${columnRef(table, keyHeader)},0))`;
  return `IFERROR(IF(${v}="","",${v}),"")`;
}

/** The generated figure of the 합계 row of the strategy summary (it carries the nudges). */
export function planTotalFormula(table: string, totalRowHeader: string, generatedHeader: string): string {
  return `SUMIFS(${columnRef(table, generatedHeader)},${columnRef(table, totalRowHeader)},1)`;
}

/** A common target's figure by a pattern of its name (`*피보험자*`), "" when none matches. */
export function commonTargetFormula(table: string, nameHeader: string, valueHeader: string, patterns: readonly string[]): string {
  let out = '""';
  for (const p of [...patterns].reverse()) {
    out = `IFERROR(INDEX(${columnRef(table, valueHeader)},MATCH(${stringLiteral(p)},${columnRef(table, nameHeader)},0)),${out})`;
  }
  return out;
}

/** Status of one declared / computed pair of figures (cell references or parenthesised formulas). */
export function cellStatusFormula(declared: string, computed: string, words: StatusWords = STATUS_WORDS.ko): string {
  return `IF(OR(${declared}="",${computed}=""),"",${statusOf("TRUE", [`ABS(N(${declared})-N(${computed}))`], words)})`;
}

export type { RoundingMode };
