/**
 * The words every surface shares: severity labels, the words that mark total and subtotal
 * rows, list bullets, Excel table names and the one parser of a funding-source list. The
 * text importer, the workbook reader, the custom functions, the CLI, the sheets and the task
 * pane all take them from here, so that a word means the same thing everywhere.
 */
import type { Severity } from "./findings";
import { resolveSource } from "./amounts";
import { DEFAULT_SOURCES, type FundingSource, type Unit } from "./model";

export type Lang = "ko" | "en";

/** One word per severity, the same on the 검증 sheet, in the pane and in the CLI. */
export const SEVERITY_WORDS: Record<Lang, Record<Severity, string>> = {
  ko: { error: "오류", warning: "경고", info: "참고" },
  en: { error: "error", warning: "warning", info: "info" },
};

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

// ---------------------------------------------------------------------------------------
// Total and subtotal rows

/** Words of a row that totals the whole table (in the strategy column). */
const TOTAL_WORDS = new Set(["합계", "총계", "계", "합", "총합계", "전체", "total", "grandtotal", "sum"]);
/** Words of a row that totals one strategy (in the task or project column, or `소계`). */
const SUBTOTAL_WORDS = new Set(["소계", "subtotal"]);

/** Longest folded text that can be a total word: most names are ruled out by length alone. */
const MAX_TOTAL_WORD = 10;

function foldWord(text: string): string {
  return text.replace(/[\s\u3000·ㆍ:：()（）[\]【】<>〈〉*]/g, "").toLowerCase();
}

const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const LEADING_MARKS = codes(" \t\u3000(（[【<〈*");
const FIRST_LETTERS = codes("합계총전소tTgGsS");

/**
 * Whether a name cell is a total word: "total" for 합계 / 총계 / 계 / total, "subtotal" for
 * 소계 / subtotal, undefined for a name. Spacing and brackets are ignored (`합 계`, `【소계】`).
 */
export function totalWord(text: unknown): "total" | "subtotal" | undefined {
  if (typeof text !== "string" || text.length === 0 || text.length > 3 * MAX_TOTAL_WORD) return undefined;
  // Most cells are names: rule them out by their first letter before folding (runs per row).
  // By character code: text[i] of a Hangul letter would make a new string per row.
  let i = 0;
  while (i < text.length && LEADING_MARKS.has(text.charCodeAt(i))) i++;
  if (i === text.length || !FIRST_LETTERS.has(text.charCodeAt(i))) return undefined;
  const w = foldWord(text);
  if (w.length === 0 || w.length > MAX_TOTAL_WORD) return undefined;
  if (TOTAL_WORDS.has(w)) return "total";
  if (SUBTOTAL_WORDS.has(w)) return "subtotal";
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Lists inside one cell or line (세부사업내용)

/** Bullets and list marks that start an item: `▷`, `▶`, `•`, `-`, `○`, `※`, `1)`, `가.` ... */
const BULLET = /^(?:[\s\u3000]*(?:[▷▶►▸•·∙○◦●◎▪■□◇◆※\-–—*]|\d{1,2}[.)]|[가-하][.)])(?=\s|[^\d])[\s\u3000]*)+/u;

/** An item without its leading bullet and spaces. */
export function stripBullet(text: string): string {
  return text.replace(BULLET, "").trim();
}

/**
 * The items of a list cell: one per line, or several on one line separated by `▷`/`▶`
 * marks, each without its bullet. Empty items are dropped.
 */
export function listItems(text: string | null | undefined): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    for (const piece of line.split(/(?=[▷▶►])/u)) {
      const item = stripBullet(piece);
      if (item) out.push(item);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Excel table names

/**
 * The Excel tables jobplan writes, by kind. ASCII and stable: formulas, the custom
 * functions' examples and the reader all name them.
 */
export const TABLE_NAMES = {
  taskPlans: "TaskPlans",
  projects: "Projects",
  summaryByTask: "SummaryByTask",
  summaryByStrategy: "SummaryByStrategy",
  commonTargets: "CommonTargets",
  // Not "Findings": table names and defined names share one namespace, and FINDINGS is a LAMBDA name.
  findings: "FindingList",
  planInfo: "PlanInfo",
  sourceList: "SourceList",
  strategyList: "StrategyList",
  taskList: "TaskList",
  schedule: "Schedule",
} as const;

export type TableKind = keyof typeof TABLE_NAMES;

// ---------------------------------------------------------------------------------------
// Funding-source lists

/**
 * Funding sources from a list of labels as a user types it (`국비,도비,군비,민자,기금`), for
 * the CLI's `--sources` and the pane's form alike. A label that names a default source (by
 * key, label or alias) takes that source's key, so 도비 and 시비 are both `province`, with
 * the label as written; any other label gets `source<n>` by its position. Private money is
 * recognised by its default key or by 민자 / 민간 in the label. Repeated sources are
 * dropped; an empty list gives the default sources.
 */
export function parseSourceList(list: string | readonly string[]): FundingSource[] {
  const labels = (typeof list === "string" ? list.split(/[,，、;]/) : list).map((s) => s.trim()).filter(Boolean);
  const out: FundingSource[] = [];
  labels.forEach((given, i) => {
    const known = DEFAULT_SOURCES.find((s) => s.key === given) ?? resolveSource(given, DEFAULT_SOURCES);
    if (known && !out.some((s) => s.key === known.key)) {
      const label = given === known.key ? known.label : given;
      out.push({ ...known, label, aliases: [...new Set([label, ...known.aliases])] });
      return;
    }
    if (out.some((s) => s.label === given)) return;
    const src: FundingSource = { key: `source${i + 1}`, label: given, labelEn: given, aliases: [given] };
    if (/민자|민간/.test(given)) src.isPrivate = true;
    out.push(src);
  });
  return out.length ? out : DEFAULT_SOURCES.map((s) => ({ ...s, aliases: [...s.aliases] }));
}

// ---------------------------------------------------------------------------------------
// Units named in headers

/** The money unit a header names (`계(천원)`, `사업예산 (백만원)`, `Total (million won)`), if any. */
export function unitInHeader(text: unknown): Unit | undefined {
  if (typeof text !== "string") return undefined;
  const t = text.toLowerCase();
  if (/백만\s*원|million/.test(t)) return "백만원";
  if (/억\s*원/.test(t)) return "억원";
  if (/천\s*원|thousand/.test(t)) return "천원";
  if (/[(（]\s*원\s*[)）]|\(won\)/.test(t)) return "원";
  return undefined;
}
