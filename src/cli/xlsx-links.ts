/**
 * Links to a cell of the same workbook, written as Excel writes them: `<hyperlink ref=…
 * location="'Sheet'!A1"/>` with no relationship. ExcelJS 4.4 gives every link an external
 * relationship and adds `location` only for some targets (exceljs #749, #920, #3027), so a
 * link to another sheet would open as a missing external file. Its worksheet writer is
 * wrapped once: a link whose target starts with `#` loses its relationship and keeps only
 * the location.
 */
import { quoteSheet } from "../core/a1";

interface LinkModel {
  target?: string;
  rId?: string;
}

interface SheetModel {
  hyperlinks?: LinkModel[];
  rels?: Array<{ Id: string }>;
}

interface WorksheetXformClass {
  prototype: { prepare(model: SheetModel, options: unknown): void; __jobplanLinks?: boolean };
}

/** The target to give ExcelJS for a link to `sheet!cell` of the same workbook. */
export function internalLinkTarget(sheet: string, cell: string): string {
  return `#${quoteSheet(sheet)}!${cell}`;
}

function patch(): void {
  // No public export: the writer class is reached by its path in the package.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const WorksheetXform = require("exceljs/lib/xlsx/xform/sheet/worksheet-xform") as WorksheetXformClass;
  const proto = WorksheetXform.prototype;
  if (proto.__jobplanLinks) return;
  const prepare = proto.prepare;
  proto.prepare = function (model: SheetModel, options: unknown) {
    prepare.call(this, model, options);
    for (const link of model.hyperlinks ?? []) {
      if (!link.target?.startsWith("#")) continue;
      model.rels = (model.rels ?? []).filter((r) => r.Id !== link.rId);
      delete link.rId;
      link.target = link.target.slice(1);
    }
  };
  proto.__jobplanLinks = true;
}

patch();
