import { checkPlan } from "../../src/core/validate";
import type { Finding } from "../../src/core/findings";
import { smallPlan } from "../support/small-plan";
import { matchTaskRows } from "../../src/core/summary-match";

/** Findings other than the one info note the small plan always carries (its 민자). */
function problems(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.code !== "summary-excludes-private");
}

describe("checkPlan on a consistent plan", () => {
  it("reports only that the summary leaves out private investment", () => {
    const findings = checkPlan(smallPlan());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "summary-excludes-private", severity: "info", actual: 667_800_000 });
  });
});

describe("split", () => {
  it("flags a project whose total is not the sum of its sources", () => {
    const plan = smallPlan();
    // A second budget line for another project whose task has no room for it: the task does
    // not say which figure is wrong, so the error is at the project's 계.
    plan.strategies[0].tasks[1].projects.push({ name: "새 사업", budget: { total: 10_000, parts: { national: 8_000 }, refs: { total: { line: 12 } } } });
    const f = problems(checkPlan(plan));
    const split = f.find((x) => x.code === "split");
    expect(split).toMatchObject({
      severity: "error",
      expected: 8_000,
      actual: 10_000,
      unit: "천원",
      location: { path: ["청년 일자리", "청년 인턴", "새 사업"], table: "project", field: "total", line: 12 },
    });
    expect(split!.message.ko).toContain("+2,000");
  });

  it("names the figure of a project's split that its task points to, once", () => {
    const plan = smallPlan();
    const project = plan.strategies[0].tasks[1].projects[0];
    // 구비 written 40,000 for 46,000: 계 154,000 and the task (which counts 46,000) agree.
    project.budget = { total: 154_000, parts: { national: 108_000, municipal: 40_000 }, refs: { total: { line: 12 }, municipal: { line: 12 } } };
    const f = problems(checkPlan(plan));
    expect(f.filter((x) => x.severity === "error").map((x) => [x.code, x.location.table, x.location.field, x.expected, x.actual])).toEqual([["split", "project", "municipal", 46_000, 40_000]]);
    // The task's 구비 roll-up fails only because of it: noted, naming the project's line.
    const rollup = f.find((x) => x.code === "rollup")!;
    expect(rollup).toMatchObject({ severity: "info", location: { field: "municipal", table: "task-plan" } });
    expect(rollup.message.ko).toContain("12행의 오류에서 비롯됨");
  });

  it("flags a task plan table that does not add up, at the figure its projects disagree with", () => {
    const plan = smallPlan();
    plan.strategies[0].tasks[0].budget.parts.municipal = 43_000;
    const f = problems(checkPlan(plan));
    expect(f.filter((x) => x.severity === "error").map((x) => [x.code, x.location.path, x.location.table, x.location.field, x.expected, x.actual])).toEqual([
      ["split", ["청년 일자리", "청년 창업"], "task-plan", "municipal", 43_900, 43_000],
    ]);
    // Without projects to tell, the row's 계 is reported.
    plan.strategies[0].tasks[0].projects = [];
    expect(problems(checkPlan(plan)).find((x) => x.code === "split")).toMatchObject({ location: { field: "total" }, expected: 43_000, actual: 43_900 });
  });

  it("calls a ±1 gap in a rounded summary row a rounding warning, more an error", () => {
    const plan = smallPlan();
    plan.summary.byStrategy!.rows[0].budget.parts.municipal = 519;
    let f = problems(checkPlan(plan)).filter((x) => x.location.table === "summary-by-strategy");
    expect(f.find((x) => x.code === "split-rounding")).toMatchObject({ severity: "warning", expected: 627, actual: 628, unit: "백만원" });
    plan.summary.byStrategy!.rows[0].budget.parts.municipal = 510;
    f = problems(checkPlan(plan));
    // The 구비 figure is the error (against the detail); the row not adding up follows from it.
    expect(f.filter((x) => x.severity === "error").map((x) => [x.code, x.location.table, x.location.field])).toEqual([["summary-mismatch", "summary-by-strategy", "municipal"]]);
    expect(f.find((x) => x.location.table === "summary-by-strategy" && x.code === "split")).toMatchObject({ severity: "info", expected: 618, actual: 628 });
  });

  it("checks the plan budget table", () => {
    const plan = smallPlan();
    plan.summary.planBudget = { total: 640, parts: { national: 111, municipal: 522 } };
    const f = problems(checkPlan(plan));
    expect(f.find((x) => x.code === "split" && x.location.table === "plan-budget")).toMatchObject({ expected: 633, actual: 640 });
    expect(f.find((x) => x.code === "summary-mismatch" && x.location.table === "plan-budget")).toMatchObject({ expected: 633, actual: 640 });
  });
});

describe("roll-up: projects -> task", () => {
  it("flags the total and each source that the projects do not add up to", () => {
    const plan = smallPlan();
    plan.strategies[0].tasks[1].projects[1].budget = { total: 400_000, parts: { municipal: 400_000 } };
    const f = problems(checkPlan(plan)).filter((x) => x.code === "rollup");
    expect(f.map((x) => [x.location.field, x.expected, x.actual])).toEqual([
      ["total", 554_000, 584_320],
      ["municipal", 446_000, 476_320],
    ]);
    expect(f[0].location).toMatchObject({ path: ["청년 일자리", "청년 인턴"], table: "task-plan" });
  });

  it("notes projects without a budget in the message", () => {
    const plan = smallPlan();
    plan.strategies[0].tasks[0].projects[1].budget = undefined;
    const f = problems(checkPlan(plan)).filter((x) => x.code === "rollup");
    expect(f[0].message.ko).toContain("예산이 없는 세부사업 1개 제외");
  });

  it("compares head counts with the job target only as a hint", () => {
    const plan = smallPlan();
    const task = plan.strategies[0].tasks[0];
    task.projects[0].headcount = 20;
    task.projects[1].headcount = 5;
    const f = checkPlan(plan).filter((x) => x.code === "headcount-rollup");
    expect(f).toEqual([expect.objectContaining({ severity: "info", expected: 25, actual: 28 })]);
    task.projects[1].headcount = 8;
    expect(checkPlan(plan).filter((x) => x.code === "headcount-rollup")).toEqual([]);
  });
});

describe("summary vs detail", () => {
  it("flags a job target that differs, and marks the totals that follow from it", () => {
    const plan = smallPlan();
    plan.summary.byTask!.rows[0].target = 33;
    plan.summary.byTask!.total!.target = 2_681;
    plan.summary.byStrategy!.rows[0].target = 181;
    plan.summary.byStrategy!.total!.target = 2_681;
    const f = problems(checkPlan(plan)).filter((x) => x.code === "summary-mismatch");
    expect(f.map((x) => [x.location.table, x.location.path.join("/"), x.severity, x.expected, x.actual])).toEqual([
      ["summary-by-task", "청년 일자리/청년 창업", "error", 28, 33],
      ["summary-by-strategy", "청년 일자리", "info", 176, 181],
      ["summary-by-task", "", "info", 2_676, 2_681],
      ["summary-by-strategy", "", "info", 2_676, 2_681],
    ]);
  });

  it("tells a ±1 rounding difference from a real error", () => {
    const plan = smallPlan();
    plan.summary.byTask!.rows[0].budget = 43; // 43,900천원 rounds to 44
    plan.summary.byTask!.rows[1].budget = 590;
    plan.summary.byTask!.total!.budget.total = 638;
    const f = problems(checkPlan(plan));
    expect(f.find((x) => x.code === "summary-rounding")).toMatchObject({ severity: "warning", expected: 44, actual: 43, location: { path: ["청년 일자리", "청년 창업"] } });
    expect(f.find((x) => x.code === "summary-mismatch" && x.location.path[1] === "청년 인턴")).toMatchObject({ severity: "error", expected: 584, actual: 590 });
  });

  it("compares each source of a strategy row after conversion", () => {
    const plan = smallPlan();
    plan.summary.byStrategy!.rows[0].budget = { total: 638, parts: { national: 118, province: 0, municipal: 520 } };
    const f = problems(checkPlan(plan)).filter((x) => x.location.table === "summary-by-strategy" && x.location.path.length === 1);
    expect(f.map((x) => [x.code, x.location.field, x.expected, x.actual])).toEqual(
      expect.arrayContaining([
        ["summary-mismatch", "total", 628, 638],
        ["summary-mismatch", "national", 108, 118],
      ]),
    );
  });

  it("flags a summary row with no task plan and a task plan with no summary row", () => {
    const plan = smallPlan();
    plan.summary.byTask!.rows[1].task = "전혀 다른 과제명";
    const f = problems(checkPlan(plan)).filter((x) => x.code === "unmatched");
    expect(f.map((x) => x.location.table)).toEqual(["summary-by-task", "task-plan"]);
  });
});

describe("summary tables add up", () => {
  it("flags strategy rows that do not add up to the totals row", () => {
    const plan = smallPlan();
    plan.summary.byStrategy!.total!.target = 2_700;
    const f = problems(checkPlan(plan)).filter((x) => x.code === "rollup");
    expect(f).toEqual([expect.objectContaining({ severity: "error", expected: 2_676, actual: 2_700, location: expect.objectContaining({ table: "summary-by-strategy", field: "target" }) })]);
  });
});

describe("project lists", () => {
  it("flags a detail project missing from the summary and the reverse", () => {
    const plan = smallPlan();
    plan.strategies[0].tasks[0].projects.push({ name: "외국어 강사파견", budget: { total: 0, parts: {} } });
    plan.summary.byTask!.rows[1].projects.push("없는 사업");
    const f = problems(checkPlan(plan));
    expect(f.find((x) => x.code === "project-missing-in-summary")?.location.path).toEqual(["청년 일자리", "청년 창업", "외국어 강사파견"]);
    expect(f.find((x) => x.code === "project-missing-in-detail")?.location.path).toEqual(["청년 일자리", "청년 인턴", "없는 사업"]);
  });

  it("accepts spelling variants and one item naming two projects", () => {
    const plan = smallPlan();
    plan.summary.byTask!.rows[0].projects = ["창업공간 조성사업, 창업 아카데미"];
    plan.summary.byTask!.rows[1].projects = ["로봇 인재양성", "행정인턴 사업"];
    const f = problems(checkPlan(plan));
    expect(f.filter((x) => x.severity !== "info")).toEqual([]);
  });

  it("notes a typo as a name difference", () => {
    const plan = smallPlan();
    plan.summary.byTask!.rows[1].projects = ["로봇 인재 앙성", "행정 인턴"];
    const f = problems(checkPlan(plan));
    expect(f).toEqual([expect.objectContaining({ code: "name-differs", severity: "info" })]);
  });
});

describe("derived figures", () => {
  it("flags a wrong 달성률 and 증감률, and allows one step of rounding", () => {
    const plan = smallPlan();
    plan.commonTargets[0].achievementRate = { value: 104.8, decimals: 1 };
    plan.commonTargets[0].changeRate = { value: 1.6, decimals: 1 };
    const f = problems(checkPlan(plan)).filter((x) => x.code === "derived");
    expect(f.map((x) => [x.location.field, x.severity, x.expected, x.actual])).toEqual([
      ["achievementRate", "error", 102.8, 104.8],
      ["changeRate", "warning", 1.5, 1.6],
    ]);
  });

  it("computes a rate's change in %p", () => {
    const plan = smallPlan();
    plan.commonTargets[1].target = { value: 36, decimals: 0 };
    plan.commonTargets[1].changeRate = { value: 2, decimals: 0 };
    plan.headline!.employmentRateTarget = { value: 36, decimals: 0 };
    expect(problems(checkPlan(plan))).toEqual([]);
    plan.commonTargets[1].changeRate = { value: 5.9, decimals: 1 };
    expect(problems(checkPlan(plan))[0]).toMatchObject({ code: "derived", expected: 2, unit: "%p" });
  });

  it("flags a headline target that differs from the common targets", () => {
    const plan = smallPlan();
    plan.headline!.insuredTarget = { value: 120_000, decimals: 0 };
    expect(problems(checkPlan(plan))[0]).toMatchObject({ code: "summary-mismatch", expected: 121_000, actual: 120_000 });
  });
});

describe("matching summary rows to tasks", () => {
  it("prefers the row's own strategy, then the task's name, each task once and in order", () => {
    const plan = smallPlan();
    const [s0, s1] = plan.strategies;
    const rows = [
      { strategy: s1.name, task: s1.tasks[0].name },
      { strategy: "다른 이름의 전략", task: s0.tasks[0].name.replace(/\s/g, "") },
      { strategy: s0.name, task: s0.tasks[1].name },
      { strategy: s0.name, task: "없는 과제" },
    ];
    expect(matchTaskRows(rows, plan)).toEqual([{ s: 1, t: 0 }, { s: 0, t: 0 }, { s: 0, t: 1 }, undefined]);
  });
});
