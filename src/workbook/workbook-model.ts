/**
 * A neutral description of a workbook that jobplan writes: sheets, tables, cells, formats,
 * validation, conditional formats and names. The CLI renders it with ExcelJS (src/cli) and
 * the add-in with Office.js (src/excel), so the template is described once.
 *
 * Coordinates are 0-based (row, col) inside a sheet; A1 strings are made only at the edges.
 */

export type CellValue = string | number | boolean | null;

/** A cell to write. `formula` wins over `value`; text values are always written as text. */
export interface CellSpec {
  value?: CellValue;
  /** Without the leading "=", in English function names (SUMIFS, ROUND, ...). */
  formula?: string;
  numberFormat?: string;
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
}

export interface DataValidationSpec {
  /** Column key in the table. */
  column: string;
  kind: "wholeNumber>=0" | "list";
  /** For lists: a range formula such as `=설정!$B$2:$B$20` or an inline list. */
  source?: string;
  prompt?: { ko: string; en: string };
}

export interface ConditionalFormatSpec {
  /** Column keys whose cells are formatted. */
  columns: string[];
  /** Formula relative to the first data row, e.g. `$E2<>SUM($F2:$I2)`. */
  formula: string;
  fill: string;
  fontColor?: string;
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

export interface SheetSpec {
  /** Stable key: "summary", "strategy", "detail", "taskPlan", "common", "findings", "settings". */
  key: string;
  name: string;
  tables: TableSpec[];
  /** Loose cells outside tables (titles, notes). */
  cells?: Array<{ row: number; col: number; cell: CellSpec }>;
  freezeRows?: number;
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
}

// Addresses are made in one place (core/a1); re-exported for the template's users.
export { a1, columnLetter } from "../core/a1";
