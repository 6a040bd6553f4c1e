/**
 * How a WorkbookSpec becomes cells, the same for both .xlsx writers (the ExcelJS renderer in
 * xlsx-write.ts, kept for summarize's read-modify-write, and the direct OOXML writer in
 * ooxml-write.ts): which style each cell gets, what a link looks like, which rows the
 * validations and conditional formats cover, the page margins and what protection allows.
 */
import type { CellSpec, CellStyleSpec, ColumnSpec, DataValidationSpec, TableSpec } from "../workbook/workbook-model";
import { columnLetter } from "../workbook/workbook-model";
import { quoteSheet } from "../core/a1";
import { limitCell } from "../workbook/cell-limits";

export type Lang = "ko" | "en";

/** Rows below the header covered by validations and conditional formats at least. */
export const MIN_FORMAT_ROWS = 1000;

export const HEADER_FILL = "FFD9D9D9";
export const GENERATED_HEADER_FILL = "FFBDD7EE";
export const BORDER_COLOR = "FFA6A6A6";
export const LINK_COLOR = "FF0563C1";
export const TABLE_STYLE = "TableStyleLight1";

/** Inches, as Excel's page setup dialog keeps them. */
export const PAGE_MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } as const;

/** A protected sheet still lets a person select, resize, sort and filter (no password). */
export const PROTECTION_ALLOWS = ["formatColumns", "formatRows", "sort", "autoFilter"] as const;

export const WORDS = {
  ko: { promptTitle: "입력 안내", errorTitle: "입력 오류", wholeNumber: "0 이상의 정수만 입력할 수 있습니다.", list: "목록에 있는 값을 고르세요." },
  en: { promptTitle: "Input", errorTitle: "Invalid entry", wholeNumber: "Only a whole number, 0 or more, can be entered.", list: "Pick a value from the list." },
};

/** A cell within Excel's text limit (a spec built by buildWorkbookSpec already is: this is the last guard). */
export function fit(cell: CellSpec, lang: Lang): CellSpec {
  return limitCell(cell, lang).cell;
}

/** The body rows a table is written with: its rows, or one blank row (a table needs a body). */
export function bodyRows(table: TableSpec, lang: Lang): CellSpec[][] {
  const rows = table.rows.length ? table.rows : [table.columns.map((): CellSpec => ({ value: null }))];
  return rows.map((r) => r.map((c) => fit(c, lang)));
}

/** Header cells: bold, grey (computed columns blue), wrapped. */
export function headerStyle(c: ColumnSpec): CellStyleSpec {
  return { bold: true, fill: c.generated ? GENERATED_HEADER_FILL : HEADER_FILL, border: true, horizontal: "center", vertical: "middle", wrap: true };
}

/** Body cells of a table column, before the cell's own style. */
export function bodyStyle(c: ColumnSpec | undefined): CellStyleSpec {
  return { border: true, vertical: "middle", ...c?.style };
}

/** The style a cell is written with: the base, its own, a link's colour, wrapping for line breaks. */
export function cellStyle(cell: CellSpec, base: CellStyleSpec | undefined): CellStyleSpec {
  const merged: CellStyleSpec = { ...base, ...cell.style };
  if (cell.hyperlink) merged.color = merged.color ?? LINK_COLOR;
  if (typeof cell.value === "string" && cell.value.includes("\n")) merged.wrap = true;
  return merged;
}

/** Whether the cell is written as a link (text only, never a formula). */
export function isLink(cell: CellSpec): boolean {
  return !!cell.hyperlink && cell.formula === undefined && typeof cell.value === "string";
}

/** The location of a link to a cell of the same workbook ("'Sheet'!A1"). */
export function linkLocation(cell: CellSpec): string | undefined {
  return cell.hyperlink ? `${quoteSheet(cell.hyperlink.sheet)}!${cell.hyperlink.cell}` : undefined;
}

/** 1-based sheet rows the validations and conditional formats of a table cover. */
export function formatRows(table: TableSpec, bodyCount: number): { first: number; last: number } {
  const first = table.origin.row + 2;
  return { first, last: first - 1 + Math.max(bodyCount, MIN_FORMAT_ROWS) };
}

/** "E13:E1012" for a column key of the table, undefined when the table has no such column. */
export function columnRange(table: TableSpec, key: string, rows: { first: number; last: number }): string | undefined {
  const ci = table.columns.findIndex((c) => c.key === key);
  if (ci < 0) return undefined;
  const letter = columnLetter(table.origin.col + ci);
  return `${letter}${rows.first}:${letter}${rows.last}`;
}

/** The range of a conditional format: from its first to its last column, undefined without any. */
export function formatRange(table: TableSpec, columns: readonly string[], rows: { first: number; last: number }): string | undefined {
  const idx = columns.map((k) => table.columns.findIndex((c) => c.key === k)).filter((i) => i >= 0);
  if (!idx.length) return undefined;
  return `${columnLetter(table.origin.col + Math.min(...idx))}${rows.first}:${columnLetter(table.origin.col + Math.max(...idx))}${rows.last}`;
}

/** A data validation as both writers write it. */
export interface ValidationRule {
  type: "list" | "whole";
  operator?: "greaterThanOrEqual";
  formula: string;
  errorStyle: "warning" | "stop";
  prompt?: string;
  promptTitle: string;
  error: string;
  errorTitle: string;
}

export function validationRule(dv: DataValidationSpec, lang: Lang): ValidationRule {
  const words = WORDS[lang];
  const base = { prompt: dv.prompt?.[lang], promptTitle: words.promptTitle, errorTitle: words.errorTitle };
  if (dv.kind === "list") return { ...base, type: "list", formula: dv.source!.replace(/^=/, ""), errorStyle: "warning", error: dv.error?.[lang] ?? words.list };
  return { ...base, type: "whole", operator: "greaterThanOrEqual", formula: "0", errorStyle: "stop", error: dv.error?.[lang] ?? words.wholeNumber };
}
