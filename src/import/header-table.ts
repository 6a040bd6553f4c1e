/**
 * Tables with one or two header rows whose upper cells span several columns:
 *
 *   구 분 | '19년 일자리 실적 |      |        | '20년 일자리 목표 |
 *         | 목표              | 실적 | 달성률 | 목표              | 증감률
 *
 * A spanning cell is exported once followed by empty cells, so an upper label is carried
 * to the right over columns that have a lower label of their own.
 */
import { readCell } from "../core/cells";
import type { Row } from "./lines";

export interface Column {
  upper: string;
  lower: string;
  /** The most specific label: the lower one when present. */
  label: string;
}

export interface HeaderTable {
  columns: Column[];
  headerRows: Row[];
  dataRows: Row[];
}

/** A row is data when one of its cells reads as a number. */
export function isDataRow(row: Row): boolean {
  return row.cells.some((c) => c !== "" && readCell(c, { kind: "measure" }).kind === "value");
}

export function splitHeader(rows: readonly Row[], maxHeaderRows = 3): HeaderTable {
  let h = 0;
  while (h < rows.length && h < maxHeaderRows && !isDataRow(rows[h])) h++;
  const headerRows = rows.slice(0, h);
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const columns: Column[] = [];
  const upperRow = headerRows.length >= 2 ? headerRows[headerRows.length - 2] : undefined;
  const lowerRow = headerRows.length >= 1 ? headerRows[headerRows.length - 1] : undefined;
  let carried = "";
  for (let c = 0; c < width; c++) {
    const lower = lowerRow?.cells[c] ?? "";
    let upper = upperRow?.cells[c] ?? "";
    if (upperRow) {
      if (upper) carried = upper;
      else if (lower) upper = carried;
    }
    const onlyOne = !upperRow;
    columns.push({ upper: onlyOne ? "" : upper, lower, label: lower || upper });
  }
  return { columns, headerRows, dataRows: rows.slice(h) };
}
