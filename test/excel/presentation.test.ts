/**
 * What the add-in renders of the template beyond values and formulas, checked on the Excel
 * double against the WorkbookSpec the CLI renders with ExcelJS (the Seo-gu 2020 plan):
 * page setup, the workbook font, titles' sizes, fills, borders, wrapping, merged titles,
 * row heights, hidden helper columns, notes (where the host has ExcelApi 1.18, and a
 * finding-free notice where it has not), the 검증 worklist's links, and protection off by
 * default. The spec is the one the add-in builds (same plan, same findings).
 */
import * as fs from "fs";
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { createPlanWorkbookOps, type PlanWorkbookOps } from "../../src/excel/adapter";
import { footerParts } from "../../src/excel/sheet-layout";
import { argbToHex } from "../../src/excel/cells";
import { importPlanText } from "../../src/import";
import { checkPlan } from "../../src/core/validate";
import { quoteSheet } from "../../src/core/a1";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import type { SheetSpec, WorkbookSpec } from "../../src/workbook/workbook-model";
import { a1, columnLetter } from "../../src/workbook/workbook-model";
import { SEOGU_PATH } from "../support/samples";

const TEXT = fs.readFileSync(SEOGU_PATH, "utf8");
const env = (notes: boolean) => () => ({ host: "Excel", platform: "test", version: "16", isSetSupported: (_n: string, v: string) => notes || Number(v.split(".")[1]) < 18 });

async function imported(notes = true): Promise<{ fx: FakeExcel; ops: PlanWorkbookOps; spec: WorkbookSpec; notice?: { ko: string; en: string } }> {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false, environment: env(notes) });
  const result = await ops.importText(TEXT);
  const { plan, findings } = importPlanText(TEXT);
  const spec = buildWorkbookSpec(plan, [...findings, ...checkPlan(plan)]);
  return { fx, ops, spec, notice: result.notice };
}

function sheets(spec: WorkbookSpec): SheetSpec[] {
  return spec.sheets.filter((s) => s.key !== "changeLog");
}

/** Every note the spec puts on a sheet: header notes and cell notes. */
function specNotes(s: SheetSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of s.tables) {
    t.columns.forEach((c, ci) => {
      if (c.headerNote) out[a1(t.origin.row, t.origin.col + ci)] = c.headerNote.ko;
    });
    t.rows.forEach((r, ri) => r.forEach((cell, ci) => cell.note && (out[a1(t.origin.row + 1 + ri, t.origin.col + ci)] = cell.note)));
  }
  for (const c of s.cells ?? []) if (c.cell.note) out[a1(c.row, c.col)] = c.cell.note;
  return out;
}

describe("the imported Seo-gu workbook is rendered as the CLI renders it", () => {
  let fx: FakeExcel;
  let spec: WorkbookSpec;
  let notice: { ko: string; en: string } | undefined;
  beforeAll(async () => {
    ({ fx, spec, notice } = await imported());
  });

  test("page setup: A4 landscape, one page wide (요약 one page), centred, title rows, footer", () => {
    for (const s of sheets(spec)) {
      const p = s.pageSetup!;
      const layout = fx.sheet(s.name).pageLayout;
      const footer = footerParts(p.footer!);
      expect([s.name, layout]).toEqual([
        s.name,
        expect.objectContaining({
          paperSize: "A4",
          orientation: "Landscape",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: s.key === "summary" ? 1 : 0 },
          centerHorizontally: true,
          "defaultForAllPages.leftFooter": footer.left,
          "defaultForAllPages.rightFooter": footer.right,
          ...(p.printTitleRows ? { printTitleRows: `$${p.printTitleRows.first + 1}:$${p.printTitleRows.last + 1}` } : {}),
        }),
      ]);
    }
    expect(footerParts("&L&A&R&P / &N쪽")).toEqual({ left: "&A", center: "", right: "&P / &N쪽" });
  });

  test("one font on every sheet; titles larger and bold; the code column small and grey", () => {
    for (const s of sheets(spec)) expect([s.name, fx.sheet(s.name).sheetFormat]).toEqual([s.name, { fontName: spec.font!.name, fontSize: spec.font!.size }]);
    const title = fx.sheet("요약").cell("A1")!;
    expect([title.value, title.fontSize, title.bold]).toEqual([expect.stringContaining("지역 일자리 목표 요약"), 13, true]);
    const findings = spec.sheets.find((s) => s.key === "findings")!.tables[0];
    const code = fx.sheet("검증").cell(a1(findings.origin.row + 1, findings.origin.col + 9))!;
    expect([code.fontSize, code.fontColor]).toEqual([7, "#808080"]);
  });

  test("headers bold and filled (computed columns blue), computed cells tinted, borders on every table cell", () => {
    const s = sheets(spec).find((x) => x.key === "strategy")!;
    const t = s.tables[0];
    t.columns.forEach((c, ci) => {
      const head = fx.sheet(s.name).cell(a1(t.origin.row, t.origin.col + ci))!;
      expect([c.key, head.bold, head.fill, head.wrap]).toEqual([c.key, true, c.generated ? "#BDD7EE" : "#D9D9D9", true]);
      const body = fx.sheet(s.name).cell(a1(t.origin.row + 2, t.origin.col + ci))!;
      expect([c.key, body.fill]).toEqual([c.key, c.style?.fill ? argbToHex(c.style.fill) : undefined]);
      expect(Object.keys(body.borders ?? {}).sort()).toEqual(["bottom", "left", "right", "top"]);
    });
  });

  test("merged titles, row heights and hidden helper columns as in the spec", () => {
    for (const s of sheets(spec)) {
      const view = fx.sheet(s.name);
      expect([s.name, view.merges.sort()]).toEqual([s.name, (s.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort()]);
      for (const h of s.rowHeights ?? []) expect([s.name, h.row, view.rowHeight(h.row + 1)]).toEqual([s.name, h.row, h.height]);
      for (const t of s.tables)
        t.columns.forEach((c, ci) => expect([s.name, c.key, view.columnHidden(columnLetter(t.origin.col + ci))]).toEqual([s.name, c.key, !!c.hidden]));
    }
    expect(fx.sheet("요약").merges.length).toBeGreaterThan(0);
  });

  test("notes on the cells the spec puts them on (the host has ExcelApi 1.18)", () => {
    let count = 0;
    for (const s of sheets(spec)) {
      const want = specNotes(s);
      count += Object.keys(want).length;
      expect([s.name, fx.sheet(s.name).notes]).toEqual([s.name, want]);
    }
    // The malformed 867,5000천원 keeps its text with a note, and the columns explain themselves.
    expect(count).toBeGreaterThan(2);
    expect(notice).toBeUndefined();
  });

  test("every finding with a cell is a link to that cell on 검증", () => {
    const s = sheets(spec).find((x) => x.key === "findings")!;
    const t = s.tables[0];
    const linked = t.rows.filter((r) => r[2].hyperlink);
    expect(linked.length).toBeGreaterThan(5);
    t.rows.forEach((r, ri) => {
      const cell = fx.sheet(s.name).cell(a1(t.origin.row + 1 + ri, t.origin.col + 2));
      const link = r[2].hyperlink;
      expect(cell?.hyperlink).toEqual(link ? { documentReference: `${quoteSheet(link.sheet)}!${link.cell}`, textToDisplay: r[2].value } : undefined);
      if (link) expect([cell?.value, cell?.fontColor, cell?.underline]).toEqual([r[2].value, "#0563C1", "Single"]);
    });
  });

  test("protection is off by default: nothing locked away, no undo-clearing call", () => {
    for (const s of sheets(spec)) expect([s.name, fx.sheet(s.name).protection.protected]).toEqual([s.name, false]);
    expect(fx.undoClearingCalls().filter((c) => c.api.startsWith("WorksheetProtection"))).toEqual([]);
  });
});

test("without the notes API the notes are left out and the pane is told, with no finding", async () => {
  const { fx, spec, notice } = await imported(false);
  const total = sheets(spec).reduce((n, s) => n + Object.keys(specNotes(s)).length, 0);
  for (const s of sheets(spec)) expect(fx.sheet(s.name).notes).toEqual({});
  expect(notice?.ko).toContain(`메모 ${total}개`);
  expect(notice?.en).toContain(`${total} explanatory notes`);
});

test("the double refuses a formula naming a table that does not exist yet", async () => {
  const fx = createFakeExcel();
  await expect(
    fx.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").formulas = [["=SUM(TaskPlans[계(천원)])"]];
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: "InvalidArgument" });
  expect(fx.sheet("Sheet1").formula("A1")).toBe("");
});
