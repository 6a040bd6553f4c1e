/**
 * A figure the importer found malformed (`867,5000`) goes into the workbook as the text it
 * was, in every table that holds figures, and reading the workbook reports it at its cell
 * and resolves it as the importer does, so the plan and the checks come back unchanged.
 */
import path from "path";
import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core";
import type { Finding } from "../../src/core/findings";
import type { Plan } from "../../src/core/model";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import type { CellSpec } from "../../src/workbook/workbook-model";
import { smallPlan } from "../support/small-plan";
import { readPlanFile, readWorkbook, tempDir, withoutRefs } from "./helpers/workbook-files";

/** The small plan with one malformed figure in each table; the values stay the likely ones. */
function plantedPlan(): { plan: Plan; raws: string[] } {
  const plan = smallPlan();
  const [young] = plan.strategies;
  const raws: string[] = [];
  const raw = (text: string) => {
    raws.push(text);
    return { line: 1, raw: text };
  };
  young.tasks[0].targetRef = raw("2,8명");
  // Readings 47,632 / 47,320 / 476,320: only the last makes 108,000 + x = 584,320.
  young.tasks[1].budget.refs = { municipal: raw("47,6320") };
  young.tasks[1].projects[0].budget!.refs = { total: raw("154,0000천원") };
  young.tasks[1].projects[1].headcount = 20;
  young.tasks[1].projects[1].headcountRef = raw("2,0");
  const byTask = plan.summary.byTask!;
  byTask.rows[1].refs = { target: raw("14,8"), budget: raw("58,4") };
  byTask.total!.budget.refs = { total: raw("6,33") };
  const byStrategy = plan.summary.byStrategy!;
  byStrategy.rows[0].budget.refs = { national: raw("10,8") };
  byStrategy.total!.targetRef = raw("26,76");
  plan.summary.planBudget!.refs = { total: raw("6,33") };
  plan.commonTargets[0].lastResult!.ref = raw("119,2150");
  plan.headline!.insuredTarget!.ref = raw("121,0000");
  return { plan, raws };
}

function comparable(f: Finding) {
  const { location, ...rest } = f;
  return { ...rest, path: location.path, table: location.table, field: location.field };
}

describe("malformed figures in the workbook", () => {
  it("are written as their text, never as the guessed number or a formula", () => {
    const { plan, raws } = plantedPlan();
    const cells: CellSpec[] = buildWorkbookSpec(plan).sheets.flatMap((s) => s.tables.flatMap((t) => [...t.rows.flat(), ...(t.totals ?? [])]));
    const written = cells.filter((c) => typeof c.value === "string" && raws.includes(c.value));
    expect(written.map((c) => c.value).sort()).toEqual([...raws].sort());
    expect(written.every((c) => c.formula === undefined)).toBe(true);
  });

  it("read back as malformed-number errors at their cells, resolved as the importer resolves them", async () => {
    const { plan, raws } = plantedPlan();
    const file = path.join(tempDir(), "malformed.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, checkPlan(plan)), file);
    const back = await readPlanFile(file);
    expect(back.findings.every((f) => f.code === "malformed-number" && f.severity === "error")).toBe(true);
    expect(back.findings.map((f) => f.location.raw).sort()).toEqual([...raws].sort());
    // Each finding names a cell that holds exactly that text, as a string.
    const wb = await readWorkbook(file);
    for (const f of back.findings) {
      const cell = wb.getWorksheet(f.location.sheet!)!.getCell(f.location.cell!);
      expect([f.location.sheet, f.location.cell, cell.value, cell.type]).toEqual([f.location.sheet, f.location.cell, f.location.raw, ExcelJS.ValueType.String]);
      expect(f.message.ko).toContain(f.location.raw);
    }
    const municipal = back.findings.find((f) => f.location.raw === "47,6320")!;
    expect(municipal).toMatchObject({ expected: 476_320, location: { field: "municipal", path: ["청년 일자리", "청년 인턴"], table: "task-plan" } });
    expect(municipal.message.en).toContain("47,632 / 47,320 / 476,320; read as 476,320");
    // The same plan and the same checks as before writing.
    expect(withoutRefs(back.plan)).toEqual(withoutRefs(plan));
    expect(checkPlan(back.plan).map(comparable)).toEqual(checkPlan(plan).map(comparable));
  });

  it("keep their text when read, so that writing the plan again writes the text again", async () => {
    const { plan } = plantedPlan();
    const dir = tempDir();
    await writeWorkbookFile(buildWorkbookSpec(plan), path.join(dir, "a.xlsx"));
    const once = await readPlanFile(path.join(dir, "a.xlsx"));
    await writeWorkbookFile(buildWorkbookSpec(once.plan), path.join(dir, "b.xlsx"));
    const twice = await readPlanFile(path.join(dir, "b.xlsx"));
    const places = (fs: Finding[]) => fs.map((f) => [f.location.sheet, f.location.cell, f.location.raw]);
    expect(places(twice.findings)).toEqual(places(once.findings));
  });
});
