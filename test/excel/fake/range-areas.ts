/**
 * Worksheet.getRanges (RangeAreas, ExcelApi 1.9): several areas of one sheet in one object,
 * so that one call formats many cells. The address is a comma- or semicolon-separated list.
 * Excel rejects long address strings ("The argument is invalid or missing or has an
 * incorrect format."; office-js #5198: 8,207 characters failed; the troubleshooting notes
 * added in office-js-docs-pr #2348 give 8,192 as the limit for getRange and getRanges), so
 * the double refuses an address longer than 8,192 characters.
 */
import { Ctx, estimateBytes, FakeOfficeError, key, parseLocal, REQUEST_COST, type FakeCell, type SheetState } from "./core";

export const MAX_ADDRESS_CHARS = 8192;

export class FakeRangeAreas {
  format: { fill: { color: string; clear: () => void } };
  constructor(
    private ctx: Ctx,
    private sheet: () => SheetState,
    private address: string,
  ) {
    const each = (fn: (c: FakeCell) => void) => () => {
      if (this.address.length > MAX_ADDRESS_CHARS)
        throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (getRanges address of ${this.address.length} characters)`);
      const s = this.sheet();
      for (const part of this.address.split(/[,;]/)) {
        const b = parseLocal(part.trim());
        for (let r = b.r0; r <= b.r1; r++)
          for (let c = b.c0; c <= b.c1; c++) {
            const k = key(r, c);
            const cell = s.cells.get(k) ?? { value: "" };
            fn(cell);
            s.cells.set(k, cell);
          }
      }
    };
    const fill = {
      clear: () => {
        ctx.state.log.push("RangeAreas.format.fill.clear");
        ctx.enqueue(each((c) => delete c.fill), estimateBytes(address), REQUEST_COST.format);
      },
    } as { color: string; clear: () => void };
    Object.defineProperty(fill, "color", {
      get() {
        throw new FakeOfficeError("PropertyNotLoaded", "format.fill.color");
      },
      set(v: string) {
        ctx.state.log.push("RangeAreas.format.fill.color");
        ctx.enqueue(each((c) => (c.fill = v)), estimateBytes(address) + estimateBytes(v), REQUEST_COST.format);
      },
    });
    this.format = { fill };
  }
}
