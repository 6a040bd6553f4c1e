/**
 * Appending rows to the ChangeLog table with `TableRowCollection.add(null, values)`
 * (ExcelApi 1.1): at the end of the table, with no address needed, the new rows taking the
 * formats of the row above as a row typed by a person does. Text stays text (encodeCell).
 */
import { CHANGE_LOG_TABLE } from "../workbook/change-log";
import type { CellSpec } from "../workbook/workbook-model";
import { encodeCell } from "./cells";
import { approxBytes, REQUEST_BYTES, type Writer } from "./writer";

/** Appends rows (in CHANGE_LOG_COLUMNS order) to the existing ChangeLog table. */
export async function appendLogRows(context: Excel.RequestContext, writer: Writer, rows: readonly CellSpec[][]): Promise<void> {
  if (!rows.length) return;
  const values = rows.map((r) => r.map((c) => encodeCell(c)));
  context.workbook.tables.getItem(CHANGE_LOG_TABLE).rows.add(null as unknown as number, values as unknown[][] as string[][]);
  await writer.add(REQUEST_BYTES.rowAppend + approxBytes(values));
}
