/**
 * The projects of a task section and their budget lines.
 *
 * Under `□ 사업내용` each project starts with `○ name` (sometimes `○ **name**`); sections
 * without ○ lines list projects as bold bullets `- **name**`. A project's budget is a line
 * `- 사업예산 : 154,000천원(국 108,000, 구 46,000)`; `(전액 구비)` puts the whole budget on one
 * source. Projects without such a line keep no budget: the document states none.
 */
import { convertAmount, parseNumber, parseSplitText, resolveSource } from "../core/amounts";
import type { Budget, FundingSource, Project, Unit } from "../core/model";
import { readHeadcount } from "./headcounts";
import { cleanText, foldLabel, isTableLine } from "./lines";
import { displayName } from "./names";
import { likelyValue, readAmount } from "./numbers";
import type { FindingSink } from "./report";

const PROJECT_LINE = /^\s*[○◦●]\s*(.+)$/;
const BOLD_BULLET = /^\s*[-·]\s*\*\*(.+?)\*\*\s*$/;
const BUDGET_LINE = /^[-·*※○\s]*사\s*업\s*(?:예\s*산|비)\s*[:：]\s*(.*)$/;

/** 0-based [start, end) of the 사업내용 block of a section region. */
export function contentBlock(lines: readonly string[], regionStart: number, regionEnd: number): [number, number] {
  let start = -1;
  for (let i = regionStart; i < regionEnd; i++) {
    const t = cleanText(lines[i]);
    if (start < 0) {
      if (/^[□■]/.test(t) && foldLabel(t).replace(/[□■]/g, "") === "사업내용") start = i + 1;
      continue;
    }
    if (/^[□■]/.test(t)) return [start, i];
  }
  if (start >= 0) return [start, regionEnd];
  // No 사업내용 heading: take the region up to 기대효과.
  for (let i = regionStart; i < regionEnd; i++) {
    const t = cleanText(lines[i]);
    if (/^[□■]/.test(t) && foldLabel(t).includes("기대효과")) return [regionStart, i];
  }
  return [regionStart, regionEnd];
}

export function readProjects(
  lines: readonly string[],
  block: [number, number],
  sources: readonly FundingSource[],
  taskPath: string[],
  sink: FindingSink,
): Project[] {
  const [from, to] = block;
  let starts = findStarts(lines, from, to, PROJECT_LINE);
  if (starts.length === 0) starts = findStarts(lines, from, to, BOLD_BULLET);
  const projects: Project[] = [];
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].index : to;
    const project: Project = { name: s.name, ref: { line: s.index + 1 } };
    const path = [...taskPath, s.name];
    for (let i = s.index + 1; i < end; i++) {
      if (isTableLine(lines[i])) continue;
      const m = BUDGET_LINE.exec(cleanText(lines[i]));
      if (!m) continue;
      if (project.budget) {
        sink.unreadable(i + 1, path, cleanText(lines[i]), "project", {
          ko: "사업예산이 두 번 적혀 있어 첫 번째만 읽었습니다",
          en: "a second budget line; only the first was read",
        });
        continue;
      }
      const budget = readBudgetText(m[1], i + 1, sources, path, sink);
      if (budget) project.budget = budget;
    }
    const hc = readHeadcount(lines, s.index + 1, end, path, sink);
    if (hc) {
      project.headcount = hc.value;
      project.headcountRef = hc.ref;
    }
    projects.push(project);
  });
  return projects;
}

function findStarts(lines: readonly string[], from: number, to: number, re: RegExp): Array<{ index: number; name: string }> {
  const out: Array<{ index: number; name: string }> = [];
  for (let i = from; i < to; i++) {
    if (isTableLine(lines[i])) continue;
    const m = re.exec(lines[i]);
    if (!m) continue;
    const name = displayName(m[1]);
    if (name) out.push({ index: i, name });
  }
  return out;
}

/**
 * Reads `154,000천원(국 108,000, 구 46,000)` into a budget in 천원. The split's figures are in
 * the total's unit unless they name their own.
 */
export function readBudgetText(
  text: string,
  line: number,
  sources: readonly FundingSource[],
  path: string[],
  sink: FindingSink,
): Budget | undefined {
  const m = /^([^(（]*)(?:[(（]([^)）]*)[)）]?)?(.*)$/.exec(cleanText(text));
  const amountText = (m?.[1] ?? "").trim();
  const splitText = m?.[2];
  const rest = (m?.[3] ?? "").trim();
  const ref = { line };
  const budget: Budget = { total: null, parts: {}, refs: { total: ref } };
  if (!amountText) {
    sink.unreadable(line, path, text, "project", { ko: "사업예산", en: "project budget" }, "error");
    return undefined;
  }
  const reading = parseNumber(amountText);
  const unit: Unit = (reading.kind !== "empty" && reading.unit) || "천원";
  const total = readAmount(amountText, "천원", "천원");
  let totalCandidates: number[] | undefined;
  let totalRaw = amountText;
  if (total.kind === "value") budget.total = total.value;
  else if (total.kind === "imprecise") {
    budget.total = total.rounded;
    sink.unitPrecision({ line, path, table: "project", field: "total", raw: total.raw, unit: "천원", rounded: total.rounded });
  } else if (total.kind === "malformed") {
    totalCandidates = total.candidates;
    totalRaw = total.raw;
  } else if (total.kind === "unreadable") {
    sink.unreadable(line, path, amountText, "project", { ko: "사업예산", en: "project budget" }, "error");
    return undefined;
  } else return undefined;

  const pendingParts: Array<{ key: string; raw: string; cellText: string; candidates: number[] }> = [];
  if (splitText !== undefined && splitText.trim() !== "") {
    const split = parseSplitText(splitText, sources, unit);
    for (const [key, v] of Object.entries(split.parts)) {
      const k = convertAmount(v, 0, unit, "천원");
      if (k !== null) {
        budget.parts[key] = k;
        budget.refs![key] = ref;
      }
    }
    for (const p of split.problems) {
      const label = /^([^\d△-]+)/.exec(p.text)?.[1] ?? "";
      const src = resolveSource(label, sources);
      if (p.candidates && p.candidates.length && src) {
        const candidates = p.candidates
          .map((c) => convertAmount(c, 0, unit, "천원"))
          .filter((c): c is number => c !== null);
        const raw = p.text.replace(/[,，\s]+$/, "");
        pendingParts.push({ key: src.key, raw, cellText: partCellText(raw.slice(label.length), unit), candidates });
      } else {
        sink.unreadable(line, path, p.text, "project", { ko: "재원 구분", en: "funding split" }, "error");
      }
    }
    if (split.wholeFrom) {
      budget.refs![split.wholeFrom] = ref;
      if (budget.total !== null) budget.parts[split.wholeFrom] = budget.total;
    }
    if (totalCandidates) {
      budget.total = likelyValue(totalCandidates, "total", null, budget.parts);
      if (split.wholeFrom && budget.total !== null) budget.parts[split.wholeFrom] = budget.total;
    }
  } else if (totalCandidates) {
    budget.total = totalCandidates[0] ?? null;
  }
  if (totalCandidates) {
    // The likely value feeds the checks; the text as written goes back into the workbook.
    budget.refs!.total = { line, raw: totalRaw };
    sink.malformedNumber({ line, path, table: "project", field: "total", raw: totalRaw, likely: budget.total, unit: "천원" });
  }
  for (const p of pendingParts) {
    const likely = likelyValue(p.candidates, p.key, budget.total, budget.parts);
    if (likely !== null) budget.parts[p.key] = likely;
    budget.refs![p.key] = { line, raw: p.cellText };
    sink.malformedNumber({ line, path, table: "project", field: p.key, raw: p.raw, likely, unit: "천원" });
  }
  if (rest) sink.unreadable(line, path, rest, "project", { ko: "사업예산 뒤의 내용", en: "text after the budget" });
  return budget;
}

/**
 * A split figure as its own cell would hold it: `국 867,5000` loses its label (the column
 * names the source) and gains the budget's unit when that is not the column's 천원.
 */
function partCellText(numberText: string, unit: Unit): string {
  const text = numberText.trim();
  const own = parseNumber(text);
  return unit === "천원" || (own.kind !== "empty" && own.unit) ? text : text + unit;
}
