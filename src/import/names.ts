/**
 * Names of strategies, tasks and projects, compared across tables.
 *
 * The same item is spelled differently from table to table (`사회적 경제조직 육성·지원` vs
 * `사회적경제조직 육성·지원`, `경쟁력 있는 산업단지 제조업` vs `경쟁력있는 산업단지· 제조업`),
 * so names are compared on a key without spaces, punctuation and numbering marks, and
 * loosely by character bigrams.
 */
import { normalizeNumberText } from "../core/amounts";
import { similarity } from "../core/names";
import { cleanText } from "./lines";

/** Leading numbering and bullet marks: ①, 1., (1), 가., Ⅲ., ○, ◈, -, ·, ※, *, ▷, □. */
const LEADING_MARKS = /^(?:[①-⑳㉑-㉟]|\(?\d{1,2}[.)]|\(?[가-하][.)]|[Ⅰ-Ⅻ][.)]|[○●◦◎□■◈◆▷▶►•·ㆍ※*\-–—+]|\s)+/u;

/** A name as it should be shown: markup, numbering marks and extra spaces removed. */
export function displayName(text: string): string {
  return cleanText(cleanText(text).replace(LEADING_MARKS, ""));
}

/** The comparison key of a name. */
export function nameKey(text: string): string {
  return normalizeNumberText(displayName(text))
    .toLowerCase()
    .replace(/[·ㆍ•.,:：;'"‘’“”`()（）[\]［］{}<>〈〉「」『』【】_\-/&+~]/g, "");
}

/** The key with parenthesised remarks removed (`(지산맞)`, `(중소기업 사무행정 실무자과정)`). */
export function baseNameKey(text: string): string {
  return nameKey(displayName(text).replace(/[(（][^()（）]*[)）]/g, ""));
}

/** Dice coefficient of character bigrams, 0..1, on the names as displayed. */
export function nameSimilarity(a: string, b: string): number {
  return similarity(displayName(a), displayName(b));
}

/** True when two spellings name the same item (equal keys, or one key contains the other). */
export function sameName(a: string, b: string): boolean {
  const ka = baseNameKey(a);
  const kb = baseNameKey(b);
  if (!ka || !kb) return false;
  return ka === kb || (Math.min(ka.length, kb.length) >= 4 && (ka.includes(kb) || kb.includes(ka)));
}

/**
 * The task part of a detail heading: headings read `<purpose>을 위한 <task>`
 * (`청년 창업가 발굴·육성을 위한 청년 창업 인프라 조성`), so the words after the last `위한`.
 */
export function headingTaskPart(heading: string): string {
  const name = displayName(heading);
  const m = /^(.*\S)\s*위한\s+(.+)$/.exec(name);
  return m ? m[2].trim() : name;
}

/** Similarity of a detail heading to a summary task name, trying the heading's task part too. */
export function headingSimilarity(heading: string, taskName: string): number {
  return Math.max(nameSimilarity(heading, taskName), nameSimilarity(headingTaskPart(heading), taskName));
}
