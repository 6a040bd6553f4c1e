/**
 * Excel keeps at most 32,767 characters in a cell; a longer text would be cut by Excel on
 * open (or make the file unreadable), silently. jobplan cuts it itself, says so in a note on
 * the cell, and reports a finding naming the cell, so nothing is lost without a word. Pure.
 */
import type { Finding } from "../core/findings";
import type { Lang } from "../core/vocabulary";
import type { CellSpec, SheetSpec } from "./workbook-model";
import { a1 } from "./workbook-model";

export const MAX_CELL_TEXT = 32_767;
/** Kept at the end of a cut text so that the cut shows in the cell itself. */
export const CUT_MARK = " …(잘림)";

function cutNote(length: number, lang: Lang): string {
  return lang === "en"
    ? `This text had ${length.toLocaleString("en-US")} characters; Excel holds ${MAX_CELL_TEXT.toLocaleString("en-US")} in a cell, so the rest was cut. The full text is in the source document.`
    : `원문은 ${length.toLocaleString("en-US")}자이지만 Excel 셀에는 ${MAX_CELL_TEXT.toLocaleString("en-US")}자까지만 들어가므로 나머지를 잘랐습니다. 전체 내용은 원문 문서에 있습니다.`;
}

/** A text cut to the limit, the cut marked; undefined when it fits. */
export function cutText(text: string): string | undefined {
  if (text.length <= MAX_CELL_TEXT) return undefined;
  // Never split a surrogate pair.
  let end = MAX_CELL_TEXT - CUT_MARK.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + CUT_MARK;
}

/** The cell, cut to the limit with a note, or as it was. */
export function limitCell(cell: CellSpec, lang: Lang): { cell: CellSpec; length?: number } {
  if (typeof cell.value !== "string") return { cell };
  const cut = cutText(cell.value);
  if (cut === undefined) return { cell };
  const note = cutNote(cell.value.length, lang);
  return { cell: { ...cell, value: cut, note: cell.note ? `${note}\n${cell.note}` : note }, length: cell.value.length };
}

function finding(sheet: string, cell: string, length: number): Finding {
  const at = `${sheet}!${cell}`;
  const n = length.toLocaleString("en-US");
  const max = MAX_CELL_TEXT.toLocaleString("en-US");
  return {
    code: "unreadable",
    severity: "warning",
    message: {
      ko: `${at}의 글자가 ${n}자로 Excel 셀 한도(${max}자)를 넘어 뒷부분을 잘랐습니다. 원문을 확인하세요.`,
      en: `The text for ${at} has ${n} characters, more than an Excel cell holds (${max}); the end was cut. Check the source document.`,
    },
    location: { path: [], sheet, cell, field: "text-limit" },
    expected: MAX_CELL_TEXT,
    actual: length,
  };
}

/**
 * Cuts every over-long text of the sheets in place (tables, totals and loose cells) and
 * returns a finding per cut cell. (The findings sheet cuts its own messages, which quote
 * such texts, with a note only: findings-sheet.ts.)
 */
export function limitSheets(sheets: SheetSpec[], lang: Lang): Finding[] {
  const out: Finding[] = [];
  const fix = (sheet: string, row: number, col: number, cell: CellSpec): CellSpec => {
    const r = limitCell(cell, lang);
    if (r.length !== undefined) out.push(finding(sheet, a1(row, col), r.length));
    return r.cell;
  };
  for (const s of sheets) {
    for (const t of s.tables) {
      t.rows = t.rows.map((r, i) => r.map((c, j) => fix(s.name, t.origin.row + 1 + i, t.origin.col + j, c)));
      if (t.totals) t.totals = t.totals.map((c, j) => fix(s.name, t.origin.row + 1 + t.rows.length, t.origin.col + j, c));
    }
    s.cells = s.cells?.map((c) => ({ ...c, cell: fix(s.name, c.row, c.col, c.cell) }));
  }
  return out;
}
