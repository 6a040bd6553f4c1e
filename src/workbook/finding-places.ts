/**
 * Where each figure of a plan was written in the workbook, so that a finding from a text
 * import (which knows a line, a table, names and a field) points at a cell from the first
 * import on. The template builder records every cell it fills from the plan; a finding is
 * then looked up by the most precise key it has: table + line + field, table + names +
 * field, table + line, table + names, line. Pure.
 */
import type { Finding, PlanTable } from "../core/findings";
import type { SourceRef } from "../core/model";
import { a1 } from "../core/a1";

export interface Place {
  sheet: string;
  cell: string;
}

const SEP = "\u0000";

export class PlaceIndex {
  private readonly byKey = new Map<string, Place>();

  private put(key: string, place: Place): void {
    if (!this.byKey.has(key)) this.byKey.set(key, place);
  }

  /**
   * Records a cell written from the plan: `fields` are the finding fields that mean it
   * (a summary's budget is "total" to the checks), `ref` where the figure was read.
   */
  record(place: Place, table: PlanTable, path: readonly string[], fields: readonly string[], ref?: SourceRef): void {
    const names = path.join(SEP);
    for (const field of fields) {
      if (ref?.line !== undefined) this.put(`${table}|L${ref.line}|${field}`, place);
      this.put(`${table}|${names}|${field}`, place);
    }
    if (ref?.line !== undefined) {
      this.put(`${table}|L${ref.line}`, place);
      this.put(`L${ref.line}`, place);
    }
    this.put(`${table}|${names}`, place);
  }

  /** Records a cell by its table position (0-based sheet row / col). */
  recordAt(sheet: string, row: number, col: number, table: PlanTable, path: readonly string[], fields: readonly string[], ref?: SourceRef): void {
    this.record({ sheet, cell: a1(row, col) }, table, path, fields, ref);
  }

  /** The cell a finding is about: its own when it names one, else the best recorded match. */
  find(finding: Finding): Place | undefined {
    const loc = finding.location;
    if (loc.sheet && loc.cell) return { sheet: loc.sheet, cell: loc.cell };
    const names = loc.path.join(SEP);
    const table = loc.table;
    const keys: string[] = [];
    if (table) {
      if (loc.line !== undefined && loc.field) keys.push(`${table}|L${loc.line}|${loc.field}`);
      if (loc.field) keys.push(`${table}|${names}|${loc.field}`);
      if (loc.line !== undefined) keys.push(`${table}|L${loc.line}`);
      keys.push(`${table}|${names}`);
    }
    if (loc.line !== undefined) keys.push(`L${loc.line}`);
    for (const k of keys) {
      const p = this.byKey.get(k);
      if (p) return p;
    }
    return undefined;
  }
}
