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

interface Recorded {
  place: Place;
  table: PlanTable;
  names: string;
  fields: readonly string[];
  line?: number;
}

export class PlaceIndex {
  private readonly recorded: Recorded[] = [];
  private byKey: Map<string, Place> | undefined;

  /**
   * Records a cell written from the plan: `fields` are the finding fields that mean it
   * (a summary's budget is "total" to the checks), `ref` where the figure was read.
   */
  record(place: Place, table: PlanTable, path: readonly string[], fields: readonly string[], ref?: SourceRef): void {
    this.recorded.push({ place, table, names: path.join(SEP), fields, line: ref?.line });
    this.byKey = undefined;
  }

  /** Records a cell by its table position (0-based sheet row / col). */
  recordAt(sheet: string, row: number, col: number, table: PlanTable, path: readonly string[], fields: readonly string[], ref?: SourceRef): void {
    this.record({ sheet, cell: a1(row, col) }, table, path, fields, ref);
  }

  /**
   * Indexes the recorded cells that could answer these findings (a plan writes tens of
   * thousands of figures; findings name a few of them), or all of them.
   */
  prepare(findings?: readonly Finding[]): void {
    const lines = findings && new Set(findings.map((f) => f.location.line));
    const names = findings && new Set(findings.map((f) => f.location.path.join(SEP)));
    const byKey = new Map<string, Place>();
    const put = (key: string, place: Place) => {
      if (!byKey.has(key)) byKey.set(key, place);
    };
    for (const r of this.recorded) {
      const byLine = r.line !== undefined && (!lines || lines.has(r.line));
      const byNames = !names || names.has(r.names);
      if (!byLine && !byNames) continue;
      for (const field of r.fields) {
        if (byLine) put(`${r.table}|L${r.line}|${field}`, r.place);
        if (byNames) put(`${r.table}|${r.names}|${field}`, r.place);
      }
      if (byLine) {
        put(`${r.table}|L${r.line}`, r.place);
        put(`L${r.line}`, r.place);
      }
      if (byNames) put(`${r.table}|${r.names}`, r.place);
    }
    this.byKey = byKey;
  }

  /** The cell a finding is about: its own when it names one, else the best recorded match. */
  find(finding: Finding): Place | undefined {
    const loc = finding.location;
    if (loc.sheet && loc.cell) return { sheet: loc.sheet, cell: loc.cell };
    if (!this.byKey) this.prepare();
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
      const p = this.byKey!.get(k);
      if (p) return p;
    }
    return undefined;
  }
}
