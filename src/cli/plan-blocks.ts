/**
 * Which blocks of a workbook can be plan tables, decided from their name or header row alone,
 * so the .xlsx reader keeps the cells of those and nothing else. The test is the one
 * readPlanFromTables applies (classifyTable, and the task-plan candidate with a missing
 * column), so a block left out here is one the plan reader would have ignored.
 */
import { defaultSettings } from "../core/model";
import { TABLE_NAMES } from "../core/vocabulary";
import { matchHeaders, taskPlanColumns } from "../workbook/columns";
import { classifyTable } from "../workbook/read-tables";

const NAMES = new Set(Object.values(TABLE_NAMES).map((n) => n.toLowerCase()));

/** A jobplan table by its Excel table name: kept without looking at its header. */
export function isPlanTableName(name: string | undefined): boolean {
  return !!name && NAMES.has(name.toLowerCase());
}

/** Whether a block with this header row (and Excel table name, if any) may be a plan table. */
export function mayBePlanTable(header: readonly unknown[], name?: string): boolean {
  if (isPlanTableName(name)) return true;
  const settings = defaultSettings();
  if (classifyTable({ sheet: "", origin: { row: 0, col: 0 }, values: [header as unknown[]], name }, settings)) return true;
  const m = matchHeaders(header as unknown[], taskPlanColumns(settings));
  return m.index.task !== undefined && Object.keys(m.index).length >= 3;
}
