/** Text that looks like a formula (=, +, -, @) is written as text, never as a formula. */
import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { importPlanText } from "../../src/import";
import { emptyPlan } from "../../src/core/model";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { FIXTURE, readPlanFile, readWorkbook, tempDir } from "./helpers/workbook-files";

const HYPERLINK = '=HYPERLINK("http://evil.example","클릭")';

function textCells(wb: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  for (const ws of wb.worksheets)
    ws.eachRow((row) => row.eachCell((cell) => out.set(`${ws.name}!${cell.address}`, cell)));
  return out;
}

function expectText(wb: ExcelJS.Workbook, text: string): void {
  const hits = [...textCells(wb).values()].filter((c) => c.value === text || (typeof c.value === "string" && c.value.split("\n").includes(text)));
  expect(hits.length).toBeGreaterThan(0);
  for (const c of hits) {
    expect(c.type).toBe(ExcelJS.ValueType.String);
    expect(c.formula).toBeUndefined();
  }
  // No formula anywhere contains the text (checked where the text is distinctive).
  const body = text.replace(/^[=+\-@]/, "");
  if (body.length >= 4) for (const c of textCells(wb).values()) if (c.formula) expect(c.formula).not.toContain(body);
}

describe("formula injection", () => {
  it("imported names starting with = or @ stay text in the workbook and read back unchanged", async () => {
    const text = readFileSync(FIXTURE, "utf8").split("청년 창업 아카데미 운영").join(HYPERLINK).split("특성화고 직업지도 프로그램").join("@x");
    const { plan } = importPlanText(text);
    const names = plan.strategies.flatMap((s) => s.tasks.flatMap((t) => t.projects.map((p) => p.name)));
    expect(names).toEqual(expect.arrayContaining([HYPERLINK, "@x"]));
    const file = path.join(tempDir(), "inj.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, []), file);
    const wb = await readWorkbook(file);
    expectText(wb, HYPERLINK);
    expectText(wb, "@x");
    const back = await readPlanFile(file);
    expect(back.plan.strategies.flatMap((s) => s.tasks.flatMap((t) => t.projects.map((p) => p.name)))).toEqual(names);
  });

  it("names starting with + and - stay text too", async () => {
    const plan = emptyPlan();
    plan.strategies.push({
      name: "+1",
      tasks: [{ name: "-2", target: 1, budget: { total: 5, parts: { national: 5 } }, projects: [{ name: "@SUM(A1)" }, { name: "=1+1" }] }],
    });
    const file = path.join(tempDir(), "inj2.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, []), file);
    const wb = await readWorkbook(file);
    for (const t of ["+1", "-2", "@SUM(A1)", "=1+1"]) expectText(wb, t);
    const back = await readPlanFile(file);
    expect(back.plan.strategies[0].name).toBe("+1");
    expect(back.plan.strategies[0].tasks[0].name).toBe("-2");
  });
});
