/**
 * Pure logic of PLAN.RECONCILE: compares each row of a summary table (백만원) with the
 * detail table (천원) after unit conversion and half-up rounding.
 */
import { roundHalfUp, thousandWonPer } from "../core/amounts";
import type { Unit } from "../core/model";
import { parseUnitArg } from "./aggregate";
import { ok, type FnError, type FnResult } from "./runtime";
import { isOmitted } from "./select";
import { formatSigned, groupThousands } from "./splitcheck";
import { columnIn, quickFigure, readFigure } from "./figures";
import { isError, parseTable, type Cell, type ParsedTable, type TableRow } from "./table";

/** Sums of the detail for one strategy, one task, or the whole plan; money in 천원. */
export interface Aggregate {
  target: number;
  total: number;
  parts: Record<string, number>;
  /** 계 of the rows that state no split (a summary counts their 계 as it is). */
  unsplit: number;
  rows: number;
}

function emptyAgg(): Aggregate {
  return { target: 0, total: 0, parts: {}, unsplit: 0, rows: 0 };
}

export interface DetailAggregates {
  plan: Aggregate;
  byStrategy: Map<string, Aggregate>;
  /** Key: strategyKey + "\u0000" + taskKey. */
  byTask: Map<string, Aggregate>;
  /** Also by task key alone, for summaries whose strategy names drift. */
  byTaskOnly: Map<string, Aggregate | null>;
  hasTotal: boolean;
  sourceKeys: string[];
}

/** Aggregates of recently parsed tables (parsed tables are shared between calls, see recent.ts). */
const aggregatesOf = new WeakMap<ParsedTable, Map<boolean, DetailAggregates | FnError>>();

/**
 * Aggregates every data row of the detail once (O(rows × columns)); the same parsed table
 * gets the same (shared, not to be changed) aggregates.
 */
export function aggregateDetail(t: ParsedTable, withTasks = true): DetailAggregates | FnError {
  let byMode = aggregatesOf.get(t);
  if (!byMode) aggregatesOf.set(t, (byMode = new Map()));
  let agg = byMode.get(withTasks);
  if (!agg) byMode.set(withTasks, (agg = computeAggregates(t, withTasks)));
  return agg;
}

function computeAggregates(t: ParsedTable, withTasks: boolean): DetailAggregates | FnError {
  const out: DetailAggregates = {
    plan: emptyAgg(),
    byStrategy: new Map(),
    byTask: new Map(),
    byTaskOnly: new Map(),
    hasTotal: t.cols.fields.total !== undefined,
    sourceKeys: t.cols.sources.map((s) => s.key),
  };
  const targetCol = t.cols.fields.target ?? t.cols.fields.headcount;
  const totalCol = t.cols.fields.total;
  const srcs = t.cols.sources;
  const nSrc = srcs.length;
  // Figures of a row, in this order: [target, total, part0, part1, ...]; -1: no such column.
  const figCols = [targetCol ?? -1, totalCol ?? -1, ...srcs.map((s) => s.col)];
  const figUnits: Array<Unit | undefined> = [undefined, "천원", ...srcs.map((): Unit => "천원")];
  const quick = figCols.map((c, i) => c >= 0 && columnIn(t, c, figUnits[i]));
  const nFig = figCols.length;
  /** Slot after the figures: 계 of a row without a split. */
  const UNSPLIT = nFig;
  // Per aggregate, figures are summed into a flat array (no per-row allocation); the
  // records are filled once at the end.
  const sums = new Map<Aggregate, Float64Array>();
  const sumOf = (a: Aggregate) => {
    let arr = sums.get(a);
    if (!arr) sums.set(a, (arr = new Float64Array(nFig + 1)));
    return arr;
  };
  const planSum = sumOf(out.plan);
  const rowFig = new Float64Array(nFig + 1);
  const range = t.range;
  let lastStrategyKey: string | undefined;
  let strategySum = planSum;
  let strategyAgg: Aggregate = out.plan;
  for (const row of t.rows) {
    if (row.total) continue;
    if (row.strategyKey !== lastStrategyKey) {
      let sAgg = out.byStrategy.get(row.strategyKey);
      if (!sAgg) out.byStrategy.set(row.strategyKey, (sAgg = emptyAgg()));
      strategyAgg = sAgg;
      strategySum = sumOf(sAgg);
      lastStrategyKey = row.strategyKey;
    }
    const cells = range[row.r];
    let partsSum = 0;
    for (let i = 0; i < nFig; i++) {
      const col = figCols[i];
      let v = 0;
      if (col >= 0) {
        const q = quick[i] ? quickFigure(cells[col]) : undefined;
        if (q !== undefined) v = q ?? 0;
        else {
          const f = readFigure(t, row.r, col, figUnits[i]);
          if (f !== null && typeof f === "object") return f;
          v = f ?? 0;
        }
      }
      rowFig[i] = v;
      if (i >= 2) partsSum += v;
    }
    if (totalCol === undefined) rowFig[1] = partsSum;
    let split = false;
    for (let i = 2; i < nFig; i++) if (rowFig[i] !== 0) split = true;
    rowFig[UNSPLIT] = split ? 0 : rowFig[1];
    out.plan.rows++;
    strategyAgg.rows++;
    for (let i = 0; i <= nFig; i++) {
      planSum[i] += rowFig[i];
      strategySum[i] += rowFig[i];
    }
    if (withTasks) {
      const tk = row.strategyKey + "\u0000" + row.taskKey;
      let k = out.byTask.get(tk);
      if (!k) {
        out.byTask.set(tk, (k = emptyAgg()));
        // The same task name under two strategies is ambiguous without its strategy.
        out.byTaskOnly.set(row.taskKey, out.byTaskOnly.has(row.taskKey) ? null : k);
      }
      k.rows++;
      const taskSum = sumOf(k);
      for (let i = 0; i <= nFig; i++) taskSum[i] += rowFig[i];
    }
  }
  for (const [agg, arr] of sums) {
    agg.target = arr[0];
    agg.total = arr[1];
    agg.unsplit = arr[UNSPLIT];
    for (let i = 0; i < nSrc; i++) agg.parts[srcs[i].key] = arr[2 + i];
  }
  return out;
}

export type RowStatus = "OK" | "rounding" | "mismatch" | "not found" | "error" | "";

export interface RowReport {
  status: RowStatus;
  text: string;
}

function stripUnit(h: string): string {
  return h.replace(/\([^)]*\)/g, "").trim();
}

/**
 * Status of each summary row, aligned with the summary range (header row → a header, blank
 * rows → ""): `OK`; `rounding: 시비 +1` when every difference is ±1 of the half-up rounded
 * detail figure (a rounding or 끝수 조정 difference); `mismatch: 국비 +5 (상세 108)`
 * otherwise; `not found` when the detail has no such strategy / task. Differences are
 * summary − detail, in the summary's unit. Job targets must match exactly. Like core's
 * checks (rollup.countedTotal), the summary's 합계 is compared with the detail's sum of the
 * sources the summary has columns for (never 계 less the others), 계 itself for rows without
 * a split.
 */
export function reconcileReport(summary: unknown, detail: unknown, unit?: Cell): FnResult<RowReport[]> {
  const unitArg = parseUnitArg(unit, "백만원");
  if (isError(unitArg)) return unitArg;
  const sUnit: Unit = unitArg === "원" ? "원" : unitArg;
  const parsed = parseTable(summary, { label: "summary", defaultUnit: sUnit, role: "summary" });
  if (isError(parsed)) return parsed;
  let st = parsed;
  if (!isOmitted(unit)) {
    // The unit argument overrides the headers' units; a copy, as parsed tables are shared.
    const units = [...st.cols.units];
    if (st.cols.fields.total !== undefined) units[st.cols.fields.total] = sUnit;
    for (const s of st.cols.sources) units[s.col] = sUnit;
    st = { ...st, cols: { ...st.cols, units } };
  }
  const dt = parseTable(detail, { label: "detail", defaultUnit: "천원" });
  if (isError(dt)) return dt;
  const hasTaskCol = st.cols.fields.task !== undefined;
  const agg = aggregateDetail(dt, hasTaskCol);
  if (isError(agg)) return agg;

  const reports: RowReport[] = st.range.map(() => ({ status: "" as RowStatus, text: "" }));
  reports[st.headerRow] = { status: "", text: "대사 결과 (reconcile)" };
  for (const row of st.rows) {
    const a = findAggregate(agg, row, hasTaskCol);
    if (!a) {
      const what = row.task ? `실천과제 '${row.task}'` : `추진전략 '${row.strategy}'`;
      reports[row.r] = { status: "not found", text: `not found: ${what} 상세에 없음` };
      continue;
    }
    reports[row.r] = compareRow(st, row, a, agg);
  }
  return ok(reports);
}

function findAggregate(agg: DetailAggregates, row: TableRow, hasTaskCol: boolean): Aggregate | undefined {
  if (row.total === "plan") return agg.plan;
  if (hasTaskCol && row.total === null && row.taskKey) {
    return agg.byTask.get(row.strategyKey + "\u0000" + row.taskKey) ?? agg.byTaskOnly.get(row.taskKey) ?? undefined;
  }
  return agg.byStrategy.get(row.strategyKey);
}

function compareRow(st: ParsedTable, row: TableRow, a: Aggregate, agg: DetailAggregates): RowReport {
  const rounding: string[] = [];
  const mismatch: string[] = [];
  const f = st.cols.fields;
  const headers = st.cols.headers;
  if (f.target !== undefined) {
    const v = readFigure(st, row.r, f.target);
    if (isError(v)) return { status: "error", text: `error: ${v.message}` };
    const diff = (v ?? 0) - a.target;
    if (diff !== 0) mismatch.push(`${stripUnit(headers[f.target]) || "일자리 목표"} ${formatSigned(diff)} (상세 ${groupThousands(a.target)})`);
  }
  // As core does (rollup.countedTotal): the summary's 합계 counts only the sources the
  // summary has columns for (without source columns, every source but 민자), and 계 itself
  // for detail rows that state no split.
  const summaryKeys = st.cols.sources.length
    ? st.cols.sources.map((s) => s.key)
    : st.sources.filter((s) => !s.isPrivate).map((s) => s.key);
  let counted = a.unsplit;
  for (const k of summaryKeys) counted += a.parts[k] ?? 0;
  if (agg.sourceKeys.length === 0) counted = a.total;
  const money: Array<{ col: number; label: string; detail: number }> = [];
  if (f.total !== undefined) money.push({ col: f.total, label: stripUnit(headers[f.total]) || "합계", detail: counted });
  for (const s of st.cols.sources) {
    if (!agg.sourceKeys.includes(s.key)) continue; // the detail has no such column: nothing to compare
    money.push({ col: s.col, label: stripUnit(headers[s.col]) || s.key, detail: a.parts[s.key] ?? 0 });
  }
  for (const m of money) {
    const unit = st.cols.units[m.col] ?? "백만원";
    const v = readFigure(st, row.r, m.col);
    if (isError(v)) return { status: "error", text: `error: ${v.message}` };
    const per = unit === "원" ? 0 : thousandWonPer(unit);
    const expected = per === 0 ? m.detail * 1000 : roundHalfUp(m.detail, per);
    const actual = v ?? 0;
    const diff = actual - expected;
    if (diff === 0) continue;
    const item = `${m.label} ${formatSigned(diff)}`;
    if (per > 1 && Math.abs(diff) <= 1) {
      rounding.push(item);
      continue;
    }
    const note = ` (상세 ${groupThousands(expected)})`;
    mismatch.push(item + note);
  }
  if (mismatch.length) return { status: "mismatch", text: `mismatch: ${[...mismatch, ...rounding].join(", ")}` };
  if (rounding.length) return { status: "rounding", text: `rounding: ${rounding.join(", ")}` };
  return { status: "OK", text: "OK" };
}

/** PLAN.RECONCILE's spilled column: one status text per row of the summary range. */
export function reconcile(summary: unknown, detail: unknown, unit?: Cell): FnResult<string[][]> {
  const r = reconcileReport(summary, detail, unit);
  if (isError(r)) return r;
  return ok(r.value.map((x) => [x.text]));
}
