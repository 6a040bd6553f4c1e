/**
 * The figure each generated formula cell will show. The CLI has no spreadsheet engine, so a
 * regenerated cell's new value is computed here: the TaskPlans rows the cell's formula
 * selects (names equal after Excel's TRIM; every row on the 합계 row, the strategy's rows on
 * a 소계 row), added up and rounded by the core (countedTotal's rule per row, half-up to
 * 백만원, largest-remainder parts), and the status words of the declared figures against
 * them. summarize writes these figures as the formulas' cached results, so the file shows
 * them to programs that do not recalculate and the next run compares with them; the change
 * log lists the cells whose figure differs from the value the file held.
 */
import { thousandToMillion } from "../core/amounts";
import { a1 } from "../core/a1";
import type { Figures } from "../core/rollup";
import { roundFigures } from "../core/summarize";
import { sourceColumnKey } from "../workbook/columns";
import type { LocatedTable, ReadResult } from "../workbook/read-tables";
import type { GeneratedFormula, GeneratedValue } from "../workbook/regenerate";
import { isBlankRow } from "../workbook/regenerate";
import { STATUS_WORDS, type StatusWords } from "../workbook/summary-formulas";
import { summaryKeys } from "../workbook/summary-sheets";
import type { CellValue } from "../workbook/workbook-model";

/** Excel's TRIM: spaces at both ends removed, runs of spaces inside made one. */
export function excelTrim(s: string): string {
  return s.replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}

function text(v: unknown): string {
  return v === null || v === undefined || typeof v === "object" ? "" : String(v);
}

/** N(): a number as itself, anything else 0. */
function n(v: unknown): number {
  return typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : 0;
}

interface Place {
  t: LocatedTable;
  r: number;
  key: string;
}

/** A TaskPlans row as the summary formulas read it. */
interface SourceRow {
  strategy: string;
  task: string;
  /** Whether the target cell is not blank (`<>""`), and its N(). */
  stated: boolean;
  target: number;
  counted: number;
  parts: Record<string, number>;
}

function statusOf(pairs: ReadonlyArray<[unknown, CellValue]>, words: StatusWords): string {
  if (!pairs.some(([d]) => text(d) !== "")) return "";
  const diffs = pairs.map(([d, g]) => Math.abs(n(d) - n(g)));
  if (diffs.every((d) => d === 0)) return words.same;
  return diffs.every((d) => d <= 1) ? words.rounding : words.differs;
}

/**
 * The figure of every generated formula cell (by "sheet!A1") of the workbook read into
 * `read`, as it will be once `values` are written.
 */
export function generatedFigures(read: ReadResult, formulas: readonly GeneratedFormula[], values: readonly GeneratedValue[], lang: "ko" | "en" = "ko"): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const tp = read.tables.taskPlans;
  if (!tp) return out;
  const { included, excluded } = summaryKeys(read.plan);
  const mode = read.plan.settings.roundingMode;
  const words = STATUS_WORDS[lang];
  const written = new Map(values.map((v) => [`${v.sheet}!${v.cell}`, v.value]));
  const address = (t: LocatedTable, r: number, c: number) => `${t.input.sheet}!${a1(t.input.origin.row + r, t.input.origin.col + c)}`;
  /** A cell as it will be: the value written now, else the one it holds. */
  const cellOf = (t: LocatedTable, r: number, key: string): unknown => {
    const c = t.index[key];
    if (c === undefined) return undefined;
    const at = address(t, r, c);
    return written.has(at) ? written.get(at) : t.input.values[r]?.[c];
  };
  const has = (t: LocatedTable, key: string) => t.index[key] !== undefined;

  // TaskPlans rows: 요약 반영액 as its formula computes it (the summary sources when the row states a split, else 계).
  const splitKeys = [...included, ...excluded].filter((k) => has(tp, sourceColumnKey(k)));
  const rows: SourceRow[] = [];
  const counted = new Map<number, number>();
  const last = tp.input.values.length - (tp.input.hasTotalsRow ? 1 : 0);
  for (let r = 1; r < last; r++) {
    if (isBlankRow(tp, r)) continue;
    const parts: Record<string, number> = {};
    for (const k of included) parts[k] = n(cellOf(tp, r, sourceColumnKey(k)));
    const split = splitKeys.some((k) => n(cellOf(tp, r, sourceColumnKey(k))) !== 0);
    const total = split ? included.reduce((a, k) => a + parts[k], 0) : n(cellOf(tp, r, "total"));
    counted.set(r, total);
    const target = cellOf(tp, r, "target");
    rows.push({
      strategy: excelTrim(text(cellOf(tp, r, "strategy"))),
      task: excelTrim(text(cellOf(tp, r, "task"))),
      stated: text(target) !== "",
      target: n(target),
      counted: has(tp, "counted") ? total : n(cellOf(tp, r, "total")) - excluded.reduce((a, k) => a + n(cellOf(tp, r, sourceColumnKey(k))), 0),
      parts,
    });
  }

  const sums = new Map<string, { figures: Figures; stated: boolean }>();
  /** What a summary row's formulas add up: the TaskPlans rows its mask selects. */
  const summed = (t: LocatedTable, r: number) => {
    const id = `${t.input.sheet}!${r}`;
    const known = sums.get(id);
    if (known) return known;
    // An Excel totals row (an older layout) sums the whole plan, as the 합계 row does.
    const flag = t.input.hasTotalsRow && r === t.input.values.length - 1 ? 1 : n(cellOf(t, r, "totalRow"));
    const name = (own: string, match: string) => excelTrim(text(cellOf(t, r, match)) || text(cellOf(t, r, own)));
    const strategy = name("strategy", "matchStrategy");
    const task = t.kind === "summaryByTask" ? name("task", "matchTask") : undefined;
    const figures: Figures = { target: 0, total: 0, parts: Object.fromEntries(included.map((k) => [k, 0])) };
    let stated = false;
    for (const x of rows) {
      if (!(flag === 1 || (x.strategy === strategy && (flag === 2 || task === undefined || x.task === task)))) continue;
      stated ||= x.stated;
      figures.target! += x.target;
      figures.total += x.counted;
      for (const k of included) figures.parts[k] += x.parts[k];
    }
    const out = { figures, stated };
    sums.set(id, out);
    return out;
  };

  const figureOf = (p: Place): CellValue => {
    if (p.t.kind === "taskPlans") return p.key === "counted" ? (counted.get(p.r) ?? 0) : null;
    const { figures, stated } = summed(p.t, p.r);
    const generated = (key: string): CellValue => {
      if (key === "target") return stated ? figures.target : "";
      if (key === "budget" || key === "total") return thousandToMillion(figures.total);
      const source = included.find((k) => key === "gen:" + sourceColumnKey(k));
      return source === undefined ? null : (roundFigures(figures, included, mode).parts[source] ?? 0);
    };
    if (p.key !== "status") return generated(p.key);
    const pairs: Array<[string, string]> =
      p.t.kind === "summaryByTask"
        ? [
            ["declaredTarget", "target"],
            ["declaredBudget", "budget"],
          ]
        : [["declaredTarget", "target"], ["declaredTotal", "total"], ...included.map((k): [string, string] => ["declared:" + sourceColumnKey(k), "gen:" + sourceColumnKey(k)])];
    return statusOf(
      pairs.filter(([d, g]) => has(p.t, d) && has(p.t, g)).map(([d, g]) => [cellOf(p.t, p.r, d), generated(g)]),
      words,
    );
  };

  const places = new Map<string, Place>();
  for (const t of [tp, read.tables.summaryByTask, read.tables.summaryByStrategy]) {
    if (!t) continue;
    for (const [key, c] of Object.entries(t.index)) for (let r = 1; r < t.input.values.length; r++) places.set(address(t, r, c), { t, r, key });
  }
  for (const f of formulas) {
    const at = `${f.sheet}!${f.cell}`;
    const p = places.get(at);
    if (p) out.set(at, figureOf(p));
  }
  return out;
}
