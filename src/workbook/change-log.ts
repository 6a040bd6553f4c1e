/**
 * The 변경 이력 (change log) sheet: one row per operation on the workbook, by the add-in or
 * the CLI — import, regeneration, validation, undo — with the time, who, the finding counts
 * and, for a regeneration, the cells whose values changed (old → new), the first ones listed
 * and the rest counted. Pure: the sheet and table as data, a row from an entry, and the diff
 * of two sets of cell values. Writers append the rows (ExcelJS: cli/xlsx-write.ts
 * appendChangeLog; Office.js: the add-in, later).
 */
import type { Finding } from "../core/findings";
import type { Lang } from "../core/vocabulary";
import { cutText } from "./cell-limits";
import { v } from "./cell-specs";
import { AMOUNT_FORMAT } from "./columns";
import { pageSetup } from "./sheet-layout";
import { SHEET_NAMES, TOP_ORIGIN } from "./template-layout";
import type { CellSpec, CellValue, ColumnSpec, SheetSpec, TableSpec } from "./workbook-model";

/** Excel table name of the change log (ASCII, beside the names in core/vocabulary). */
export const CHANGE_LOG_TABLE = "ChangeLog";

/** Changed cells listed in full on a row; the rest are counted. */
export const CHANGES_SHOWN = 20;

export type ChangeOperation = "template" | "import" | "regenerate" | "validate" | "undo";

export const OPERATION_WORDS: Record<Lang, Record<ChangeOperation, string>> = {
  ko: { template: "서식 만들기", import: "가져오기", regenerate: "요약 재생성", validate: "검증", undo: "되돌리기" },
  en: { template: "template", import: "import", regenerate: "regenerate", validate: "validate", undo: "undo" },
};

export const TOOL_WORDS: Record<Lang, Record<"addin" | "cli", string>> = {
  ko: { addin: "추가 기능", cli: "명령줄" },
  en: { addin: "add-in", cli: "command line" },
};

export interface CellChange {
  sheet: string;
  cell: string;
  old: CellValue;
  new: CellValue;
}

export interface ChangeLogEntry {
  /** When the operation ran (local time is shown). */
  time: Date;
  operation: ChangeOperation;
  tool: "addin" | "cli";
  /** The Office user name where available, the login name in the CLI; "" when unknown. */
  who?: string;
  /** Findings after the operation (counted by severity). */
  findings?: readonly Finding[];
  /** Generated cells written (formulas and values). */
  written?: number;
  /** Summary rows added. */
  addedRows?: number;
  /** Cells whose values changed. */
  changes?: readonly CellChange[];
}

const text = (key: string, ko: string, en: string, width: number, wrap = false): ColumnSpec => ({
  key,
  header: { ko, en },
  type: "text",
  width,
  style: { vertical: "top", ...(wrap ? { wrap: true } : {}) },
});
const count = (key: string, ko: string, en: string): ColumnSpec => ({ key, header: { ko, en }, type: "integer", numberFormat: AMOUNT_FORMAT, width: 8, style: { vertical: "top" } });

export const CHANGE_LOG_COLUMNS: ColumnSpec[] = [
  text("time", "시각", "Time", 17),
  text("operation", "작업", "Operation", 12),
  text("tool", "도구", "Tool", 10),
  text("who", "사용자", "User", 12),
  count("errors", "오류", "Errors"),
  count("warnings", "경고", "Warnings"),
  count("info", "참고", "Info"),
  count("written", "쓴 칸", "Cells written"),
  count("addedRows", "추가한 행", "Rows added"),
  count("changed", "값이 바뀐 칸", "Cells changed"),
  text("changes", "바뀐 값 (이전 → 이후)", "Changed values (before → after)", 70, true),
];

/** "2026-12-01 14:03" in local time. */
export function formatTime(time: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${time.getFullYear()}-${p(time.getMonth() + 1)}-${p(time.getDate())} ${p(time.getHours())}:${p(time.getMinutes())}`;
}

function shown(value: CellValue, lang: Lang): string {
  if (value === null || value === undefined || value === "") return lang === "en" ? "(blank)" : "(빈 칸)";
  return typeof value === "number" ? value.toLocaleString("en-US") : String(value);
}

/** "요약!F14: 28 → 30; …" for the first `shownCount` changes, then "외 N칸". */
export function changesText(changes: readonly CellChange[], lang: Lang, shownCount = CHANGES_SHOWN): string {
  const list = changes.slice(0, shownCount).map((c) => `${c.sheet}!${c.cell}: ${shown(c.old, lang)} → ${shown(c.new, lang)}`);
  const rest = changes.length - list.length;
  if (rest > 0) list.push(lang === "en" ? `and ${rest} more` : `외 ${rest}칸`);
  const out = list.join("\n");
  return cutText(out) ?? out;
}

/** The diff of two sets of cell values ("sheet!A1" -> value): the cells whose value changed, in `after`'s order. */
export function cellChanges(before: ReadonlyMap<string, CellValue>, after: ReadonlyMap<string, CellValue>): CellChange[] {
  const norm = (x: CellValue | undefined) => (x === undefined || x === "" ? null : x);
  const out: CellChange[] = [];
  for (const [key, value] of after) {
    const old = norm(before.get(key));
    if (old === norm(value)) continue;
    const bang = key.lastIndexOf("!");
    out.push({ sheet: key.slice(0, bang), cell: key.slice(bang + 1), old, new: norm(value) });
  }
  return out;
}

/** One row of the change log for an entry (cells in CHANGE_LOG_COLUMNS order). */
export function changeLogRow(entry: ChangeLogEntry, lang: Lang = "ko"): CellSpec[] {
  const n = (s: Finding["severity"]) => (entry.findings ? entry.findings.filter((f) => f.severity === s).length : null);
  const changes = entry.changes ?? [];
  return [
    v(formatTime(entry.time)),
    v(OPERATION_WORDS[lang][entry.operation]),
    v(TOOL_WORDS[lang][entry.tool]),
    v(entry.who || null),
    v(n("error")),
    v(n("warning")),
    v(n("info")),
    v(entry.written ?? null),
    v(entry.addedRows ?? null),
    v(entry.changes ? changes.length : null),
    v(changes.length ? changesText(changes, lang) : null),
  ];
}

export function changeLogTable(entries: readonly ChangeLogEntry[], lang: Lang = "ko"): TableSpec {
  return { name: CHANGE_LOG_TABLE, columns: CHANGE_LOG_COLUMNS, origin: TOP_ORIGIN, rows: entries.map((e) => changeLogRow(e, lang)) };
}

/** The 변경 이력 sheet with its first rows. */
export function changeLogSheet(entries: readonly ChangeLogEntry[] = [], lang: Lang = "ko"): SheetSpec {
  return { key: "changeLog", name: SHEET_NAMES.changeLog, tables: [changeLogTable(entries, lang)], freezeRows: 1, pageSetup: pageSetup(lang, { first: 0, last: 0 }) };
}
