/**
 * Texts that used to be misread in silence: each is now read right, or gives one clear
 * finding at its line (and at its cell once in a workbook, see test/equivalence).
 */
import { generatePlan } from "../../bench/generate-plan";
import { checkPlan } from "../../src/core/validate";
import { importPlanText } from "../../src/import";
import { planText } from "../support/plan-text";

const plan = generatePlan({ projects: 6, strategies: 2, tasksPerStrategy: 1, seed: 5 });
const clean = planText(plan);
const firstProject = plan.strategies[0].tasks[0].projects[0];

function errorsOf(text: string) {
  const r = importPlanText(text);
  return { ...r, all: [...r.findings, ...checkPlan(r.plan)], errors: [...r.findings, ...checkPlan(r.plan)].filter((f) => f.severity === "error") };
}

describe("texts once misread in silence", () => {
  it("the clean text has no error, so each case below adds only its own", () => {
    expect(errorsOf(clean).errors).toEqual([]);
  });

  it("a tab before a project name starts that project (it does not merge into the one before)", () => {
    const text = clean.replace(`○ ${firstProject.name}`, `\t○ ${firstProject.name}`).replace(/\n - 사업예산/g, "\n\t - 사업예산");
    const r = errorsOf(text);
    expect(r.plan.strategies[0].tasks[0].projects.map((p) => p.name)).toEqual(plan.strategies[0].tasks[0].projects.map((p) => p.name));
    expect(r.errors).toEqual([]);
  });

  it("CR and CRLF line endings read as LF", () => {
    for (const eol of ["\r", "\r\n"]) {
      const r = errorsOf(clean.split("\n").join(eol));
      expect(r.plan.strategies.flatMap((s) => s.tasks.flatMap((t) => t.projects))).toHaveLength(6);
      expect(r.errors).toEqual([]);
    }
  });

  it("an amount above 2^53 is refused at its line, never rounded", () => {
    const huge = "9,007,199,254,740,993";
    const text = clean.replace(/(사 업 비\t계\t)[\d,]+천원/, `$1${huge}천원`);
    const r = errorsOf(text);
    const refused = r.errors.filter((f) => f.code === "unreadable" && f.location.field === "total");
    expect(refused).toHaveLength(1);
    expect(refused[0].location.raw).toBe(`${huge}천원`);
    expect(refused[0].message.en).toContain("2^53");
    expect(r.plan.strategies[0].tasks[0].budget.total).toBeNull();
  });

  it("43,900원 in a 천원 place is 44천원, with a warning, not 43,900천원", () => {
    const text = clean.replace(/(\t국비\t)[\d,]+/, "$143,900원");
    const r = importPlanText(text);
    const task = r.plan.strategies[0].tasks[0];
    expect(task.budget.parts.national).toBe(44);
    expect(r.findings.filter((f) => f.code === "unit-precision")).toMatchObject([{ severity: "warning", expected: 44, location: { field: "national", raw: "43,900원" } }]);
  });

  it("the same task name twice under one strategy is one duplicate-name error", () => {
    const first = plan.strategies[0].tasks[0].name;
    const other = plan.strategies[1].tasks[0].name;
    // The summary row of the second strategy's task is written as the first strategy's first task.
    const dup = clean.replace(new RegExp(`\\n${plan.strategies[1].name}\\t${other}\\t`), `\n${plan.strategies[0].name}\t${first}\t`);
    expect(dup).not.toBe(clean);
    const d = errorsOf(dup);
    expect(d.errors.filter((f) => f.code === "duplicate-name")).toMatchObject([{ location: { path: [plan.strategies[0].name, first], field: "task" } }]);
  });
});
