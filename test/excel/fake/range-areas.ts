/**
 * Worksheet.getRanges (RangeAreas, ExcelApi 1.9): several areas of one sheet in one object,
 * so that one call formats many cells. The address is a comma- or semicolon-separated list.
 * Excel rejects long address strings ("The argument is invalid or missing or has an
 * incorrect format."; office-js #5198: 8,207 characters failed; the troubleshooting notes
 * added in office-js-docs-pr #2348 give 8,192 as the limit for getRange and getRanges), so
 * the double refuses an address longer than 8,192 characters.
 */
import { Ctx, estimateBytes, FakeOfficeError, parseLocal, type Box, type SheetState } from "./core";
import { FakeFormat } from "./format";

export const MAX_ADDRESS_CHARS = 8192;

export class FakeRangeAreas {
  format: FakeFormat;
  constructor(ctx: Ctx, sheet: () => SheetState, address: string) {
    const boxes = (): Box[] => {
      if (address.length > MAX_ADDRESS_CHARS)
        throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (getRanges address of ${address.length} characters)`);
      const s = sheet();
      return address.split(/[,;]/).map((part) => ({ sheet: s, ...parseLocal(part.trim()) }));
    };
    // The address travels with every call on the areas.
    this.format = new FakeFormat(ctx, boxes, "RangeAreas", estimateBytes(address));
  }
}
