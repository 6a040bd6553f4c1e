/**
 * A neutral description of a workbook that jobplan writes: sheets, tables, cells, formats,
 * validation, conditional formats and names. The CLI renders it with ExcelJS (src/cli) and
 * the add-in with Office.js (src/excel), so the template is described once.
 *
 * Coordinates are 0-based (row, col) inside a sheet; A1 strings are made only at the edges.
 *
 * Everything after the first fields of each type is optional presentation (page setup,
 * styles, notes, links, protection): a renderer that does not know a field yet ignores it
 * and still writes a workbook with the same data and formulas.
 */

export type CellValue = string | number | boolean | null;

/** Colours are ARGB hex ("FFDDEBF7"). */
export interface CellStyleSpec {
  bold?: boolean;
  /** Points. */
  size?: number;
  color?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right" | "centerContinuous";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin borders on all four sides. */
  border?: boolean;
}

/** A cell to write. `formula` wins over `value`; text values are always written as text. */
export interface CellSpec {
  value?: CellValue;
  /** Without the leading "=", in English function names (SUMIFS, ROUND, ...). */
  formula?: string;
  numberFormat?: string;
  /** A link to a cell of this workbook (the cell's text is what is shown). */
  hyperlink?: { sheet: string; cell: string };
  /** A note (comment) on the cell, saying why it holds what it holds. */
  note?: string;
  style?: CellStyleSpec;
  /** Whether the cell stays locked when its sheet is protected; defaults by kind (see SheetSpec.protection). */
  locked?: boolean;
}

export type ColumnType = "text" | "integer" | "amount" | "percent" | "list";

export interface ColumnSpec {
  key: string;
  header: { ko: string; en: string };
  /** Other header spellings recognised on read. */
  aliases?: string[];
  type: ColumnType;
  numberFormat?: string;
  required?: boolean;
  /** Filled by jobplan (formula or generated value); the rest is typed by the user. */
  generated?: boolean;
  width?: number;
  /** Helper columns jobplan fills for its formulas (match names, rounding nudges): hidden. */
  hidden?: boolean;
  /** Style of the body cells (a tint for computed columns, wrapping for long text). */
  style?: CellStyleSpec;
  /** A note on the header cell explaining the column. */
  headerNote?: { ko: string; en: string };
}

export interface DataValidationSpec {
  /** Column key in the table. */
  column: string;
  kind: "wholeNumber>=0" | "list";
  /** For lists: a range formula such as `=설정!$B$2:$B$20` or an inline list. */
  source?: string;
  prompt?: { ko: string; en: string };
  /** Shown when a value is refused (defaults to a generic message in the workbook's language). */
  error?: { ko: string; en: string };
}

export interface ConditionalFormatSpec {
  /** Column keys whose cells are formatted. */
  columns: string[];
  /** Formula relative to the first data row, e.g. `$E2<>SUM($F2:$I2)`. */
  formula: string;
  fill: string;
  fontColor?: string;
  /** A number format while the rule holds (`;;;` hides the value, e.g. a repeated name). */
  numberFormat?: string;
}

export interface TableSpec {
  /** Excel table name (ASCII, unique in the workbook), e.g. "Detail". */
  name: string;
  columns: ColumnSpec[];
  /** Top-left of the header row. */
  origin: { row: number; col: number };
  /** Body rows; each row has one entry per column (in column order). */
  rows: CellSpec[][];
  /** A totals row below the body, if any. */
  totals?: CellSpec[];
  validations?: DataValidationSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
}

/** Print layout of a sheet. */
export interface PageSetupSpec {
  paper: "A4";
  orientation: "landscape" | "portrait";
  /** Pages wide and tall the print is scaled to; 0 tall = as many pages as it needs. */
  fitToWidth: number;
  fitToHeight: number;
  /** 0-based sheet rows repeated at the top of every printed page. */
  printTitleRows?: { first: number; last: number };
  /** Footer in Excel's header/footer codes (&A sheet name, &P page, &N pages). */
  footer?: string;
  horizontalCentered?: boolean;
}

export interface SheetSpec {
  /** Stable key: "summary", "strategy", "detail", "taskPlan", "common", "findings", "settings". */
  key: string;
  name: string;
  tables: TableSpec[];
  /** Loose cells outside tables (titles, notes). */
  cells?: Array<{ row: number; col: number; cell: CellSpec }>;
  freezeRows?: number;
  pageSetup?: PageSetupSpec;
  /** Row heights in points, 0-based sheet rows. */
  rowHeights?: Array<{ row: number; height: number }>;
  /** Merged ranges, 0-based and inclusive (titles and group headers above tables only). */
  merges?: Array<{ top: number; left: number; bottom: number; right: number }>;
  /**
   * Sheet protection without a password: table cells of generated columns and loose cells
   * stay locked, everything a person types into is unlocked (`CellSpec.locked` overrides).
   */
  protection?: { enabled: boolean };
}

export interface NameSpec {
  name: string;
  /** Formula text including the leading "=". */
  formula: string;
  comment?: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  names?: NameSpec[];
  /** Language of the workbook's own words (validation messages, notes). */
  lang?: "ko" | "en";
  /** One font family for every cell written. */
  font?: { name: string; size: number };
}

// Addresses are made in one place (core/a1); re-exported for the template's users.
export { a1, columnLetter } from "../core/a1";
