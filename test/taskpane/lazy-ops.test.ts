/**
 * The operations the pane and the ribbon use in Office (src/commands/lazy-ops.ts): the adapter
 * loads on the first call and then behaves exactly as createPlanWorkbookOps on the Excel test
 * double; a failed load (the chunk could not be fetched) is an error for that operation only,
 * and the next operation loads it again.
 */
import { createFakeExcel } from "../excel/fake-excel";

const TEMPLATE = { planName: "지연 적재", year: 2020, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" as const };
const BROKEN = [
  ["전략 A", "과제 1", 10, 3000, 1000, 1000, 1000, 0],
  ["전략 A", "과제 2", 5, 9999, 1000, 1000, 1000, 0],
];

afterEach(() => jest.resetModules());

test("the adapter loads on the first operation; insert, validate, regenerate and the self-test work through it", async () => {
  const loads: string[] = [];
  jest.doMock("../../src/commands/workbook-ops", () => {
    loads.push("workbook-ops");
    return jest.requireActual("../../src/commands/workbook-ops");
  });
  const { lazyPlanWorkbookOps, selfTestText } = await import("../../src/commands/lazy-ops");
  const fx = createFakeExcel();
  const ops = lazyPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
  expect(loads).toEqual([]);

  const inserted = await ops.insertTemplate(TEMPLATE);
  expect(loads).toEqual(["workbook-ops"]);
  expect(inserted.tables).toContain("TaskPlans");
  fx.setTableBody("TaskPlans", BROKEN);
  const findings = await ops.validate();
  expect(findings.some((f) => f.severity === "error" && f.location?.cell === "D3")).toBe(true);
  const regenerated = await ops.regenerate();
  expect(regenerated.status).toBe("done");
  expect(await ops.undoRegeneration()).toBe(true);
  await ops.selectCell("추진계획", "D3");
  expect(fx.selection()).toEqual({ sheet: "추진계획", address: "D3" });

  const report = await ops.selfTest();
  expect(report.steps.length).toBeGreaterThan(0);
  const text = await selfTestText(report);
  expect(text.split("\n")[0]).toBe(`jobplan self-test: ${report.ok ? "PASS" : "FAIL"}`);
  for (const step of report.steps) expect(text).toContain(step.name);
  expect(loads).toEqual(["workbook-ops"]); // once
});

test("a failed load fails that operation with its error and the next one loads the adapter", async () => {
  let attempts = 0;
  jest.doMock("../../src/commands/workbook-ops", () => {
    attempts += 1;
    if (attempts === 1) throw new Error("Loading chunk workbook-ops failed.");
    return jest.requireActual("../../src/commands/workbook-ops");
  });
  const { lazyPlanWorkbookOps } = await import("../../src/commands/lazy-ops");
  const fx = createFakeExcel();
  const ops = lazyPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
  await expect(ops.insertTemplate(TEMPLATE)).rejects.toThrow("Loading chunk workbook-ops failed.");
  expect(fx.tableNames()).toEqual([]);
  const inserted = await ops.insertTemplate(TEMPLATE);
  expect(inserted.tables).toContain("TaskPlans");
  expect(attempts).toBe(2);
});
