/**
 * How jobplan's sheets look and print: one font, a title and a unit line above the tables
 * shaped like the published ones, a group header over declared (공표) and computed (산출)
 * columns, A4 landscape fitted to the page width with the header rows repeated and the
 * sheet name and page number in the footer. Pure.
 */
import type { Lang } from "../core/vocabulary";
import { COMPUTED_HEADER_FILL } from "./columns";
import { rowHeight } from "./text-layout";
import type { CellSpec, CellStyleSpec, ColumnSpec, PageSetupSpec, SheetSpec, TableSpec } from "./workbook-model";

export const FONT = { name: "맑은 고딕", size: 10 } as const;

export const TITLE_STYLE: CellStyleSpec = { bold: true, size: 13 };
export const UNIT_STYLE: CellStyleSpec = { horizontal: "right", size: 9 };
export const GROUP_STYLE: CellStyleSpec = { bold: true, horizontal: "center", vertical: "middle", border: true, fill: "FFF2F2F2" };
export const COMPUTED_GROUP_STYLE: CellStyleSpec = { ...GROUP_STYLE, fill: COMPUTED_HEADER_FILL };

export const FOOTER: Record<Lang, string> = {
  ko: "&L&A&R&P / &N쪽",
  en: "&L&A&RPage &P of &N",
};

/** A4 landscape, one page wide; `onePage` fits the height too (요약 prints on one page). */
export function pageSetup(lang: Lang, titleRows?: { first: number; last: number }, onePage = false): PageSetupSpec {
  const setup: PageSetupSpec = { paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: onePage ? 1 : 0, footer: FOOTER[lang], horizontalCentered: true };
  if (titleRows) setup.printTitleRows = titleRows;
  return setup;
}

/** The table's last column shown (helper columns are hidden at the right). */
export function lastVisibleColumn(table: TableSpec): number {
  let last = 0;
  table.columns.forEach((c, i) => {
    if (!c.hidden) last = i;
  });
  return table.origin.col + last;
}

export interface TitleOptions {
  title: string;
  /** "(단위: 명, 백만원)", right-aligned above the table's last shown column. */
  unit?: string;
  /** Group header row just above the table header: labels over runs of columns. */
  groups?: Array<{ label: string; from: string; to: string; computed?: boolean }>;
}

/**
 * Title, unit line and group header above a table whose header row is at `table.origin.row`
 * (rows origin-3 .. origin-1). Groups are merged ranges: they sit above the table, where
 * inserting table rows never moves them.
 */
export function titleBlock(sheet: SheetSpec, table: TableSpec, o: TitleOptions): void {
  const top = table.origin.row - 3;
  const left = table.origin.col;
  const cells = (sheet.cells = sheet.cells ?? []);
  cells.push({ row: top, col: left, cell: { value: o.title, style: TITLE_STYLE } });
  if (o.unit) cells.push({ row: top + 1, col: lastVisibleColumn(table), cell: { value: o.unit, style: UNIT_STYLE } });
  sheet.rowHeights = [...(sheet.rowHeights ?? []), { row: top, height: 24 }];
  if (!o.groups?.length) return;
  const at = (key: string) => table.columns.findIndex((c) => c.key === key);
  const merges = (sheet.merges = sheet.merges ?? []);
  for (const g of o.groups) {
    const a = at(g.from);
    const b = at(g.to);
    if (a < 0 || b < a) continue;
    const style = g.computed ? COMPUTED_GROUP_STYLE : GROUP_STYLE;
    for (let c = a; c <= b; c++) cells.push({ row: top + 2, col: left + c, cell: { value: c === a ? g.label : null, style } });
    if (b > a) merges.push({ top: top + 2, left: left + a, bottom: top + 2, right: left + b });
  }
}

/** Header row height that fits the longest wrapped header of the table. */
export function headerHeight(columns: readonly ColumnSpec[]): number {
  let lines = 1;
  for (const c of columns) {
    if (c.hidden || !c.width) continue;
    const len = [...c.header.ko].length * 1.8;
    lines = Math.max(lines, Math.ceil(len / Math.max(1, c.width - 1.5)));
  }
  return Math.min(4, lines) * 14 + 4;
}

/** Heights of a table's header and body rows: enough for the text of its wrapped columns. */
export function tableRowHeights(t: TableSpec): NonNullable<SheetSpec["rowHeights"]> {
  const wrapped = t.columns.map((c, i) => ({ i, width: c.width ?? 10, wrap: !!c.style?.wrap && !c.hidden })).filter((c) => c.wrap);
  return [
    { row: t.origin.row, height: headerHeight(t.columns) },
    ...t.rows.map((r, i) => ({ row: t.origin.row + 1 + i, height: rowHeight(wrapped.map((c) => ({ text: String(r[c.i]?.value ?? ""), width: c.width }))) })),
  ];
}

/** A loose label cell in the table's look (bordered, bold header or plain body). */
export function boxCell(value: CellSpec["value"], style: CellStyleSpec = {}): CellSpec {
  return { value, style: { border: true, vertical: "middle", ...style } };
}
