/**
 * How a sheet prints and looks beyond its cells, through Office.js: the workbook font over
 * the whole sheet, page setup (PageLayout, ExcelApi 1.9: A4 landscape, fitted to one page
 * wide, centred, margins, print title rows, the footer), row heights, hidden columns, merged
 * title cells, notes (NoteCollection, ExcelApi 1.18, where the host has it) and links to
 * cells (Range.hyperlink, ExcelApi 1.7). Only queues; bytes through the Writer.
 */
import type { PageSetupSpec, SheetSpec } from "../workbook/workbook-model";
import { columnLetter, quoteSheet } from "../core/a1";
import { rangeA1 } from "./cells";
import { REQUEST_BYTES, textBytes, type Writer } from "./writer";

/** The font of every cell: set once on the whole sheet, before any cell's own size. */
export async function queueSheetFont(ws: Excel.Worksheet, writer: Writer, font: { name: string; size: number } | undefined): Promise<void> {
  if (!font) return;
  const format = ws.getRange().format;
  format.font.name = font.name;
  format.font.size = font.size;
  await writer.add(2 * REQUEST_BYTES.formatProperty + textBytes(font.name));
}

/**
 * The left, centre and right parts of a header/footer string in Excel's codes
 * ("&L&A&R&P / &N쪽"): HeaderFooter takes them as three properties. "&&" is a literal "&".
 */
export function footerParts(footer: string): { left: string; center: string; right: string } {
  const parts = { left: "", center: "", right: "" };
  let at: keyof typeof parts = "center";
  for (let i = 0; i < footer.length; i++) {
    const ch = footer[i];
    const next = footer[i + 1];
    if (ch === "&" && next === "&") {
      parts[at] += "&&";
      i++;
    } else if (ch === "&" && (next === "L" || next === "C" || next === "R")) {
      at = next === "L" ? "left" : next === "C" ? "center" : "right";
      i++;
    } else parts[at] += ch;
  }
  return parts;
}

/** Print margins in inches, as the CLI writes them (xlsx-write.ts applyPageSetup). */
const MARGINS = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };

export async function queuePageSetup(ws: Excel.Worksheet, writer: Writer, p: PageSetupSpec | undefined): Promise<void> {
  if (!p) return;
  const layout = ws.pageLayout;
  layout.paperSize = p.paper as Excel.PaperType;
  layout.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
  // fitToHeight 0: as many pages tall as the sheet needs (one wide).
  layout.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  layout.centerHorizontally = !!p.horizontalCentered;
  layout.setPrintMargins("Inches" as Excel.PrintMarginUnit, {
    left: MARGINS.left,
    right: MARGINS.right,
    top: MARGINS.top,
    bottom: MARGINS.bottom,
    header: MARGINS.header,
    footer: MARGINS.footer,
  });
  let calls = 5;
  let data = 0;
  if (p.printTitleRows) {
    const rows = `$${p.printTitleRows.first + 1}:$${p.printTitleRows.last + 1}`;
    layout.setPrintTitleRows(rows);
    calls++;
    data += textBytes(rows);
  }
  if (p.footer) {
    const parts = footerParts(p.footer);
    const pages = layout.headersFooters.defaultForAllPages;
    if (parts.left) pages.leftFooter = parts.left;
    if (parts.center) pages.centerFooter = parts.center;
    if (parts.right) pages.rightFooter = parts.right;
    calls += 3;
    data += textBytes(p.footer) + 6;
  }
  await writer.add(calls * REQUEST_BYTES.pageLayout + data);
}

/** Row heights, consecutive rows of one height set together. */
export async function queueRowHeights(ws: Excel.Worksheet, writer: Writer, heights: SheetSpec["rowHeights"]): Promise<void> {
  if (!heights?.length) return;
  const byRow = new Map<number, number>();
  for (const h of heights) byRow.set(h.row, h.height);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (let i = 0; i < rows.length; ) {
    let j = i;
    const h = byRow.get(rows[i])!;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1 && byRow.get(rows[j + 1]) === h) j++;
    ws.getRange(`${rows[i] + 1}:${rows[j] + 1}`).format.rowHeight = h;
    await writer.add(REQUEST_BYTES.rowHeight);
    i = j + 1;
  }
}

export async function queueMerges(ws: Excel.Worksheet, writer: Writer, merges: SheetSpec["merges"]): Promise<void> {
  for (const m of merges ?? []) {
    ws.getRange(rangeA1(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)).merge(false);
    await writer.add(REQUEST_BYTES.merge);
  }
}

export async function queueHiddenColumns(ws: Excel.Worksheet, writer: Writer, cols: readonly number[]): Promise<void> {
  for (const c of cols) {
    ws.getRange(`${columnLetter(c)}:${columnLetter(c)}`).columnHidden = true;
    await writer.add(REQUEST_BYTES.columnHidden);
  }
}

/** A link to a cell of this workbook; the cell shows `text`. */
export async function queueLink(ws: Excel.Worksheet, writer: Writer, cell: string, target: { sheet: string; cell: string }, text: string): Promise<void> {
  const reference = `${quoteSheet(target.sheet)}!${target.cell}`;
  ws.getRange(cell).hyperlink = { documentReference: reference, textToDisplay: text };
  await writer.add(REQUEST_BYTES.hyperlink + textBytes(reference) + textBytes(text) + textBytes(cell));
}

/**
 * Notes of a render: written with NoteCollection.add (ExcelApi 1.18) where the host has it;
 * elsewhere they are counted, and the pane says that the notes were left out.
 */
export class NoteBatch {
  private notes: Array<{ sheet: string; cell: string; text: string }> = [];
  skipped = 0;
  constructor(private supported: boolean) {}
  add(sheet: string, cell: string, text: string | undefined): void {
    if (!text) return;
    if (this.supported) this.notes.push({ sheet, cell, text });
    else this.skipped++;
  }
  async flush(writer: Writer, sheetOf: (name: string) => Excel.Worksheet): Promise<void> {
    for (const n of this.notes) {
      // A host may report ExcelApi 1.18 while the client script (a local office.js, say)
      // predates Worksheet.notes: then the note is counted as left out, not a crash.
      const notes = (sheetOf(n.sheet) as Partial<Excel.Worksheet>).notes;
      if (!notes || typeof notes.add !== "function") {
        this.skipped++;
        continue;
      }
      notes.add(n.cell, n.text);
      await writer.add(REQUEST_BYTES.note + textBytes(n.cell) + textBytes(n.text));
    }
    this.notes = [];
  }
}
