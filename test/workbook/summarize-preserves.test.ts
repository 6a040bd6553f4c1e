/**
 * `summarize` rewrites only the generated cells and the findings sheet: hand-typed notes,
 * extra columns inside and beside tables, and extra sheets stay exactly as they were.
 */
import path from "path";
import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { renderWorkbook } from "../../src/cli/xlsx-write";
import { summarizeWorkbook } from "../../src/cli/workbook-io";
import { primitiveOf } from "../../src/cli/xlsx-read";
import { cleanupRecalc, recalcWithLibreOffice } from "../../bench/workbook-helpers";
import { fixturePlan, readWorkbook, tempDir } from "./helpers/workbook-files";
import { appendTaskRows, YOUTH_TASK } from "./helpers/added-tasks";
import { isGenerated, SUMMARY_FIRST } from "./helpers/layout";

function snapshot(wb: ExcelJS.Workbook, skipSheets: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (skipSheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, JSON.stringify(cell.value));
      }),
    );
  }
  return out;
}

describe("summarize", () => {
  it("changes nothing but generated cells, the findings sheet and the change log", async () => {
    const { plan } = fixturePlan();
    const spec = buildWorkbookSpec(plan, []);
    // An extra column inside the summary table, typed by a person.
    const summary = spec.sheets.find((s) => s.name === "요약")!.tables[0];
    summary.columns.push({ key: "note", header: { ko: "비고", en: "Note" }, type: "text" });
    summary.rows.forEach((r, i) => r.push({ value: i % 2 ? `메모 ${i}` : null }));
    const wb = renderWorkbook(spec);
    // Notes beside tables, and an extra sheet with a formula of its own.
    wb.getWorksheet("추진계획")!.getCell("L1").value = "담당자";
    wb.getWorksheet("추진계획")!.getCell("L2").value = "홍길동";
    wb.getWorksheet("요약")!.getCell("K20").value = "검토 필요: 2020.3.";
    const extra = wb.addWorksheet("메모");
    extra.getCell("A1").value = "자유 메모";
    extra.getCell("B2").value = { formula: "SUM(1,2)" } as ExcelJS.CellFormulaValue;
    extra.getCell("C3").value = 1234.5;
    // A generated cell someone overwrote by hand: summarize must restore the formula.
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    await wb.xlsx.writeFile(input);
    const before = await readWorkbook(input);
    const target = before.getWorksheet("요약")!.getCell(`F${SUMMARY_FIRST + 1}`);
    const original = JSON.stringify(target.value);
    target.value = 999;
    await before.xlsx.writeFile(input);

    const output = path.join(dir, "out.xlsx");
    const result = await summarizeWorkbook(input, output, "ko");
    expect(result.regenerated).toBeGreaterThan(40);
    // The checks' findings, and the malformed 867,5000천원 the workbook keeps as text, at its cell.
    const codes = result.findings.map((f) => f.code).sort();
    expect(codes).toEqual([...checkPlan(plan).map((f) => f.code), "malformed-number"].sort());
    expect(result.findings.find((f) => f.code === "malformed-number")!.location).toMatchObject({ sheet: "추진계획", cell: "E11", raw: "867,5000천원" });

    const a = await readWorkbook(input);
    const b = await readWorkbook(output);
    const generated = new Set<string>();
    const sa = snapshot(a, ["검증", "변경 이력"]);
    const sb = snapshot(b, ["검증", "변경 이력"]);
    const kept: Array<[string, string]> = [];
    for (const [k, v] of sa) {
      if (isGenerated(k)) generated.add(k);
      else kept.push([k, v]);
    }
    // One comparison of every cell (one expect per cell cost seconds).
    expect(kept.map(([k]) => [k, sb.get(k)])).toEqual(kept);
    expect([...sb.keys()].filter((k) => !sa.has(k) && !isGenerated(k))).toEqual([]);
    expect(generated.size).toBeGreaterThan(40);
    expect(b.getWorksheet("추진계획")!.getCell("E11").value).toBe("867,5000천원");
    // The overwritten cell is a formula again, the same one the template wrote (with the core's figure as its cached result).
    expect((b.getWorksheet("요약")!.getCell(`F${SUMMARY_FIRST + 1}`).value as ExcelJS.CellFormulaValue).formula).toBe(JSON.parse(original).formula);
    // Sheet order is kept (the change log added at the end) and the findings sheet is filled.
    expect(b.worksheets.map((w) => w.name)).toEqual([...a.worksheets.map((w) => w.name), "변경 이력"]);
    // Title, count line, header, one row a finding.
    expect(b.getWorksheet("검증")!.actualRowCount).toBe(result.findings.length + 3);
    // And the regenerated workbook still calculates: LibreOffice gives the detail figure.
    const recalculated = recalcWithLibreOffice(output);
    try {
      const c = await readWorkbook(recalculated);
      expect(primitiveOf(c.getWorksheet("요약")!.getCell(`F${SUMMARY_FIRST + 1}`))).toBe(28);
      expect(primitiveOf(c.getWorksheet("메모")!.getCell("B2"))).toBe(3);
    } finally {
      cleanupRecalc(recalculated);
    }
  });

  it("keeps a person's column inside the summary table when it adds a task's row: the row's note is empty, the others move with their rows", async () => {
    const { plan } = fixturePlan();
    const spec = buildWorkbookSpec(plan, []);
    const summary = spec.sheets.find((s) => s.name === "요약")!.tables[0];
    summary.columns.push({ key: "note", header: { ko: "비고", en: "Note" }, type: "text" });
    summary.rows.forEach((r, i) => r.push({ value: `메모 ${i}` }));
    appendTaskRows(spec, [YOUTH_TASK]);
    const wb = renderWorkbook(spec);
    const extra = wb.addWorksheet("메모");
    extra.getCell("B2").value = { formula: "SUM(1,2)" } as ExcelJS.CellFormulaValue;
    const dir = tempDir();
    const input = path.join(dir, "in.xlsx");
    await wb.xlsx.writeFile(input);
    const output = path.join(dir, "out.xlsx");
    expect((await summarizeWorkbook(input, output, "ko")).added).toEqual({ byTask: 1, byStrategy: 0 });
    const a = snapshot(await readWorkbook(input), ["검증"]);
    const b = snapshot(await readWorkbook(output), ["검증"]);
    // The row went in after the 합계 row and the strategy's three tasks; the table's columns
    // A..L (the note last) at and below it moved down one.
    const at = SUMMARY_FIRST + 4;
    const moved = (k: string) => {
      const m = /^요약!([A-L])(\d+)$/.exec(k);
      return m && Number(m[2]) >= at ? `요약!${m[1]}${Number(m[2]) + 1}` : k;
    };
    const kept = [...a].filter(([k]) => !isGenerated(k));
    expect(kept.map(([k]) => [k, b.get(moved(k))])).toEqual(kept);
    expect([b.get(`요약!L${at - 1}`), b.get(`요약!L${at}`), b.get(`요약!L${at + 1}`)]).toEqual([JSON.stringify("메모 3"), undefined, JSON.stringify("메모 4")]);
    expect(b.get("메모!B2")).toBe(a.get("메모!B2"));
  });
});
