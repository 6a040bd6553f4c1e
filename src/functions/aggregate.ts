/**
 * Pure logic of PLAN.JOBTARGET and PLAN.BUDGET: plain 2-D arrays in, a number or a tagged
 * error out. Each call parses the range once and reads only the cells of the selected rows.
 */
import { largestRemainder, resolveSource, roundHalfUp } from "../core/amounts";
import type { FundingSource, RoundingMode } from "../core/model";
import { DEFAULT_SOURCES } from "../core/model";
import { invalid, notAvailable, ok, type FnError, type FnResult } from "./runtime";
import { isOmitted, scalarText, selectRows } from "./select";
import { sumColumn } from "./figures";
import { foldHeader } from "./headers";
import { isError, parseTable, type Cell, type ParsedTable } from "./table";
import { withParticle } from "../core/particles";

/**
 * Job target (persons) of a strategy, or of one task: the sum of 일자리 목표 over the task
 * plan table's rows; for a projects table without a target column, the sum of 인원.
 * `-` and empty cells count as 0.
 */
export function jobTarget(detail: unknown, strategy: Cell, task?: Cell): FnResult<number> {
  const t = parseTable(detail, { label: "detail", defaultUnit: "천원" });
  if (isError(t)) return t;
  const col = t.cols.fields.target ?? t.cols.fields.headcount;
  if (col === undefined) {
    return invalid("detail: '일자리 목표' 또는 '인원' 열이 없습니다 / no job target or headcount column");
  }
  const sel = selectRows(t, strategy, task);
  if (isError(sel)) return sel;
  const sum = sumColumn(t, sel.rows, col);
  return isError(sum) ? sum : ok(sum);
}

export type MoneyUnit = "천원" | "백만원" | "원";

/** `천원` / `thousand` / `k`, `백만원` / `million` / `m`, `원` / `won`; omitted = 천원. */
export function parseUnitArg(x: Cell, fallback: MoneyUnit = "천원"): MoneyUnit | FnError {
  if (isOmitted(x)) return fallback;
  const s = foldHeader(scalarText(x) ?? "");
  if (["천원", "천", "thousand", "thousandwon", "k", "krw1000", "1000"].includes(s)) return "천원";
  if (["백만원", "백만", "million", "millionwon", "m", "mn", "1000000"].includes(s)) return "백만원";
  if (["원", "won", "krw", "1"].includes(s)) return "원";
  return invalid(`단위 ${withParticle(`'${scalarText(x)}'`, "을/를")} 알 수 없습니다: 천원 · 백만원 · 원 / unknown unit: use 천원 (thousand) or 백만원 (million)`);
}

export function parseRoundingArg(x: Cell): RoundingMode | FnError {
  if (isOmitted(x)) return "half-up";
  const s = foldHeader(scalarText(x) ?? "");
  if (["halfup", "반올림", "round"].includes(s)) return "half-up";
  if (["largestremainder", "끝수조정", "끝수", "hamilton", "nudge"].includes(s)) return "largest-remainder";
  return invalid(`반올림 방식 ${withParticle(`'${scalarText(x)}'`, "을/를")} 알 수 없습니다: 반올림 · 끝수조정 / unknown rounding: half-up or largest-remainder`);
}

/** What a source argument selects: the total, one source, or several (지방비 = 시도비 + 시군구비). */
export type SourceChoice = { kind: "total" } | { kind: "sources"; keys: string[]; label: string };

const TOTAL_ARGS = new Set(["계", "합계", "총계", "total", "sum", "사업비", "예산", "budget"]);
const LOCAL_ARGS = new Set(["지방비", "local", "localfunds"]);

export function parseSourceArg(x: Cell, sources: readonly FundingSource[] = DEFAULT_SOURCES): SourceChoice | FnError {
  if (isOmitted(x)) return { kind: "total" };
  const text = scalarText(x) ?? "";
  const folded = foldHeader(text);
  if (TOTAL_ARGS.has(folded)) return { kind: "total" };
  if (LOCAL_ARGS.has(folded)) {
    const keys = sources.filter((s) => s.key !== "national" && !s.isPrivate).map((s) => s.key);
    return { kind: "sources", keys, label: text };
  }
  const src =
    resolveSource(text, sources) ?? sources.find((s) => foldHeader(s.labelEn) === folded || foldHeader(s.key) === folded);
  if (!src) {
    const known = sources.map((s) => s.label).join(" · ");
    return invalid(`재원 ${withParticle(`'${text}'`, "을/를")} 알 수 없습니다: ${known} / unknown funding source`);
  }
  return { kind: "sources", keys: [src.key], label: src.label };
}

/**
 * Budget of a strategy (or one task) in 천원 (default), 백만원 or 원.
 *
 * Rounding to 백만원: the selected rows are summed exactly in 천원 and the sum is rounded
 * once, half up (43,900 → 44; 10,149,498 → 10,149). A single figure has no parts to balance,
 * so half-up is the default. With `rounding` = 끝수조정 (largest-remainder) and a source
 * selected, the figure is that source's share of the largest-remainder split of all the
 * table's source columns for the same rows, i.e. the 끝수 조정 a summary table applies so
 * that its parts add up to its rounded total (10,149,498 → 10,150 for strategy 2's 시비).
 */
export function budget(
  detail: unknown,
  strategy: Cell,
  task?: Cell,
  source?: Cell,
  unit?: Cell,
  rounding?: Cell,
): FnResult<number> {
  const t = parseTable(detail, { label: "detail", defaultUnit: "천원" });
  if (isError(t)) return t;
  const choice = parseSourceArg(source, t.sources);
  if (isError(choice)) return choice;
  const u = parseUnitArg(unit);
  if (isError(u)) return u;
  const mode = parseRoundingArg(rounding);
  if (isError(mode)) return mode;
  const sel = selectRows(t, strategy, task);
  if (isError(sel)) return sel;

  const thousand = sumChoice(t, sel.rows, choice);
  if (isError(thousand)) return thousand;
  if (u === "천원") return ok(thousand);
  if (u === "원") return ok(thousand * 1000);
  if (mode === "largest-remainder" && choice.kind === "sources" && t.cols.sources.length > 1) {
    const partSums: number[] = [];
    for (const s of t.cols.sources) {
      const v = sumColumn(t, sel.rows, s.col, "천원");
      if (isError(v)) return v;
      partSums.push(v);
    }
    const rounded = largestRemainder(partSums, 1000);
    let out = 0;
    t.cols.sources.forEach((s, i) => {
      if (choice.keys.includes(s.key)) out += rounded[i];
    });
    return ok(out);
  }
  return ok(roundHalfUp(thousand, 1000));
}

/** Exact sum in 천원 of the chosen column(s) over `rows`. */
export function sumChoice(t: ParsedTable, rows: ParsedTable["rows"], choice: SourceChoice): number | FnError {
  if (choice.kind === "total") {
    const col = t.cols.fields.total;
    if (col !== undefined) return sumColumn(t, rows, col, "천원");
    if (t.cols.sources.length === 0) return invalid("detail: '계' 열이 없습니다 / no total (계) column");
    let sum = 0;
    for (const s of t.cols.sources) {
      const v = sumColumn(t, rows, s.col, "천원");
      if (isError(v)) return v;
      sum += v;
    }
    return sum;
  }
  let sum = 0;
  for (const key of choice.keys) {
    const col = t.cols.sources.find((s) => s.key === key)?.col;
    if (col === undefined) {
      if (choice.keys.length > 1) continue;
      return notAvailable(`detail: '${choice.label}' 열이 없습니다 / no column for this funding source`);
    }
    const v = sumColumn(t, rows, col, "천원");
    if (isError(v)) return v;
    sum += v;
  }
  return sum;
}
