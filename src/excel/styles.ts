/**
 * Cell styles of a WorkbookSpec through Office.js, as the ExcelJS renderer draws them: the
 * workbook font, bold / size / colour, fills, alignment, wrapping, thin borders, links'
 * blue underline. Cells sharing a style are formatted together: one `getRanges` call per
 * sheet, style and address list (RangeAreas.format, ExcelApi 1.9), one property a call; a
 * table column is one area. Only queues; every call is counted through the Writer.
 */
import type { CellStyleSpec } from "../workbook/workbook-model";
import { argbToHex } from "./cells";
import { addressLists } from "./addresses";
import { REQUEST_BYTES, textBytes, type Writer } from "./writer";

/** Thin grey borders, as the CLI draws them (xlsx-write.ts BORDER_COLOR). */
export const BORDER_COLOR = "#A6A6A6";
/** Blue of a link's text (Excel's Hyperlink style). */
export const LINK_COLOR = "FF0563C1";

const HORIZONTAL: Record<NonNullable<CellStyleSpec["horizontal"]>, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  centerContinuous: "CenterAcrossSelection",
};
const VERTICAL: Record<NonNullable<CellStyleSpec["vertical"]>, string> = { top: "Top", middle: "Center", bottom: "Bottom" };
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"];

/** A style plus what the ExcelJS renderer adds to a cell: a link's underline, the font. */
export interface StyleSpec extends CellStyleSpec {
  underline?: boolean;
  fontName?: string;
}

/** Queues one style on a RangeFormat; returns the request bytes (`areaBytes`: the address, sent with every call). */
export function queueFormat(format: Excel.RangeFormat, s: StyleSpec, areaBytes = 0): number {
  let calls = 0;
  let data = 0;
  const put = (fn: () => void, bytes = 0) => {
    fn();
    calls++;
    data += bytes;
  };
  if (s.fontName) put(() => (format.font.name = s.fontName!), textBytes(s.fontName));
  if (s.size) put(() => (format.font.size = s.size!));
  if (s.bold !== undefined) put(() => (format.font.bold = s.bold!));
  if (s.color) put(() => (format.font.color = argbToHex(s.color!)), 10);
  if (s.underline) put(() => (format.font.underline = "Single" as Excel.RangeUnderlineStyle), 10);
  if (s.fill) put(() => (format.fill.color = argbToHex(s.fill!)), 10);
  if (s.horizontal) put(() => (format.horizontalAlignment = HORIZONTAL[s.horizontal!] as Excel.HorizontalAlignment), 24);
  if (s.vertical) put(() => (format.verticalAlignment = VERTICAL[s.vertical!] as Excel.VerticalAlignment), 10);
  if (s.wrap) put(() => (format.wrapText = true));
  // The areas' address travels once, with the first call on the format object.
  let bytes = REQUEST_BYTES.formatProperty + areaBytes + Math.max(0, calls - 1) * REQUEST_BYTES.formatFollowUp + data;
  if (s.border) bytes += queueBorders(format);
  return bytes;
}

/** Thin grey borders around and inside every area (of a format object already in the batch). */
export function queueBorders(format: Excel.RangeFormat): number {
  for (const edge of EDGES) {
    const b = format.borders.getItem(edge as Excel.BorderIndex);
    b.style = "Continuous" as Excel.BorderLineStyle;
    b.color = BORDER_COLOR;
    b.weight = "Thin" as Excel.BorderWeight;
  }
  return EDGES.length * REQUEST_BYTES.border;
}

/** Whether a style sets anything. */
export function hasStyle(s: StyleSpec | undefined): s is StyleSpec {
  return !!s && Object.values(s).some((x) => x !== undefined && x !== false);
}

/**
 * Styles collected per sheet and style, then queued as few calls as possible: every area
 * with the same style on a sheet shares one getRanges call per property.
 */
export class StyleBatch {
  private bySheet = new Map<string, Map<string, { style: StyleSpec; areas: string[] }>>();

  add(sheet: string, area: string, style: StyleSpec | undefined): void {
    if (!hasStyle(style)) return;
    const key = JSON.stringify(style, Object.keys(style).sort());
    let styles = this.bySheet.get(sheet);
    if (!styles) this.bySheet.set(sheet, (styles = new Map()));
    const entry = styles.get(key) ?? { style, areas: [] };
    entry.areas.push(area);
    styles.set(key, entry);
  }

  /** Queues everything collected, in the order styles were first added. */
  async flush(writer: Writer, sheetOf: (name: string) => Excel.Worksheet): Promise<void> {
    for (const [sheet, styles] of this.bySheet) {
      for (const { style, areas } of styles.values()) {
        for (const list of addressLists(areas)) {
          const format = sheetOf(sheet).getRanges(list).format;
          await writer.add(queueFormat(format, style, textBytes(list)));
        }
      }
    }
    this.bySheet.clear();
  }
}
