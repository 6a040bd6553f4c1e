/**
 * The detail part of a plan (IV. 세부실천과제): one section per task, each closing with a
 * plan table after a marker such as `【'20년 추진계획】`. A section may open with a
 * `[전략N. name]` line, then a heading that joins a purpose and the task
 * (`청년 창업가 발굴·육성을 위한 청년 창업 인프라 조성`); several sections have no [전략] line.
 */
import { cleanText, foldLabel, isBlank, isTableLine, readTable, type Row } from "./lines";

export interface DetailSection {
  /** 0-based index of the region's first line and of the marker line. */
  regionStart: number;
  markerIndex: number;
  strategyLabel?: { number: number | null; name: string; line: number };
  heading?: { text: string; line: number };
  /** Rows of the plan table after the marker. */
  tableRows: Row[];
  /** 0-based index after the plan table. */
  tableEnd: number;
}

export function isPlanTableMarker(line: string): boolean {
  if (isTableLine(line)) return false;
  const t = cleanText(line);
  return /^[【[［〔]/.test(t) && /[】\]］〕]$/.test(t) && foldLabel(t).includes("추진계획") && t.length <= 40;
}

const STRATEGY_LABEL = /^[[［【〔]\s*전략\s*(\d+)?\s*[.．)]?\s*(.*?)\s*[\]］】〕]$/;
/** `◈ 전략Ⅰ. name`, `■ 전략 2. name`: a strategy line without brackets. */
const STRATEGY_LINE = /^[◈◆■▣□●○]?\s*전략\s*([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]|[IVX]{1,4}|\d{1,2})\s*[.．)]\s*(\S.*?)$/;
const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanValue(text: string): number | null {
  const fullWidth = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ".indexOf(text);
  if (fullWidth >= 0 && text.length === 1) return fullWidth + 1;
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const v = ROMAN[text[i]];
    const next = ROMAN[text[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total || null;
}

export function parseStrategyLabel(line: string): { number: number | null; name: string } | null {
  const text = cleanText(line);
  const m = STRATEGY_LABEL.exec(text);
  if (m) return { number: m[1] ? Number(m[1]) : null, name: m[2].trim() };
  const l = STRATEGY_LINE.exec(text);
  // A table-of-contents line ends with dots and a page number.
  if (l && !/[·.…]{3,}\s*\d*$/.test(l[2])) return { number: romanValue(l[1]), name: l[2].trim() };
  return null;
}

/** Part numbers are Roman (IV., Ⅳ.) or Arabic; the number differs between plans. */
const PART_NUMBER = "(?:[IVX]+|[Ⅰ-Ⅻ]|\\d{1,2}|제\\d{1,2}장)";

/** The `IV. 세부실천과제` heading (not its table-of-contents entry, which has a page number). */
export function isDetailPartHeading(line: string): boolean {
  if (isTableLine(line)) return false;
  return new RegExp(`^${PART_NUMBER}?(?:분야별)?세부실천과제$`).test(foldLabel(line));
}

/** The `V. 추진일정` heading (not its table-of-contents entry). */
export function isScheduleHeading(line: string): boolean {
  if (isTableLine(line)) return false;
  return new RegExp(`^${PART_NUMBER}?추진일정$`).test(foldLabel(line));
}

/** Bullet-led lines belong to a section's body, never to its heading. */
const BODY_LINE = /^[□■○●◦·\-–※*▷▶►⇒<]/;
const BOX_LINE = /^[□■]/;

/**
 * Splits the detail part into sections. `from` is the 0-based index where the detail part
 * starts (its heading, or the first line after the summary tables).
 */
export function findDetailSections(lines: readonly string[], from: number): DetailSection[] {
  const sections: DetailSection[] = [];
  let regionStart = from;
  for (let i = from; i < lines.length; i++) {
    if (!isPlanTableMarker(lines[i])) continue;
    const { rows, end } = readTable(lines, i + 1);
    const section: DetailSection = { regionStart, markerIndex: i, tableRows: rows, tableEnd: end };
    // The heading is the last plain line before the section's first □ line (□ 사업목적);
    // looking backwards from there skips whatever precedes it in the region (the list
    // table of the detail part, or summary tables when the part heading is missing).
    let body = -1;
    for (let j = regionStart; j < i; j++) {
      if (!isTableLine(lines[j]) && BOX_LINE.test(cleanText(lines[j])) && plainLineBefore(lines, regionStart, j)) {
        body = j;
        break;
      }
    }
    const headingEnd = body >= 0 ? body : i;
    for (let j = headingEnd - 1; j >= regionStart; j--) {
      const line = lines[j];
      if (isBlank(line) || isTableLine(line)) continue;
      const label = parseStrategyLabel(line);
      if (label) {
        section.strategyLabel = { ...label, line: j + 1 };
        break;
      }
      if (section.heading) break;
      const t = cleanText(line);
      if (BODY_LINE.test(t) || isDetailPartHeading(line)) break;
      section.heading = { text: t, line: j + 1 };
    }
    sections.push(section);
    regionStart = end;
    i = Math.max(i, end - 1);
  }
  return sections;
}

/** True when a plain (heading-like) line sits between `from` and `to`, after any table. */
function plainLineBefore(lines: readonly string[], from: number, to: number): boolean {
  for (let j = to - 1; j >= from; j--) {
    const line = lines[j];
    if (isBlank(line)) continue;
    if (isTableLine(line)) return false;
    const t = cleanText(line);
    if (parseStrategyLabel(line) || BODY_LINE.test(t) || isDetailPartHeading(line)) continue;
    return true;
  }
  return false;
}
