/**
 * Lines and table cells of a plan document pasted or exported as text.
 *
 * Word processors export a table as one line per row with tab-separated cells; merged cells
 * leave empty cells behind, so a cell's position is kept (empty cells are not dropped).
 */
import { normalizeNumberText } from "../core/amounts";

export interface Row {
  /** 1-based line number in the text. */
  line: number;
  /** Cells, each cleaned with cleanText; empty cells are kept to preserve column positions. */
  cells: string[];
}

export function splitLines(text: string): string[] {
  // Strip a BOM and accept CRLF / CR files as they come from Windows tools.
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/**
 * Text as a person reads it: bold marks, non-breaking and full-width spaces and zero-width
 * characters removed, runs of spaces collapsed.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/[\u00a0\u3000]/g, " ")
    .replace(/\*\*/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A label folded for comparison: `사 업 비`, `사업비`, `사업비:` and `［사업비］` all give
 * `사업비`. Only for recognising labels; names shown to people keep their spelling.
 */
export function foldLabel(text: string): string {
  return normalizeNumberText(cleanText(text))
    .replace(/[＇'‘’"“”`]/g, "")
    .replace(/[·ㆍ•.,:：;()（）[\]［］{}<>〈〉「」『』【】_\-/]/g, "");
}

export function isBlank(line: string): boolean {
  return cleanText(line) === "";
}

export function isTableLine(line: string): boolean {
  return line.includes("\t");
}

export function cellsOf(line: string): string[] {
  return line.split("\t").map(cleanText);
}

export function nonEmptyCells(row: Row): string[] {
  return row.cells.filter((c) => c !== "");
}

/**
 * Reads the tab-separated rows of the table starting at or after `start` (0-based index),
 * skipping leading blank lines. With `allowGaps`, blank lines between rows (a page break in
 * the original) do not end the table. Returns the rows and the index after the table.
 */
export function readTable(
  lines: readonly string[],
  start: number,
  options: { allowGaps?: boolean; maxLeadingBlank?: number } = {},
): { rows: Row[]; end: number } {
  let i = start;
  let leading = 0;
  const maxLeading = options.maxLeadingBlank ?? 3;
  while (i < lines.length && isBlank(lines[i]) && !isTableLine(lines[i])) {
    i++;
    if (++leading > maxLeading) return { rows: [], end: start };
  }
  const rows: Row[] = [];
  while (i < lines.length) {
    const line = lines[i];
    if (isTableLine(line)) {
      rows.push({ line: i + 1, cells: cellsOf(line) });
      i++;
      continue;
    }
    if (options.allowGaps && isBlank(line)) {
      let j = i;
      while (j < lines.length && isBlank(lines[j]) && !isTableLine(lines[j])) j++;
      if (j < lines.length && isTableLine(lines[j])) {
        i = j;
        continue;
      }
    }
    break;
  }
  return { rows, end: i };
}

/** Text of an HTML fragment such as `<ul style="..."> ▷ a ▷ b </ul>`, tags removed. */
export function stripHtml(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * The items of a project list cell: `▷ a ▷ b`, possibly inside an HTML list. Items are
 * kept as written (one item may name several projects, e.g. `공공근로, 지역공동체 일자리 사업`).
 */
export function listItems(cell: string): string[] {
  const text = stripHtml(cell);
  return text
    .split(/[▷▶►•○◦]/)
    .map(cleanText)
    .filter((s) => s !== "");
}
