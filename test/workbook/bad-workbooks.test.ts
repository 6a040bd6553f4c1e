/** Workbooks people make: findings name the sheet and cell, nothing throws. */
import path from "path";
import ExcelJS from "exceljs";
import { readPlanFromTables, type InputTable } from "../../src/workbook/read-tables";
import { workbookTables } from "../../src/cli/xlsx-read";
import { readWorkbook, tempDir } from "./helpers/workbook-files";

const HEADER = ["추진전략", "실천과제", "일자리 목표(명)", "계(천원)", "국비(천원)", "시도비(천원)", "시군구비(천원)", "민자(천원)"];

function taskTable(rows: unknown[][], header = HEADER, extra: Partial<InputTable> = {}): InputTable {
  return { sheet: "추진계획", origin: { row: 0, col: 0 }, values: [header, ...rows], ...extra };
}

describe("readPlanFromTables on bad input", () => {
  it("reads a plain range without an Excel table, extra columns and renamed sheets included", () => {
    const r = readPlanFromTables([
      { sheet: "아무 이름", origin: { row: 2, col: 1 }, values: [["비고", ...HEADER], ["메모", "전략 A", "과제 1", 10, 3000, 1000, 1000, 1000, null]] },
      { sheet: "메모", origin: { row: 0, col: 0 }, values: [["자유 메모"], ["아무 내용"]] },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.plan.strategies[0].tasks[0]).toMatchObject({ name: "과제 1", target: 10, budget: { total: 3000, parts: { national: 1000, province: 1000, municipal: 1000 } } });
    expect(r.plan.strategies[0].tasks[0].budget.refs?.total).toEqual({ sheet: "아무 이름", cell: "F4" });
  });

  it("a missing required column is an error naming the table's sheet and cell", () => {
    const r = readPlanFromTables([taskTable([["전략 A", "과제 1", 3000]], ["추진전략", "실천과제", "국비(천원)"])]);
    const missing = r.findings.filter((f) => f.code === "missing-column");
    expect(missing.map((f) => f.location.field).sort()).toEqual(["target", "total"]);
    expect(missing.every((f) => f.severity === "error" && f.location.sheet === "추진계획" && f.location.cell === "A1")).toBe(true);
    const r2 = readPlanFromTables([{ ...taskTable([["전략 A", "과제 1", 3000, 3000]], ["추진전략", "실천과제", "계(천원)", "국비(천원)"]), name: "TaskPlans" }]);
    const f = r2.findings.find((x) => x.code === "missing-column")!;
    expect(f).toMatchObject({ severity: "error", location: { sheet: "추진계획", cell: "A1", field: "target" } });
    expect(f.message.ko).toContain("일자리 목표(명)");
  });

  it("text in an amount cell is an error at that cell", () => {
    const r = readPlanFromTables([taskTable([["전략 A", "과제 1", 10, "약 3천", 1000, null, 2000, null], ["전략 A", "과제 2", "열명", "1,500", "1,500", "-", null, null]])]);
    // Words are unreadable (no reading to offer), not malformed numbers.
    const bad = r.findings.filter((f) => f.code === "unreadable" && f.severity === "error");
    expect(bad.map((f) => `${f.location.sheet}!${f.location.cell}`)).toEqual(["추진계획!D2", "추진계획!C3"]);
    expect(bad[0].message.ko).toContain("약 3천");
    // Korean-formatted text numbers are read, `-` is none.
    expect(r.plan.strategies[0].tasks[1].budget).toMatchObject({ total: 1500, parts: { national: 1500 } });
  });

  it("a badly grouped number is an error at its cell, read as the reading that fits its row", () => {
    const r = readPlanFromTables([
      taskTable([
        ["전략 A", "과제 1", 10, 1_199_500, "867,5000", 165_450, 167_050, null],
        // A figure that names its own unit is converted to the column's 천원.
        ["전략 A", "과제 2", 10, "1,2억원", 1_200_000, null, null, null],
      ]),
    ]);
    expect(r.findings.map((f) => [f.code, `${f.location.sheet}!${f.location.cell}`, f.location.field, f.location.raw, f.expected])).toEqual([
      ["malformed-number", "추진계획!E2", "national", "867,5000", 867_000],
      ["malformed-number", "추진계획!D3", "total", "1,2억원", 1_200_000],
    ]);
    expect(r.findings[0].message.ko).toContain("가능한 값 867,500 / 867,000 / 8,675,000, 읽은 값 867,000천원");
    expect(r.plan.strategies[0].tasks.map((t) => [t.budget.total, t.budget.parts.national])).toEqual([
      [1_199_500, 867_000],
      [1_200_000, 1_200_000],
    ]);
  });

  it("merged cells are reported and read with the merged value in every row", () => {
    const r = readPlanFromTables([
      taskTable([["전략 A", "과제 1", 1, 10, 10, null, null, null], [null, "과제 2", 2, 20, 20, null, null, null]], HEADER, {
        merged: [{ top: 1, left: 0, bottom: 2, right: 0 }],
      }),
    ]);
    const m = r.findings.find((f) => f.code === "unreadable")!;
    expect(m.location).toMatchObject({ sheet: "추진계획", cell: "A2" });
    expect(m.message.ko).toContain("병합");
    expect(r.plan.strategies).toHaveLength(1);
    expect(r.plan.strategies[0].tasks.map((t) => t.name)).toEqual(["과제 1", "과제 2"]);
  });

  it("an empty table is reported", () => {
    const r = readPlanFromTables([taskTable([[null, null, null, null, null, null, null, null]])]);
    expect(r.findings).toEqual([expect.objectContaining({ code: "missing-table", location: expect.objectContaining({ sheet: "추진계획", cell: "A1" }) })]);
  });

  it("duplicate task names under one strategy are an error at the second one", () => {
    const r = readPlanFromTables([taskTable([["전략 A", "과제 1", 1, 10, 10], ["전략 A", "과제  1", 2, 20, 20]])]);
    const d = r.findings.find((f) => f.code === "duplicate-name")!;
    expect(d).toMatchObject({ severity: "error", location: { sheet: "추진계획", cell: "B3" } });
    expect(d.message.ko).toContain("B2");
  });

  it("a workbook with nothing recognisable reports the missing task plan table", () => {
    const r = readPlanFromTables([{ sheet: "Sheet1", origin: { row: 0, col: 0 }, values: [["a", "b"], [1, 2]] }]);
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([["missing-table", "error"]]);
  });
});

describe("bad .xlsx files through ExcelJS", () => {
  it("merged cells in a real workbook are found with their address", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("내 계획");
    ws.addRow(HEADER);
    ws.addRow(["전략 A", "과제 1", 1, 10, 10]);
    ws.addRow([null, "과제 2", 2, 20, 20]);
    ws.mergeCells("A2:A3");
    const file = path.join(tempDir(), "merged.xlsx");
    await wb.xlsx.writeFile(file);
    const r = readPlanFromTables(workbookTables(await readWorkbook(file)));
    expect(r.findings.map((f) => [f.code, f.location.sheet, f.location.cell])).toEqual([["unreadable", "내 계획", "A2"]]);
    expect(r.plan.strategies[0].tasks).toHaveLength(2);
  });
});
