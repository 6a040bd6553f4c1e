/**
 * The streaming reader gives the plan reader what the ExcelJS reader gave it: the same
 * tables, origins, values (numbers, text, rich text, booleans, error values, dates, cached
 * formula results) and merged ranges, on jobplan's own workbook and on one a person made;
 * a formula without a cached value is `{ formula }`, shared ones with their references moved.
 */
import path from "path";
import ExcelJS from "exceljs";
import { readXlsxTables } from "../../src/cli/xlsx-stream";
import { shiftFormula } from "../../src/cli/sheet-scan";
import { workbookTables } from "../../src/cli/xlsx-read";
import { readPlanFromTables } from "../../src/workbook/read-tables";
import { readWorkbook, tempDir } from "../workbook/helpers/workbook-files";
import { caseDir, SAMPLE_TEXT } from "../reliability/harness";
import { importPlanText } from "../../src/import";
import { checkPlan } from "../../src/core";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { writeHandmadeXlsx } from "../../bench/xlsx-handmade";

jest.setTimeout(60_000);

/** Formula cells without a cached value: ExcelJS's reader gave null, the streaming one `{ formula }`. */
const asBefore = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (x && typeof x === "object" && "formula" in x && !Array.isArray(x) ? null : x)));

describe("streaming .xlsx reader", () => {
  test("jobplan's own workbook: the same tables as the ExcelJS reader, and the same plan", async () => {
    // Written without cached results: ExcelJS reads a cached 0 or "" as no value at all, the streaming reader as what it is.
    const file = path.join(caseDir(), "plan.xlsx");
    const { plan, findings } = importPlanText(SAMPLE_TEXT);
    await writeWorkbookFile(buildWorkbookSpec(plan, [...findings, ...checkPlan(plan)]), file);
    const streamed = await readXlsxTables(file);
    const before = workbookTables(await readWorkbook(file));
    expect(streamed.map((t) => t.name)).toEqual(before.map((t) => t.name));
    expect(asBefore(streamed)).toEqual(asBefore(before));
    // Formulas without a cached value: the cell says so.
    const summary = streamed.find((t) => t.name === "SummaryByTask")!;
    expect(summary.values[1].some((v) => v !== null && typeof v === "object" && "formula" in (v as object))).toBe(true);
    expect(asBefore(readPlanFromTables(streamed).findings)).toEqual(asBefore(readPlanFromTables(before).findings));
  });

  test("a workbook a person made: rich text, dates, booleans, errors, cached results, merged cells, a hidden sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("계획");
    ws.addRow(["추진전략", "실천과제", "일자리 목표(명)", "계(천원)", "국비(천원)", "시도비(천원)", "시군구비(천원)", "민자(천원)", "비고"]);
    ws.addRow([{ richText: [{ text: "전략 " }, { text: "A", font: { bold: true } }] }, "과제 1", 10, 3000, 1000, 1000, 1000, null, new Date(Date.UTC(2021, 2, 5))]);
    ws.addRow([null, "과제 2", { formula: "1+1", result: 2 }, { formula: "E3*2", result: { error: "#REF!" } }, 0, true, "1,000", null, { formula: "B3", result: "과제 2" }]);
    ws.addRow([null, "과제 3", { formula: "C3+1", result: 0 }, 10, 10, null, null, null, null]);
    ws.mergeCells("A2:A4");
    ws.getCell("I2").numFmt = "yyyy-mm-dd";
    const hidden = wb.addWorksheet("숨김", { state: "hidden" });
    hidden.addRow(["아무 내용"]);
    const file = path.join(tempDir(), "person.xlsx");
    await wb.xlsx.writeFile(file);
    const streamed = await readXlsxTables(file);
    const before = workbookTables(await readWorkbook(file));
    expect(streamed).toEqual(before);
    expect(streamed[0].values[1][0]).toBe("전략 A");
    expect(streamed[0].values[1][8]).toBe("2021-03-05");
    expect(streamed[0].values[2].slice(2, 6)).toEqual([2, "#REF!", 0, true]);
    expect(streamed[0].values[3][2]).toBe(0);
    expect(streamed[0].merged).toEqual([{ top: 1, left: 0, bottom: 3, right: 0 }]);
  });

  test("formulas without cached values as { formula }, a shared formula's cells with their references moved", async () => {
    const file = path.join(caseDir(), "formulas.xlsx");
    await writeHandmadeXlsx(file, [
      {
        name: "추진계획",
        cells: [
          { ref: "A1", value: "추진전략" },
          { ref: "B1", value: "실천과제" },
          { ref: "C1", value: "일자리 목표(명)" },
          { ref: "D1", value: "계(천원)" },
          { ref: "A2", value: "전략" },
          { ref: "B2", value: "과제" },
          { ref: "C2", value: { formula: "SUM(세부사업!C2:C9)" } },
          { ref: "D2", value: { error: "#DIV/0!" } },
        ],
      },
    ]);
    const [t] = await readXlsxTables(file);
    expect(t.values[1]).toEqual(["전략", "과제", { formula: "SUM(세부사업!C2:C9)" }, "#DIV/0!"]);
    expect(shiftFormula("SUM(A1:$B2)+'Sheet 1'!C$3+\"A1\"+LOG10(D4)", 2, 1)).toBe("SUM(B3:$B4)+'Sheet 1'!D$3+\"A1\"+LOG10(E6)");
  });

  test("a sheet whose first rows are no plan table is handed over as its header row alone", async () => {
    const file = path.join(caseDir(), "memo.xlsx");
    await writeHandmadeXlsx(file, [{ name: "메모", cells: Array.from({ length: 500 }, (_, i) => ({ ref: `A${i + 1}`, value: `메모 ${i}` })) }]);
    const tables = await readXlsxTables(file);
    expect(tables).toEqual([{ sheet: "메모", origin: { row: 0, col: 0 }, values: [["메모 0"]], merged: [] }]);
  });
});
