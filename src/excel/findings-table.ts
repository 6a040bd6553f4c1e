/**
 * The 검증 worklist rewritten by validation, in the layout the template and `summarize`
 * write (workbook/findings-sheet.ts: ten columns, worst first, a link to each finding's cell,
 * rows coloured by severity): the FindingList table resized to the findings, its body
 * written in one block, its links (Range.hyperlink, ExcelApi 1.7) and styles set again, the
 * severity colours (conditional formats) laid over the new body. A table of an older layout
 * (other columns) gets the new header. A workbook without the table gets the 검증 sheet.
 * Only queues; the caller syncs.
 */
import type { Finding } from "../core/findings";
import { findingsSheet, type InputTable } from "../workbook/index";
import type { CellSpec, SheetSpec } from "../workbook/workbook-model";
import { tableRowHeights } from "../workbook/sheet-layout";
import { a1 } from "../core/a1";
import { encodeCell, rangeA1 } from "./cells";
import { cellExtraStyle, columnStyle, numberFormatOf, tableBody, VALIDATION_ROWS, type RenderContext } from "./render-table";
import { flushPresentation, renderSheet } from "./render";
import { queueRowHeights } from "./sheet-layout";
import { argbToHex } from "./cells";
import { REQUEST_BYTES, textBytes, writeBlock } from "./writer";

/** The 검증 sheet as the template would write it for these findings. */
export function findingsSpec(findings: readonly Finding[], lang: "ko" | "en", name?: string): SheetSpec {
  return findingsSheet(findings, lang, undefined, name);
}

/**
 * Rewrites the findings table in place, or adds the 검증 sheet when the workbook has no
 * FindingList table. `existing` is the table as read.
 */
export async function writeFindings(rc: RenderContext, existing: InputTable | undefined, findings: readonly Finding[], sheetName: string): Promise<void> {
  const spec = findingsSpec(findings, rc.lang, sheetName);
  if (!existing) {
    const ws = rc.context.workbook.worksheets.add(spec.name);
    await rc.writer.add(REQUEST_BYTES.sheetAdd);
    await renderSheet(rc, ws, spec, { name: "맑은 고딕", size: 10 });
    return;
  }
  const t = spec.tables[0];
  const ws = rc.sheetOf(existing.sheet);
  const table = rc.context.workbook.tables.getItem(t.name);
  const { row, col } = existing.origin;
  const cols = t.columns.length;
  const oldWidth = existing.values[0]?.length ?? cols;
  const oldBody = Math.max(1, existing.values.length - 1);
  const body = tableBody(t);
  const wide = Math.max(oldWidth, cols);
  // Old contents and links out (formats stay, and are set again below).
  ws.getRange(rangeA1(row + 1, col, oldBody, wide)).clear("Contents" as Excel.ClearApplyTo);
  ws.getRange(rangeA1(row + 1, col, oldBody, wide)).clear("Hyperlinks" as Excel.ClearApplyTo);
  await rc.writer.add(2 * REQUEST_BYTES.rangeOp);
  const header = t.columns.map((c) => c.header.ko);
  const sameHeader = oldWidth === cols && header.every((h, i) => String(existing.values[0]?.[i] ?? "") === h);
  if (!sameHeader) await writeBlock(ws, rc.writer, row, col, [header.map((h) => "'" + h)], undefined, rc.chunkCells);
  if (body.length !== oldBody || !sameHeader) {
    table.resize(ws.getRange(rangeA1(row, col, body.length + 1, cols)));
    await rc.writer.add(REQUEST_BYTES.rangeOp);
  }
  const block = body.map((r) => r.map((c) => encodeCell(c)));
  const formats = body.map((r) => r.map((c, ci) => numberFormatOf(t, c, ci)));
  await writeBlock(ws, rc.writer, row + 1, col, block, formats, rc.chunkCells);
  await restyle(rc, ws, existing.sheet, t, body, Math.max(oldBody, body.length));
  await queueRowHeights(ws, rc.writer, tableRowHeights(t));
  await flushPresentation(rc);
}

/** Column styles, borders, links and severity colours over the new body. */
async function restyle(rc: RenderContext, ws: Excel.Worksheet, sheet: string, t: SheetSpec["tables"][number], body: CellSpec[][], span: number): Promise<void> {
  const { row, col } = t.origin;
  rc.styles.add(sheet, rangeA1(row, col, body.length + 1, t.columns.length), { border: true });
  t.columns.forEach((c, ci) => rc.styles.add(sheet, rangeA1(row + 1, col + ci, body.length, 1), columnStyle(c)));
  body.forEach((r, ri) =>
    r.forEach((cell, ci) => {
      const at = a1(row + 1 + ri, col + ci);
      rc.styles.add(sheet, at, cellExtraStyle(cell));
      if (cell.hyperlink && typeof cell.value === "string") rc.links.push({ sheet, cell: at, target: cell.hyperlink, text: cell.value });
    }),
  );
  // The severity colours: the rules laid again over the body as it now is.
  const rows = Math.max(span, body.length, VALIDATION_ROWS);
  ws.getRange(rangeA1(row + 1, col, rows, t.columns.length)).conditionalFormats.clearAll();
  await rc.writer.add(REQUEST_BYTES.formatProperty);
  for (const cf of t.conditionalFormats ?? []) {
    const format = ws.getRange(rangeA1(row + 1, col, Math.max(body.length, VALIDATION_ROWS), t.columns.length)).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
    format.custom.rule.formula = "=" + cf.formula.replace(/^=/, "");
    format.custom.format.fill.color = argbToHex(cf.fill);
    await rc.writer.add(REQUEST_BYTES.conditionalFormat + textBytes(cf.formula));
  }
}
