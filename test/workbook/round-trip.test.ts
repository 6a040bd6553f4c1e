/** Import the fixture, write the workbook, read it back: the same plan and the same findings. */
import path from "path";
import { checkPlan } from "../../src/core";
import type { Finding } from "../../src/core/findings";
import { emptyPlan } from "../../src/core/model";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { generatePlan } from "../../bench/workbook-helpers";
import { fixturePlan, readPlanFile, tempDir, withoutRefs } from "./helpers/workbook-files";
import { SUMMARY_FIRST } from "./helpers/layout";

function comparable(f: Finding) {
  const { location, ...rest } = f;
  return { ...rest, path: location.path, table: location.table, field: location.field };
}

describe("workbook round trip", () => {
  it("gives back the imported fixture plan and the same findings", async () => {
    const { plan, findings: importFindings } = fixturePlan();
    const findings = [...importFindings, ...checkPlan(plan)];
    const file = path.join(tempDir(), "seogu.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, findings), file);
    const back = await readPlanFile(file);
    // The malformed 867,5000천원 went into the workbook as its text and is reported again at
    // its cell, read as the importer read it, so the plans are equal.
    expect(back.findings.map((f) => [f.code, f.severity, `${f.location.sheet}!${f.location.cell}`, f.location.field, f.location.raw, f.expected])).toEqual([
      ["malformed-number", "error", "추진계획!E11", "national", "867,5000천원", 867_500],
    ]);
    const task = back.plan.strategies.flatMap((s) => s.tasks).find((t) => t.name === "사회적 경제조직 육성·지원")!;
    expect(task.budget.parts.national).toBe(867_500);
    expect(task.budget.refs?.national).toEqual({ sheet: "추진계획", cell: "E11", raw: "867,5000천원" });
    expect(withoutRefs(back.plan)).toEqual(withoutRefs(plan));
    expect(checkPlan(back.plan).map(comparable)).toEqual(checkPlan(plan).map(comparable));
    expect(checkPlan(plan).length).toBeGreaterThan(5);
  });

  it("fills a sheet!cell SourceRef on every figure read, so core findings point at cells", async () => {
    const { plan } = fixturePlan();
    const file = path.join(tempDir(), "seogu.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, []), file);
    const back = await readPlanFile(file);
    const task = back.plan.strategies[0].tasks[0];
    expect(task.targetRef).toEqual({ sheet: "추진계획", cell: "C2" });
    expect(task.budget.refs?.total).toEqual({ sheet: "추진계획", cell: "D2" });
    expect(task.budget.refs?.municipal).toEqual({ sheet: "추진계획", cell: "G2" });
    expect(back.plan.summary.byTask?.rows[0].refs?.budget).toEqual({ sheet: "요약", cell: `E${SUMMARY_FIRST + 1}` });
    const located = checkPlan(back.plan).filter((f) => f.location.sheet && /^[A-Z]+\d+$/.test(f.location.cell ?? ""));
    expect(located.length).toBe(checkPlan(back.plan).length);
    const mismatch = located.find((f) => f.code === "summary-mismatch" && f.location.path.includes("사회적경제 활성화 인프라 구축"));
    expect(mismatch?.location.sheet).toBe("요약");
  });

  it("round-trips a generated plan with a county's sources and largest-remainder rounding", async () => {
    const plan = generatePlan(60, 3, "largest-remainder");
    plan.settings.sources[1].label = "도비";
    plan.settings.sources[2].label = "군비";
    const file = path.join(tempDir(), "gen.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, []), file);
    const back = await readPlanFile(file);
    expect(back.findings).toEqual([]);
    expect(withoutRefs(back.plan)).toEqual(withoutRefs(plan));
  });

  it("an empty plan gives the empty template, which reads back as an empty plan", async () => {
    const spec = buildWorkbookSpec(emptyPlan(), []);
    expect(spec.sheets.map((s) => s.name)).toEqual(["요약", "분야별 목표", "세부사업", "추진계획", "공통목표", "추진일정", "검증", "설정"]);
    const file = path.join(tempDir(), "empty.xlsx");
    await writeWorkbookFile(spec, file);
    const back = await readPlanFile(file);
    expect(back.plan.strategies).toEqual([]);
    expect(back.findings.map((f) => [f.code, f.location.sheet])).toEqual([["missing-table", "추진계획"]]);
  });
});
