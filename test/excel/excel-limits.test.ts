/**
 * Behaviours of real Excel the adapter has to live with, through the double that models them:
 * the user's undo stack, manual calculation, filtered tables, LAMBDA names whose table
 * references Excel freezes, tables.add without a sheet name, highlighting many cells.
 */
import * as fs from "fs";
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { createPlanWorkbookOps, JobplanError, type PlanWorkbookOps } from "../../src/excel/adapter";
import { STATE_SETTING, STATE_SHEET } from "../../src/excel/state";
import { FROZEN_NAMES_MESSAGE } from "../../src/excel/names";
import { addressLists, HIGHLIGHT_FILL } from "../../src/excel/validate";
import { SEOGU_PATH } from "../support/samples";

const TEXT = fs.readFileSync(SEOGU_PATH, "utf8");
const SOURCES = ["national", "province", "municipal", "private"];

async function template(fx: FakeExcel): Promise<PlanWorkbookOps> {
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
  await ops.insertTemplate({ planName: "테스트", year: 2020, sources: SOURCES, roundingMode: "half-up" });
  return ops;
}

function fill(fx: FakeExcel, rows: Array<Array<string | number>>): void {
  fx.setTableBody("TaskPlans", rows);
}

describe("the user's undo stack", () => {
  test("validation, regeneration and its undo make no call that clears it", async () => {
    const fx = createFakeExcel();
    const ops = await template(fx);
    await ops.importText(TEXT);
    fx.resetCalls();
    fx.sheet("추진계획").set("D3", 1); // a figure changed: findings, highlights
    await ops.validate();
    await ops.regenerate({ force: true });
    await ops.validate();
    await ops.undoRegeneration();
    expect(fx.undoClearingCalls()).toEqual([]);
  });

  test("on a workbook without jobplan's state sheet (made by the CLI) the state goes to the document's settings, not to a new hidden sheet", async () => {
    const fx = createFakeExcel();
    const ops = await template(fx);
    fill(fx, [["전략 가", "과제 1", 10, 3000, 1000, 1000, 1000, 0]]);
    await fx.run(async (context) => {
      context.workbook.worksheets.getItem(STATE_SHEET).delete();
      await context.sync();
    });
    fx.resetCalls();
    await ops.validate();
    const r = await ops.regenerate();
    expect(r.status).toBe("done");
    expect(fx.undoClearingCalls()).toEqual([]);
    expect(fx.sheetNames({ includeHidden: true })).not.toContain(STATE_SHEET);
    expect(String(fx.settings()[STATE_SETTING])).toContain('"generated"');
    // jobplan's own undo works from there.
    expect(await ops.undoRegeneration()).toBe(true);
    expect(fx.undoClearingCalls()).toEqual([]);
  });

  test("inserting the template does clear it (documented in README): it replaces and hides sheets", async () => {
    const fx = createFakeExcel();
    await template(fx);
    const apis = fx.undoClearingCalls().map((c) => c.api);
    expect(apis).toContain("Worksheet.visibility");
  });
});

describe("manual calculation", () => {
  /** 계 (D) is the user's own =SUM of the sources (E:H): Excel computes it, the double through `evaluate`. */
  function sumWorkbook(mode: "Automatic" | "Manual") {
    const fx = createFakeExcel({
      evaluate: (_sheet, address, formula, value) => {
        const m = /^=SUM\(E(\d+):H\1\)$/.exec(formula);
        if (!m) return "";
        return ["E", "F", "G", "H"].reduce((n, c) => n + Number(value(`${c}${m[1]}`) || 0), 0);
      },
    });
    return { fx, mode };
  }

  test.each(["Manual", "Automatic"] as const)("%s: validation reads the values as calculated now", async (mode) => {
    const { fx } = sumWorkbook(mode);
    const ops = await template(fx);
    fill(fx, [["전략 가", "과제 1", 10, "=SUM(E2:H2)", 1000, 1000, 1000, 0]]);
    fx.setCalculationMode(mode);
    // The user changes a source; in manual mode 계 still shows 3000 until Excel calculates.
    fx.sheet("추진계획").set("E2", 2000);
    const findings = await ops.validate();
    expect(findings.filter((f) => f.location.sheet === "추진계획" && f.location.cell === "D2")).toEqual([]);
    expect(fx.calculations()).toEqual(mode === "Manual" ? ["Recalculate"] : []);
  });
});

describe("filtered tables", () => {
  test("undo of added summary rows refuses a filtered table with a clear message and changes nothing", async () => {
    const fx = createFakeExcel();
    const ops = await template(fx);
    fill(fx, [
      ["전략 가", "과제 1", 10, 3000, 1000, 1000, 1000, 0],
      ["전략 나", "과제 2", 5, 2000, 1000, 500, 500, 0],
    ]);
    await ops.regenerate();
    await ops.regenerate(); // rows are in; now a second one with nothing to add
    fx.sheet("추진계획").set("D2", 3500);
    await ops.regenerate({ force: true });
    fill(fx, [
      ["전략 가", "과제 1", 10, 3000, 1000, 1000, 1000, 0],
      ["전략 나", "과제 2", 5, 2000, 1000, 500, 500, 0],
      ["전략 다", "과제 3", 7, 1500, 0, 0, 1500, 0],
    ]);
    const grown = await ops.regenerate();
    expect(grown).toMatchObject({ status: "done", addedRows: { byTask: 1, byStrategy: 1 } });
    fx.filterTable("SummaryByTask", true);
    const before = fx.snapshotAll();
    const error = await ops.undoRegeneration().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JobplanError);
    expect((error as JobplanError).text.ko).toContain("SummaryByTask");
    expect((error as JobplanError).text.ko).toContain("필터");
    expect((error as JobplanError).text.en).toMatch(/filter/i);
    expect(fx.snapshotAll()).toEqual(before);
    fx.filterTable("SummaryByTask", false);
    expect(await ops.undoRegeneration()).toBe(true);
  });
});

describe("LAMBDA names", () => {
  test("when Excel freezes their table references (#740) they are removed again and the pane is told why", async () => {
    const fx = createFakeExcel({ freezeTableRefsInNames: true });
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
    const r = await ops.insertTemplate({ planName: "테스트", year: 2020, sources: SOURCES, roundingMode: "half-up" });
    expect(r.lambdaNames).toBe(false);
    expect(r.message).toEqual(FROZEN_NAMES_MESSAGE);
    expect(fx.names().map((n) => n.name)).not.toEqual(expect.arrayContaining(["JOBTARGET"]));
    expect(fx.names().filter((n) => /\$[A-Z]+\$\d+/.test(n.formula) && /LAMBDA/.test(n.formula))).toEqual([]);
  });

  test("when Excel keeps them, they stay and refer to the tables", async () => {
    const fx = createFakeExcel();
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
    const r = await ops.insertTemplate({ planName: "테스트", year: 2020, sources: SOURCES, roundingMode: "half-up" });
    expect(r.lambdaNames).toBe(true);
    expect(fx.names().find((n) => n.name === "JOBTARGET")?.formula).toContain("TaskPlans[#All]");
  });
});

describe("tables.add", () => {
  test("every table lands on its own sheet whichever sheet is active (addresses are sheet-qualified)", async () => {
    const fx = createFakeExcel({ sheets: ["메모", "Sheet1"] });
    await fx.run(async (context) => {
      context.workbook.worksheets.getItem("메모").activate();
      await context.sync();
    });
    await template(fx);
    expect(fx.tableAddress("TaskPlans")).toMatch(/^추진계획!/);
    expect(fx.tableAddress("SummaryByStrategy")).toMatch(/^'분야별 목표'!/);
    expect(fx.sheet("메모").snapshot()).toEqual({});
  });
});

describe("highlighting many cells", () => {
  test("address lists stay within 8,192 characters and cover every cell once", () => {
    const cells = Array.from({ length: 5000 }, (_, i) => `${"ABCDEFGHI"[i % 9]}${i + 2}`);
    const lists = addressLists(cells);
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(8192);
    expect(lists.join(",").split(",")).toEqual(cells);
  });

  test("validation fills hundreds of cells in a handful of calls (one per sheet, colour and 8 KB of addresses)", async () => {
    const fx = createFakeExcel();
    const ops = await template(fx);
    // Every 계 is off by one: hundreds of split findings.
    fill(fx, Array.from({ length: 400 }, (_, i) => [`전략 ${i % 4}`, `과제 ${i}`, 10, 3001, 1000, 1000, 1000, 0]));
    fx.resetCalls();
    const findings = await ops.validate();
    const marked = new Set(findings.filter((f) => f.location.sheet === "추진계획" && f.location.cell).map((f) => f.location.cell));
    expect(marked.size).toBeGreaterThanOrEqual(400);
    for (const cell of marked) expect(Object.values(HIGHLIGHT_FILL)).toContain(fx.sheet("추진계획").fill(cell!));
    // Not one call a cell (~530 bytes each): a few address lists.
    const calls = fx.calls();
    expect(calls.filter((c) => c.startsWith("Range.format.fill"))).toEqual([]);
    expect(calls.filter((c) => c === "RangeAreas.format.fill.color").length).toBeLessThanOrEqual(6);
    // Validating again clears the old fills the same way.
    fx.resetCalls();
    await ops.validate();
    expect(fx.calls().filter((c) => c === "RangeAreas.format.fill.clear").length).toBeLessThanOrEqual(6);
  });
});
