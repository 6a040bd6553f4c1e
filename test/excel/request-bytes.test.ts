/**
 * Request sizes against Microsoft's own client (excel-web-16.00.js in Node, real-client.ts):
 * the adapter's per-call estimates (REQUEST_BYTES) are never below what Office.js sends and
 * not far above it; whole write batches of the adapter are estimated the same way; and the
 * test double counts those batches within a third of the real bytes.
 */
import { marginalBytes, measureRequest } from "./real-client";
import { createFakeExcel } from "./fake-excel";
import { approxBytes, REQUEST_BYTES, textBytes, writeCells, writeColumnFormulas, Writer } from "../../src/excel/writer";
import { clearHighlights, highlight } from "../../src/excel/validate";
import { writeState, emptyState } from "../../src/excel/state";
import { queueRowDeletes, queueRowInserts } from "../../src/excel/grow-rows";
import type { SummaryRowPlan } from "../../src/workbook/summary-rows";
import { PROTECTION_OPTIONS, queueProtect } from "../../src/excel/protection";
import { queuePageSetup } from "../../src/excel/sheet-layout";
import { queueFormat, StyleBatch } from "../../src/excel/styles";
import { pageSetup } from "../../src/workbook/sheet-layout";

/** The estimate covers the real bytes, with at most 60% to spare. */
function expectCovers(estimate: number, real: number): void {
  expect(real).toBeGreaterThan(0);
  expect(estimate).toBeGreaterThanOrEqual(real);
  expect(estimate).toBeLessThanOrEqual(real * 1.6);
}

const sheet = (c: Excel.RequestContext) => c.workbook.worksheets.getItem("추진계획");
const KOREAN = "청년 행복 일자리 확대를 위한 맞춤형 취업 지원";

describe("REQUEST_BYTES against the real client, per call", () => {
  test.each([
    ["rangeWrite", () => marginalBytes(sheet, (_c, ws, i) => (ws.getRange(`D${i + 2}`).formulas = [["=1"]])), REQUEST_BYTES.rangeWrite + approxBytes([["=1"]])],
    ["rangeOp", () => marginalBytes(sheet, (_c, ws, i) => ws.getRange(`D${i + 2}:D99`).clear("Contents" as Excel.ClearApplyTo)), REQUEST_BYTES.rangeOp],
    ["fillColor", () => marginalBytes(sheet, (_c, ws, i) => (ws.getRange(`D${i + 2}`).format.fill.color = "#FFC7CE")), REQUEST_BYTES.fillColor],
    ["fillClear", () => marginalBytes(sheet, (_c, ws, i) => ws.getRange(`D${i + 2}`).format.fill.clear()), REQUEST_BYTES.fillClear],
    ["rowAdd", () => marginalBytes((c) => c.workbook.tables.getItem("SummaryByTask").rows, (_c, rows, i) => rows.add(i)), REQUEST_BYTES.rowAdd],
    ["rowDelete", () => marginalBytes((c) => c.workbook.tables.getItem("SummaryByTask").rows, (_c, rows, i) => rows.getItemAt(i).delete()), REQUEST_BYTES.rowDelete],
    ["sheetAdd", () => marginalBytes(() => 0, (c, _x, i) => c.workbook.worksheets.add(`S${i}`)), REQUEST_BYTES.sheetAdd + textBytes("S10")],
    ["columnWidth", () => marginalBytes(sheet, (_c, ws) => (ws.getRange("D:D").format.columnWidth = 70)), REQUEST_BYTES.columnWidth],
    [
      "nameAdd",
      () => marginalBytes(() => 0, (c, _x, i) => c.workbook.names.add(`N${i}`, "=LAMBDA(x,PLAN.BUDGET(TaskPlans[#All],x))", KOREAN)),
      REQUEST_BYTES.nameAdd + textBytes("N10") + textBytes("=LAMBDA(x,PLAN.BUDGET(TaskPlans[#All],x))") + textBytes(KOREAN),
    ],
    [
      "tableAdd",
      () =>
        marginalBytes(() => 0, (c, _x, i) => {
          const t = c.workbook.tables.add(`'추진계획'!A1:I${i + 2}`, true);
          t.name = `T${i}`;
          t.style = "TableStyleLight9";
        }),
      REQUEST_BYTES.tableAdd,
    ],
    [
      "conditionalFormat",
      () =>
        marginalBytes(sheet, (_c, ws, i) => {
          const f = ws.getRange(`D${i + 2}:D999`).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
          f.custom.rule.formula = "=$D2<>SUM($E2:$H2)";
          f.custom.format.fill.color = "#FFC7CE";
          f.custom.format.font.color = "#9C0006";
        }),
      REQUEST_BYTES.conditionalFormat + textBytes("=$D2<>SUM($E2:$H2)"),
    ],
    [
      "dataValidation",
      () =>
        marginalBytes(sheet, (_c, ws, i) => {
          const r = ws.getRange(`A${i + 2}:A999`);
          r.dataValidation.rule = { list: { inCellDropDown: true, source: "=설정!$B$2:$B$20" } };
          r.dataValidation.errorAlert = { showAlert: true, style: "Warning" as Excel.DataValidationAlertStyle, title: "jobplan", message: KOREAN };
          r.dataValidation.prompt = { showPrompt: true, title: "jobplan", message: KOREAN };
        }),
      REQUEST_BYTES.dataValidation + textBytes("=설정!$B$2:$B$20") + 2 * textBytes(KOREAN),
    ],
    ["formatProperty", () => marginalBytes(sheet, (_c, ws, i) => (ws.getRanges(`D${i + 2}`).format.font.name = "맑은 고딕")), REQUEST_BYTES.formatProperty + textBytes("D12") + textBytes("맑은 고딕")],
    ["formatProperty (alignment)", () => marginalBytes(sheet, (_c, ws, i) => (ws.getRanges(`D${i + 2}`).format.horizontalAlignment = "Center" as Excel.HorizontalAlignment)), REQUEST_BYTES.formatProperty + textBytes("D12")],
    ["formatProperty (locked)", () => marginalBytes(sheet, (_c, ws, i) => (ws.getRanges(`D${i + 2}`).format.protection.locked = false)), REQUEST_BYTES.formatProperty + textBytes("D12")],
    [
      "a whole style (queueFormat: font, fill, alignment, wrap)",
      async () => {
        let estimate = 0;
        const real = await marginalBytes(sheet, (_c, ws, i) => {
          estimate = queueFormat(ws.getRanges(`D${i + 2}`).format, { fontName: "맑은 고딕", size: 9, bold: true, color: "FF808080", underline: true, fill: "FFEAF2FB", horizontal: "center", vertical: "top", wrap: true }, textBytes("D12"));
        });
        return [real, estimate];
      },
      0,
    ],
    [
      "border",
      () =>
        marginalBytes(
          (c) => sheet(c).getRanges("D2").format,
          (_c, f, i) => {
            const b = f.borders.getItem((["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const)[i % 6] as Excel.BorderIndex);
            b.style = "Continuous" as Excel.BorderLineStyle;
            b.color = "#A6A6A6";
            b.weight = "Thin" as Excel.BorderWeight;
          },
        ),
      REQUEST_BYTES.border,
    ],
    ["rowHeight", () => marginalBytes(sheet, (_c, ws, i) => (ws.getRange(`${i + 2}:${i + 2}`).format.rowHeight = 30)), REQUEST_BYTES.rowHeight],
    ["columnHidden", () => marginalBytes(sheet, (_c, ws, i) => (ws.getRange(`${"DEFGHIJKLMN"[i]}:${"DEFGHIJKLMN"[i]}`).columnHidden = true)), REQUEST_BYTES.columnHidden],
    ["merge", () => marginalBytes(sheet, (_c, ws, i) => ws.getRange(`A${i + 2}:C${i + 2}`).merge(false)), REQUEST_BYTES.merge],
    [
      "hyperlink",
      () => marginalBytes(sheet, (_c, ws, i) => (ws.getRange(`C${i + 2}`).hyperlink = { documentReference: "'요약'!F14", textToDisplay: "요약!F14" })),
      REQUEST_BYTES.hyperlink + textBytes("'요약'!F14") + textBytes("요약!F14") + textBytes("C12"),
    ],
    ["protect (a sheet new to the batch)", () => marginalBytes(() => 0, (c, _x, i) => c.workbook.worksheets.getItem(`S${i}`).protection.protect(PROTECTION_OPTIONS)), REQUEST_BYTES.protect],
    ["unprotect (a sheet new to the batch)", () => marginalBytes(() => 0, (c, _x, i) => c.workbook.worksheets.getItem(`S${i}`).protection.unprotect()), REQUEST_BYTES.protect],
    ["rowAppend", () => marginalBytes(() => 0, (c) => c.workbook.tables.getItem("ChangeLog").rows.add(null as unknown as number, [["x"]])), REQUEST_BYTES.rowAppend + approxBytes([["x"]])],
    [
      "seriesName",
      () =>
        marginalBytes(
          (c) => c.workbook.worksheets.getItem("x").charts.add("ColumnStacked" as Excel.ChartType, c.workbook.worksheets.getItem("x").getRange("A1:B3"), "Columns" as Excel.ChartSeriesBy),
          (_c, chart, i) => (chart.series.getItemAt(i).name = "x"),
        ),
      REQUEST_BYTES.seriesName + textBytes("x"),
    ],
  ])("%s", async (_name, measure, estimate) => {
    const got = await (measure as () => Promise<number | [number, number]>)();
    // A case may measure its own estimate beside the real bytes.
    if (Array.isArray(got)) expectCovers(got[1], got[0]);
    else expectCovers(estimate as number, got);
  });

  test("a fill in a batch of thousands (longer object ids) is still covered", async () => {
    const real = await marginalBytes(sheet, (_c, ws, i) => (ws.getRange(`D${i + 2}`).format.fill.color = "#FFC7CE"), 3000);
    expectCovers(REQUEST_BYTES.fillColor, real);
  });
});

/** Runs a write of the adapter on the real client and on the double; returns the three figures. */
async function compare(write: (context: Excel.RequestContext, writer: Writer) => Promise<void>): Promise<{ real: number; estimate: number; double: number }> {
  let estimate = 0;
  const real = await measureRequest(async (context) => {
    const writer = new Writer(context, Number.MAX_SAFE_INTEGER);
    await write(context, writer);
    estimate = writer.total;
  });
  const fx = createFakeExcel({ sheets: ["추진계획", "요약"] });
  await fx
    .run(async (context) => {
      await write(context, new Writer(context, Number.MAX_SAFE_INTEGER));
      await context.sync();
    })
    .catch(() => undefined);
  return { real, estimate, double: fx.lastRequestBytes() };
}

describe("the adapter's write batches: its estimate and the double's count against the real client", () => {
  const cases: Array<[string, (context: Excel.RequestContext, writer: Writer) => Promise<void>]> = [
    [
      "2,000 cells of Korean text, numbers and formulas",
      (context, writer) =>
        writeCells(
          context,
          writer,
          Array.from({ length: 2000 }, (_, i) => ({
            sheet: "추진계획",
            cell: `${"BDI"[i % 3]}${Math.floor(i / 3) + 2}`,
            content: i % 3 === 0 ? `'${KOREAN} ${i}` : i % 3 === 1 ? i * 1000 : `=[@계]-${i}`,
          })),
          5000,
        ),
    ],
    ["one formula over 10,000 rows", (context, writer) => writeColumnFormulas(context, writer, [{ sheet: "추진계획", col: 8, row: 1, rows: 10_000, formula: "=IF(ISNUMBER(TaskPlans[[#This Row],[계(천원)]]),1,0)" }])],
    [
      "highlighting and clearing 600 cells on two sheets",
      async (context, writer) => {
        const cells = Array.from({ length: 600 }, (_, i) => [`${i % 2 ? "요약" : "추진계획"}!${"DEFG"[i % 4]}${i + 2}`, (["error", "warning", "info"] as const)[i % 3]] as const);
        const sheets = (name: string) => context.workbook.worksheets.getItem(name);
        await clearHighlights(writer, sheets, cells.map(([k]) => ({ sheet: k.split("!")[0], cell: k.split("!")[1] })), new Set(["추진계획", "요약"]));
        await highlight(writer, sheets, new Map(cells));
      },
    ],
    [
      "the state written to its sheet",
      async (context, writer) => {
        const state = emptyState();
        state.highlights = Array.from({ length: 300 }, (_, i) => ({ sheet: "추진계획", cell: `D${i + 2}` }));
        await writer.add(writeState(context, state, "sheet"));
      },
    ],
    [
      "page setup of a sheet (A4 landscape, fit to width, titles, footer)",
      async (context, writer) => {
        const ws = context.workbook.worksheets.getItem("요약");
        ws.getRange("A1").values = [["x"]];
        await writer.add(REQUEST_BYTES.rangeWrite);
        await queuePageSetup(ws, writer, pageSetup("ko", { first: 10, last: 11 }, true));
      },
    ],
    [
      "styles of 600 cells in five styles on two sheets",
      async (context, writer) => {
        const styles = new StyleBatch();
        const kinds = [{ bold: true }, { fill: "FFEAF2FB", horizontal: "center" as const }, { border: true }, { wrap: true, vertical: "top" as const }, { size: 7, color: "FF808080" }];
        for (let i = 0; i < 600; i++) styles.add(i % 2 ? "요약" : "추진계획", `${"DEFG"[i % 4]}${i + 2}`, kinds[i % 5]);
        await styles.flush(writer, (name) => context.workbook.worksheets.getItem(name));
      },
    ],
    [
      "protecting a sheet with 40 unlocked areas",
      (context, writer) =>
        queueProtect(
          context.workbook.worksheets.getItem("추진계획"),
          writer,
          Array.from({ length: 40 }, (_, i) => ({ top: i * 3, left: i % 5, bottom: i * 3 + 1, right: (i % 5) + 2 })),
        ),
    ],
    [
      "50 summary rows in and out",
      async (context, writer) => {
        const plan = {
          tables: [{ kind: "summaryByTask", sheet: "요약", table: "SummaryByTask", origin: { row: 0, col: 0 }, width: 8, bodyRows: 10, inserted: Array.from({ length: 50 }, (_, i) => i * 2), added: [], cells: [] }],
          added: { byTask: 50, byStrategy: 0 },
        } as unknown as SummaryRowPlan;
        await writer.add(queueRowInserts(context, plan));
        await writer.add(queueRowDeletes(context, [{ table: "SummaryByTask", sheet: "요약", origin: { row: 0, col: 0 }, width: 8, inserted: plan.tables[0].inserted, names: [] }]));
      },
    ],
  ];

  test.each(cases)("%s", async (_name, write) => {
    const { real, estimate, double } = await compare(write);
    expectCovers(estimate, real);
    // The double's accounting is within a third of Office.js's bytes.
    expect(double).toBeGreaterThan(real * 0.67);
    expect(double).toBeLessThan(real * 1.33);
  });
});
