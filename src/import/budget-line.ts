/**
 * A project's budget line cut into cells: `154,000천원(국 108,000, 구 46,000)` is a 계 cell
 * `154,000천원` and two source cells `108,000천원` and `46,000천원`. The split's figures are
 * in the total's unit unless they name their own. Also: `민자 3억원` (one source, no 계),
 * `240백만원(전액 도비)`, `약 300백만원`, `1~2억원(협의 중)` (a remark, not a split).
 * Reading the figures is the builder's; only the shape of the line is read here.
 */
import { normalizeNumberText, resolveSource } from "../core/amounts";
import type { FundingSource } from "../core/model";
import { sourceField, type Field } from "../core/plan-builder";
import { cleanText } from "./lines";

export interface BudgetLineCells {
  /** Cell text by builder field: `total`, `src:<key>`. */
  cells: Record<Field, string>;
  /** Pieces that are not figures of a known source, for findings. */
  problems: Array<{ text: string; why: { ko: string; en: string } }>;
}

const UNIT = /(백만\s*원|천\s*원|억\s*원|억|원)\s*$/;
const NUMBER = String.raw`[△-]?\s*[\d０-９][\d０-９,，.]*\s*(?:백만\s*원|천\s*원|억\s*원|억|원)?`;
/** A label followed by a number: a split piece, or a one-source budget (`민자 3억원`). */
const PIECE = new RegExp(String.raw`([^\d\s,，△(（)）-][^\d,，△(（)）]*?)\s*(${NUMBER})`, "gu");
const ONE_SOURCE = new RegExp(String.raw`^([^\d△-]+?)\s*(${NUMBER})$`, "u");

/** The unit a figure's text ends with, if any. */
function unitOf(text: string): string {
  return UNIT.exec(text)?.[1].replace(/\s/g, "").replace(/^억$/, "억원") ?? "";
}

/** A split figure as its own cell: the total's unit added when it names none. */
function partText(number: string, totalUnit: string): string {
  const t = number.trim().replace(/[,，]+$/, "");
  return unitOf(t) ? t : t + totalUnit;
}

/** The line's cells; undefined when it states nothing at all. A split without a 계 leaves 계 blank. */
export function readBudgetLine(text: string, sources: readonly FundingSource[]): BudgetLineCells | undefined {
  const m = /^([^(（]*)(?:[(（]([^)）]*)[)）]?)?(.*)$/.exec(cleanText(text));
  const amountText = (m?.[1] ?? "").trim();
  const splitText = m?.[2];
  const rest = (m?.[3] ?? "").trim();
  // `사업예산 :` with nothing after it states no budget, as an empty row of cells would.
  if (!amountText && !splitText?.trim() && !rest) return undefined;
  const out: BudgetLineCells = { cells: {}, problems: [] };
  const one = ONE_SOURCE.exec(amountText);
  const oneSource = one ? resolveSource(one[1], sources) : undefined;
  if (one && oneSource) {
    // `민자 3억원`: the whole budget is one source's.
    out.cells.total = one[2].trim();
    out.cells[sourceField(oneSource.key)] = one[2].trim();
  } else out.cells.total = amountText;
  const totalUnit = unitOf(out.cells.total);
  if (splitText !== undefined && /\d|전액/.test(normalizeNumberText(splitText))) readSplit(splitText, totalUnit, sources, out);
  if (rest) out.problems.push({ text: rest, why: { ko: "사업예산 뒤의 내용", en: "text after the budget" } });
  return out;
}

function readSplit(splitText: string, totalUnit: string, sources: readonly FundingSource[], out: BudgetLineCells): void {
  const compact = normalizeNumberText(splitText);
  const whole = /^전액(.+)$/.exec(compact);
  if (whole) {
    const src = resolveSource(whole[1], sources);
    if (src) out.cells[sourceField(src.key)] = out.cells.total;
    else out.problems.push({ text: splitText, why: { ko: "알 수 없는 재원", en: "unknown funding source" } });
    return;
  }
  let consumed = false;
  for (const p of splitText.matchAll(PIECE)) {
    consumed = true;
    const label = p[1].replace(/^[,，\s]+/, "").trim();
    const src = resolveSource(label, sources);
    if (!src) {
      out.problems.push({ text: p[0].trim(), why: { ko: "알 수 없는 재원", en: "unknown funding source" } });
      continue;
    }
    const field = sourceField(src.key);
    if (out.cells[field] !== undefined && out.cells[field] !== out.cells.total) {
      out.problems.push({ text: p[0].trim(), why: { ko: "같은 재원이 두 번 적혀 있습니다", en: "the same source twice" } });
      continue;
    }
    out.cells[field] = partText(p[2], totalUnit);
  }
  if (!consumed) out.problems.push({ text: splitText, why: { ko: "재원 구분", en: "funding split" } });
}
