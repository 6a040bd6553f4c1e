/**
 * The direct OOXML writer (ooxml-write.ts, what template and import use) and the ExcelJS
 * renderer (xlsx-write.ts, what summarize's read-modify-write uses) write the same workbook:
 * both files are read back with ExcelJS and compared cell by cell (value, formula, link,
 * number format, font, fill, border, alignment, protection, note) and sheet by sheet
 * (columns, row heights, merges, tables, validations, conditional formats, page setup, print
 * titles, frozen rows, protection), for the sample plan with and without protection and for
 * a generated plan with a change log.
 */
import path from "path";
import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import type { WorkbookSpec } from "../../src/workbook/workbook-model";
import { writeWorkbookFile, writeWorkbookFileWithExcelJS } from "../../src/cli/xlsx-write";
import { generatePlan } from "../../bench/workbook-helpers";
import { fixturePlan, readWorkbook, tempDir } from "../workbook/helpers/workbook-files";

jest.setTimeout(120_000);

type Json = unknown;

function noteText(note: ExcelJS.Cell["note"]): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

/** What a cell holds and looks like, as ExcelJS reads it. */
function cellModel(c: ExcelJS.Cell): Json {
  const s = c.style ?? {};
  const hasValue = c.value !== null && c.value !== undefined;
  const font = s.font ? { name: s.font.name, size: s.font.size, bold: !!s.font.bold, underline: !!s.font.underline, color: s.font.color?.argb } : undefined;
  const fill = s.fill && s.fill.type === "pattern" && s.fill.pattern !== "none" ? { pattern: s.fill.pattern, fg: s.fill.fgColor?.argb } : undefined;
  const border = s.border?.top ? { style: s.border.top.style, color: s.border.top.color?.argb, sides: ["left", "right", "bottom"].map((k) => (s.border as Record<string, { style?: string }>)[k]?.style) } : undefined;
  const al = s.alignment ?? {};
  return {
    value: c.value,
    numFmt: s.numFmt && s.numFmt !== "General" ? s.numFmt : undefined,
    // An empty cell's font is the Normal style's (ExcelJS: Calibri; the direct writer: the workbook font).
    font: hasValue ? font : undefined,
    fill,
    border,
    alignment: { h: al.horizontal, v: al.vertical, wrap: !!al.wrapText },
    locked: s.protection?.locked !== false,
    note: noteText(c.note),
  };
}

interface SheetModel {
  cells: Record<string, Json>;
  columns: Json[];
  heights: Record<number, number>;
  merges: string[];
  tables: Json[];
  validations: Json;
  formats: Json;
  page: Json;
  views: Json;
  protection: Json;
}

function sheetModel(ws: ExcelJS.Worksheet): SheetModel {
  const cells: Record<string, Json> = {};
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (c) => {
      const m = cellModel(c) as Record<string, unknown>;
      const blank = m.value === null && !m.numFmt && !m.fill && !m.border && m.locked && !m.note && !(m.alignment as { h?: string }).h;
      if (!blank) cells[c.address] = m;
    });
  });
  const columns = Array.from({ length: ws.columnCount }, (_, i) => {
    const col = ws.getColumn(i + 1);
    return { width: col.width, hidden: !!col.hidden };
  });
  const tables = Object.values((ws as unknown as { tables: Record<string, { table: Record<string, unknown> }> }).tables).map(({ table: t }) => ({
    name: t.name,
    ref: t.tableRef ?? t.ref,
    totalsRow: !!t.totalsRow,
    columns: (t.columns as Array<{ name: string; totalsRowLabel?: string }>).map((c) => c.name),
    style: (t.style as { theme?: string } | undefined)?.theme,
  }));
  const model = ws.model as unknown as { merges: string[] };
  const p = ws.pageSetup;
  const page = {
    paperSize: p.paperSize,
    orientation: p.orientation,
    fitToPage: p.fitToPage,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    horizontalCentered: !!p.horizontalCentered,
    margins: p.margins,
    printTitlesRow: p.printTitlesRow,
    footer: ws.headerFooter?.oddFooter,
  };
  const cfs = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<Record<string, unknown>> }> }).conditionalFormattings;
  const formats = cfs.map((f) => ({ ref: f.ref, rules: f.rules.map((r) => ({ type: r.type, priority: r.priority, formulae: r.formulae, style: r.style })) }));
  // ExcelJS writes no view for a sheet without frozen rows; the direct writer writes a plain one.
  const views = (ws.views ?? []).filter((v) => v.state === "frozen").map((v) => ({ ySplit: (v as { ySplit?: number }).ySplit, topLeftCell: (v as { topLeftCell?: string }).topLeftCell }));
  const protection = (ws as unknown as { sheetProtection?: Record<string, unknown> }).sheetProtection ?? null;
  return {
    cells,
    columns,
    heights,
    merges: [...model.merges].sort(),
    tables,
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
    formats,
    page,
    views,
    protection,
  };
}

async function bothWays(spec: WorkbookSpec): Promise<[ExcelJS.Workbook, ExcelJS.Workbook]> {
  const dir = tempDir("jobplan-writers-");
  const direct = path.join(dir, "direct.xlsx");
  const exceljs = path.join(dir, "exceljs.xlsx");
  await writeWorkbookFile(spec, direct);
  await writeWorkbookFileWithExcelJS(spec, exceljs);
  return [await readWorkbook(direct), await readWorkbook(exceljs)];
}

async function expectSameWorkbook(spec: WorkbookSpec): Promise<void> {
  const [a, b] = await bothWays(spec);
  expect(a.worksheets.map((w) => w.name)).toEqual(b.worksheets.map((w) => w.name));
  expect(a.worksheets.map((w) => w.name)).toEqual(spec.sheets.map((s) => s.name));
  for (const ws of a.worksheets) {
    const mine = sheetModel(ws);
    const theirs = sheetModel(b.getWorksheet(ws.name)!);
    for (const key of Object.keys(theirs) as Array<keyof SheetModel>) {
      if (key === "cells") continue;
      expect([ws.name, key, mine[key]]).toEqual([ws.name, key, theirs[key]]);
    }
    expect(Object.keys(mine.cells).length + Object.keys(theirs.cells).length).toBeGreaterThan(0);
    // One comparison of the whole sheet, cell by cell (a protected sheet holds ~10,000 unlocked
    // cells: one expect per cell cost a minute); a difference is reported under its address.
    expect({ sheet: ws.name, cells: mine.cells }).toEqual({ sheet: ws.name, cells: theirs.cells });
  }
  const names = (wb: ExcelJS.Workbook) => (wb.definedNames as unknown as { model: unknown }).model;
  expect(names(a)).toEqual(names(b));
}

describe("the direct writer and the ExcelJS renderer write the same workbook", () => {
  const { plan, findings } = fixturePlan();
  const all = [...findings, ...checkPlan(plan)];

  it("the sample plan with its findings (notes, links, malformed figures kept as text)", async () => {
    await expectSameWorkbook(buildWorkbookSpec(plan, all));
  });

  it("the sample plan protected, with a change log (unlocked input cells, sheet protection flags)", async () => {
    const changeLog = [{ time: new Date(2026, 11, 1, 9, 5), operation: "import" as const, tool: "cli" as const, who: "kim", findings: all }];
    await expectSameWorkbook(buildWorkbookSpec(plan, all, { protect: true, changeLog, lang: "en" }));
  });

  it("a generated plan of 300 projects in largest-remainder mode", async () => {
    const big = generatePlan(300, 3, "largest-remainder");
    await expectSameWorkbook(buildWorkbookSpec(big, checkPlan(big)));
  });

  it("an empty template", async () => {
    await expectSameWorkbook(buildWorkbookSpec());
  });
});
