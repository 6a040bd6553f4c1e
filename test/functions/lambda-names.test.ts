import { lambdaNames, lambdaProbeResult, lambdaSupport, NO_LAMBDA_MESSAGE } from "../../src/functions/lambda-names";

test("LAMBDA names wrap the PLAN.* calls with the tables baked in", () => {
  const names = lambdaNames();
  expect(names.map((n) => n.name)).toEqual(["JOBTARGET", "BUDGET", "RECONCILE", "FINDINGS"]);
  const jt = names[0].formula;
  expect(jt).toBe('=LAMBDA(strategy,[task],PLAN.JOBTARGET(TaskPlans[#All],strategy,IF(ISOMITTED(task),"",task)))');
  expect(names[1].formula).toContain("PLAN.BUDGET(TaskPlans[#All],strategy,");
  expect(names[1].formula).toContain('IF(ISOMITTED(unit),"",unit)');
  expect(names[3].formula).toContain("PLAN.FINDINGS(TaskPlans[#All],Projects[#All],SummaryByStrategy[#All]");
  for (const n of names) {
    expect(n.formula.startsWith("=LAMBDA(")).toBe(true);
    // Balanced parentheses.
    let depth = 0;
    for (const ch of n.formula.replace(/"[^"]*"/g, "")) {
      if (ch === "(") depth++;
      if (ch === ")") depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    expect(n.comment.ko).toMatch(/[가-힣]/);
    expect(n.comment.en).toMatch(/[A-Za-z]/);
  }
  expect(lambdaNames({ taskPlans: "Detail" })[0].formula).toContain("PLAN.JOBTARGET(Detail[#All]");
});

test("LAMBDA support from host facts", () => {
  expect(lambdaSupport({ platform: "OfficeOnline" }).supported).toBe(true);
  expect(lambdaSupport({ platform: "PC", version: "16.0.17928.20114" }).supported).toBe(true);
  const old = lambdaSupport({ platform: "PC", version: "16.0.14332.20000" }); // Excel 2021 LTSC
  expect(old.supported).toBe(false);
  expect(old.message).toEqual(NO_LAMBDA_MESSAGE);
  expect(old.message!.ko).toMatch(/LAMBDA/);
  expect(lambdaSupport({ platform: "Mac", version: "16.89" }).supported).toBe(true);
  expect(lambdaSupport({ platform: "Mac", version: "16.50" }).supported).toBe(false);
  expect(lambdaSupport({ platform: "PC", version: "16.0.10000.1", isSetSupported: (n, v) => n === "ExcelApi" && v === "1.16" }).supported).toBe(true);
  expect(lambdaSupport({ platform: "iOS", version: "2.80" }).supported).toBe("unknown");
  expect(lambdaSupport({}).supported).toBe("unknown");
  expect(lambdaSupport({ platform: "PC", version: "16.0.17928.1" }).message).toBeNull();
});

test("probe formula result", () => {
  expect(lambdaProbeResult(2).supported).toBe(true);
  expect(lambdaProbeResult("#NAME?").supported).toBe(false);
});
