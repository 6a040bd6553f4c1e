/**
 * Tables of a plan document handed to the core plan builder: each row is the text of its
 * cells by field, each cell with the line it was read from. The importer finds tables and
 * cuts them into cells; reading the figures is the builder's.
 */
import type { Field, Role, RowsTable } from "../core/plan-builder";
import type { SourceRef, Unit } from "../core/model";

export interface TextRow {
  /** Line of the row (1-based): where a cell without a line of its own is. */
  line: number;
  /** Cell text (or a number the importer counted) by field. */
  cells: Record<Field, string | number | null>;
  /** Line of a cell read from another line than the row's (a vertical plan table). */
  lines?: Record<Field, number>;
}

export interface TextTableOptions {
  /** Unit of bare numbers per money field, where the document's header names one. */
  units?: Record<Field, Unit>;
  /** Header text per field, for messages. */
  headers?: Record<Field, string>;
}

/** A builder table over text rows; `fields` fixes the column order. */
export function textTable(role: Role, fields: readonly Field[], rows: readonly TextRow[], where: SourceRef, opts: TextTableOptions = {}): RowsTable {
  const columns: Record<Field, number> = {};
  fields.forEach((f, i) => (columns[f] = i));
  return {
    role,
    columns,
    units: opts.units,
    headers: opts.headers,
    rows: rows.map((r) => fields.map((f) => r.cells[f] ?? null)),
    at: (r, c) => ({ line: rows[r].lines?.[fields[c]] ?? rows[r].line }),
    where,
  };
}
