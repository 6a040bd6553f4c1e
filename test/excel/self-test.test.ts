/**
 * The pane's self-test (src/excel/self-test.ts) on the Excel double, as CI runs it: every
 * step passes, nothing it made is left, jobplan's own sheets are untouched, and a behaviour
 * of real Excel the double can model (frozen table references in names) shows as a failed
 * step with the reason.
 */
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { createPlanWorkbookOps } from "../../src/excel/adapter";
import { runSelfTest, selfTestText } from "../../src/excel/self-test";
import type { SelfTestEnvironment } from "../../src/excel/contract";

const ENV: SelfTestEnvironment = {
  host: "Excel",
  platform: "OfficeOnline",
  version: "16.0.test",
  isSetSupported: (name, version) => name === "ExcelApi" && Number(version) <= 1.15,
};

function everything(fx: FakeExcel) {
  return { cells: fx.snapshotAll(), sheets: fx.sheetNames({ includeHidden: true }), tables: fx.tableNames(), names: fx.names(), settings: fx.settings() };
}

test("every step passes on the double and nothing is left behind", async () => {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true, environment: () => ENV });
  await ops.insertTemplate({ planName: "계획", year: 2020, sources: ["national", "province", "municipal"], roundingMode: "half-up" });
  const before = everything(fx);
  fx.resetCalls();
  const report = await ops.selfTest();
  expect(report.steps.filter((s) => !s.ok)).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.steps.map((s) => s.name)).toEqual(
    expect.arrayContaining(["add a scratch sheet", "tables.add with a sheet-qualified address", "one formula over a table column (no autofill)", "remove the scratch sheet"]),
  );
  expect(report.steps.every((s) => s.ms >= 0)).toBe(true);
  expect(everything(fx)).toEqual(before);
  // Only the row it added took the calculated column's formula, as in Excel.
  expect(fx.autofills().filter((a) => a.rule !== "new-row" || a.overwrote.length)).toEqual([]);
  // Protecting the scratch sheet and removing it are the calls that clear the undo stack (the pane says so).
  expect(fx.undoClearingCalls().map((c) => c.api)).toEqual(["WorksheetProtection.protect", "WorksheetProtection.unprotect", "Worksheet.delete"]);
  const text = selfTestText(report);
  expect(text).toContain("PASS");
  expect(text).toContain("platform OfficeOnline");
  expect(text).toContain("ExcelApi 1.13 yes");
  expect(text).toContain("ExcelApi 1.17 no");
});

test("a workbook where Excel freezes table references in names: that step fails with the reason, the rest passes", async () => {
  const fx = createFakeExcel({ freezeTableRefsInNames: true });
  const report = await runSelfTest(fx.run, ENV);
  const failed = report.steps.filter((s) => !s.ok);
  expect(failed.map((s) => s.name)).toEqual(["names.add read back (LAMBDA)"]);
  expect(failed[0].detail).toMatch(/frozen/);
  expect(report.ok).toBe(false);
  expect(fx.sheetNames({ includeHidden: true })).toEqual(["Sheet1"]);
});
