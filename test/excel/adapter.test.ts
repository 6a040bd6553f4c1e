/**
 * The Office.js adapter against the Excel test double: sync budgets at 10 and 10,000 rows,
 * regeneration only touching generated cells, undo, highlights, selection, text-as-text.
 */
import * as fs from "fs";
import * as path from "path";
import { createFakeExcel, type FakeExcel, type FakeCell } from "./fake-excel";
import { createPlanWorkbookOps, type PlanWorkbookOps } from "../../src/excel/adapter";
import { writePlan } from "../../src/excel/ops";
import { STATE_SHEET } from "../../src/excel/state";
import { canonicalFormula, copiesVerbatim, encodeCell } from "../../src/excel/cells";
import { HIGHLIGHT_FILL } from "../../src/excel/validate";
import { defaultSettings, type Plan } from "../../src/core/model";

function bigPlan(n: number): Plan {
  const strategies = Array.from({ length: 5 }, (_, s) => ({ name: `전략 ${s}`, tasks: [] as Plan["strategies"][number]["tasks"] }));
  for (let i = 0; i < n; i++) {
    strategies[i % 5].tasks.push({
      name: `실천과제 ${i}`,
      target: 10,
      budget: { total: 3000, parts: { national: 1000, province: 1000, municipal: 1000 } },
      projects: [{ name: `세부사업 ${i}`, headcount: 10, budget: { total: 3000, parts: { national: 1000, province: 1000, municipal: 1000 } } }],
    });
  }
  return { name: "큰 계획", year: 2020, settings: defaultSettings(), strategies, summary: {}, commonTargets: [], schedule: [] };
}
import { summaryByStrategyColumns, summaryByTaskColumns, taskPlanColumns } from "../../src/workbook/columns";
import { NO_LAMBDA_MESSAGE } from "../../src/functions/lambda-names";
import { SHEET_NAMES } from "../../src/workbook/template-sheets";

const SAMPLE = path.join(__dirname, "../../samples/seogu-2020-jobs-plan.txt");
const LOG_SHEET = SHEET_NAMES.changeLog;

async function setup(): Promise<{ fx: FakeExcel; ops: PlanWorkbookOps }> {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
  await ops.insertTemplate({ planName: "테스트", year: 2020, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" });
  fx.resetSyncCount();
  return { fx, ops };
}

/** A consistent plan of `n` task rows (and n projects, n summary rows) typed into the template. */
function fillPlan(fx: FakeExcel, n: number): void {
  const tp: Array<Array<string | number>> = [];
  const pr: Array<Array<string | number>> = [];
  const st: Array<Array<string | number>> = [];
  for (let i = 0; i < n; i++) {
    const strategy = `전략 ${i % 5}`;
    const task = `과제 ${i}`;
    tp.push([strategy, task, 10, 3000, 1000, 1000, 1000, 0]);
    pr.push([strategy, task, `사업 ${i}`, 10, 3000, 1000, 1000, 1000, 0]);
    st.push([strategy, task, `사업 ${i}`, 10, 3]);
  }
  fx.setTableBody("TaskPlans", tp);
  fx.setTableBody("Projects", pr);
  fx.setTableBody("SummaryByTask", st);
  fx.setTableBody(
    "SummaryByStrategy",
    Array.from({ length: 5 }, (_, s) => [`전략 ${s}`]),
  );
}

/** "Sheet!A1" of every cell in the generated columns of the three generated tables. */
function generatedCells(fx: FakeExcel): Set<string> {
  const out = new Set<string>();
  const tables: Array<[string, string[]]> = [
    ["TaskPlans", taskPlanColumns().filter((c) => c.generated).map((c) => c.header.ko)],
    ["SummaryByTask", summaryByTaskColumns().filter((c) => c.generated).map((c) => c.header.ko)],
    ["SummaryByStrategy", summaryByStrategyColumns().filter((c) => c.generated).map((c) => c.header.ko)],
  ];
  for (const [name, headers] of tables) {
    const address = fx.tableAddress(name)!;
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address)!;
    const sheet = (m[1] ?? m[2]).replace(/''/g, "'");
    const r0 = Number(m[4]);
    const r1 = Number(m[6]);
    const hdr = fx.tableHeaders(name);
    const c0 = m[3].charCodeAt(0) - 65;
    hdr.forEach((h, i) => {
      if (!headers.includes(h)) return;
      const letter = String.fromCharCode(65 + c0 + i);
      for (let r = r0 + 1; r <= r1; r++) out.add(`${sheet}!${letter}${r}`);
    });
  }
  return out;
}

/** All cells except jobplan's own state sheet and change log (which every operation appends to). */
function userCells(fx: FakeExcel): Record<string, Record<string, FakeCell>> {
  const all = fx.snapshotAll();
  delete all[STATE_SHEET];
  delete all[LOG_SHEET];
  return all;
}

function diffCells(before: Record<string, Record<string, FakeCell>>, after: Record<string, Record<string, FakeCell>>): string[] {
  const out: string[] = [];
  const sheets = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const s of sheets) {
    if (s === STATE_SHEET || s === LOG_SHEET) continue;
    const a = before[s] ?? {};
    const b = after[s] ?? {};
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push(`${s}!${k}`);
    }
  }
  return out;
}

describe("insertTemplate", () => {
  test("writes sheets, tables, formats, names and a chart in two syncs", async () => {
    const fx = createFakeExcel();
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
    const r = await ops.insertTemplate({ planName: "계획", region: "서구", year: 2020, sources: ["국비", "시비", "구비"], roundingMode: "largest-remainder" });
    expect(fx.syncCount()).toBeLessThanOrEqual(2);
    expect(r.sheets).toContain("요약");
    expect(r.tables).toEqual(expect.arrayContaining(["TaskPlans", "Projects", "SummaryByTask", "SummaryByStrategy", "FindingList"]));
    expect(r.lambdaNames).toBe(true);
    // The findings table is named FindingList so that the FINDINGS LAMBDA name can exist.
    expect(fx.names().map((n) => n.name)).toEqual(expect.arrayContaining(["JOBTARGET", "BUDGET", "RECONCILE", "FINDINGS"]));
    expect(fx.sheetNames()).toEqual(expect.arrayContaining(["Sheet1", "요약", "추진계획", "설정"]));
    expect(fx.sheetNames()).not.toContain(STATE_SHEET);
    expect(fx.sheetNames({ includeHidden: true })).toContain(STATE_SHEET);
    expect(fx.sheet(STATE_SHEET).visibility).toBe("VeryHidden");
    const tp = fx.sheet("추진계획");
    expect(tp.freezeRows).toBe(1);
    expect(tp.validations.length).toBeGreaterThan(0);
    expect(tp.conditionalFormats.some((c) => c.fill === "#FFC7CE")).toBe(true);
    expect(fx.tableHeaders("TaskPlans").slice(4, 7)).toEqual(["국비(천원)", "시비(천원)", "구비(천원)"]);
    // The empty template has only the 합계 row to chart, and the chart leaves it out.
    expect(fx.sheet("분야별 목표").charts).toEqual([]);
  });

  test("the strategy chart of an imported plan leaves the 합계 row out", async () => {
    const fx = createFakeExcel();
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
    await ops.importText(fs.readFileSync(SAMPLE, "utf8"));
    const [chart] = fx.sheet("분야별 목표").charts;
    const sheet = fx.sheet("분야별 목표");
    expect(sheet.value("A5")).toBe("총계");
    expect(chart.type).toBe("ColumnStacked");
    expect(chart.seriesBy).toBe("Columns");
    // Rows from the first strategy (row 6), not the 합계 row (row 5); series named by the header.
    expect(chart.categories).toMatch(/!A6:A\d+$/);
    expect(chart.source).toMatch(/![A-Z]+6:[A-Z]+\d+$/);
    const last = Number(/(\d+)$/.exec(chart.categories!)![1]);
    expect(sheet.value(`A${last}`)).not.toBe("");
    expect(chart.seriesNames).toEqual(fx.tableHeaders("SummaryByStrategy").filter((h) => /\(산출, 백만원\)$/.test(h) && !/^합계/.test(h)));
  });

  test("reports when LAMBDA names are not supported", async () => {
    const fx = createFakeExcel();
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
    const r = await ops.insertTemplate({ planName: "계획", year: 2020, sources: ["national"], roundingMode: "half-up" });
    expect(r.lambdaNames).toBe(false);
    expect(r.message).toEqual(NO_LAMBDA_MESSAGE);
    expect(fx.names()).toEqual([]);
  });

  test("inserting again replaces jobplan's sheets and keeps the user's", async () => {
    const { fx, ops } = await setup();
    fx.sheet("Sheet1").set("A1", "내 메모");
    await ops.insertTemplate({ planName: "두번째", year: 2021, sources: ["national"], roundingMode: "half-up" });
    expect(fx.syncCount()).toBeLessThanOrEqual(2);
    expect(fx.sheet("Sheet1").value("A1")).toBe("내 메모");
    expect(fx.sheetNames().filter((n) => n === "요약")).toHaveLength(1);
    expect(fx.sheetNames().some((n) => n.startsWith("jobplan_old"))).toBe(false);
  });
});

describe("text stays text", () => {
  test.each(["=1+1", "+1", "-1", "@SUM(A1)", "=cmd|' /C calc'!A0", "1,234", "TRUE", "'quoted"])("plan name %s", async (name) => {
    const fx = createFakeExcel();
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
    await ops.insertTemplate({ planName: name, year: 2020, sources: ["national"], roundingMode: "half-up" });
    const cells = fx.sheet("설정").snapshot();
    const hit = Object.values(cells).find((c) => c.value === name);
    expect(hit).toBeDefined();
    expect(hit!.formula).toBeUndefined();
    expect(Object.values(cells).some((c) => c.formula !== undefined && c.formula.includes(name.slice(1)))).toBe(false);
  });

  test("encodeCell prefixes text, keeps formulas and numbers", () => {
    expect(encodeCell({ value: "=A1" })).toBe("'=A1");
    expect(encodeCell({ formula: "SUM(A1)" })).toBe("=SUM(A1)");
    expect(encodeCell({ value: 3 })).toBe(3);
    expect(encodeCell({ value: null })).toBe("");
  });

  test("imported document text that looks like a formula stays text", async () => {
    const { fx, ops } = await setup();
    const text = fs.readFileSync(SAMPLE, "utf8").replace("취업성공 디딤돌 청년인턴사업", "=HYPERLINK(\"http://x\",\"y\")");
    await ops.importText(text);
    const all = fx.snapshotAll();
    const formulas = Object.values(all).flatMap((s) => Object.values(s)).filter((c) => c.formula?.includes("HYPERLINK"));
    expect(formulas).toEqual([]);
  });
});

describe("malformed figures", () => {
  test("the document's 867,5000천원 is written as its text and validated at its cell", async () => {
    const { fx, ops } = await setup();
    const { findings: imported } = await ops.importText(fs.readFileSync(SAMPLE, "utf8"));
    const tp = fx.sheet("추진계획");
    expect([tp.value("B11"), tp.value("E1")]).toEqual(["사회적 경제조직 육성·지원", "국비(천원)"]);
    // Text, not the guessed 867,500, and not a formula.
    expect(tp.value("E11")).toBe("867,5000천원");
    expect(tp.formula("E11")).toBe("867,5000천원");
    const found = await ops.validate();
    const malformed = found.filter((f) => f.code === "malformed-number");
    expect(malformed.map((f) => [f.location.sheet, f.location.cell, f.location.raw, f.expected])).toEqual([["추진계획", "E11", "867,5000천원", 867_500]]);
    expect(malformed[0].message.ko).toContain("867,5000천원");
    // The same findings as the text import, this one included.
    const codes = (fs: Array<{ code: string }>) => fs.map((f) => f.code).sort();
    expect(codes(found)).toEqual(codes(imported));
  });
});

describe("sync budget", () => {
  // Reads come in blocks sized by response bytes (read-workbook.ts): a plan of usual size is
  // read in one sync; regeneration reads the formulas of generated columns in a second.
  test.each([
    [10, { validate: 2, regenerate: 3, undo: 2 }],
    [10_000, { validate: 3, regenerate: 5, undo: 3 }],
  ])("validate, regenerate and undo at %i rows: syncs within %j", async (n, most) => {
    const { fx, ops } = await setup();
    fillPlan(fx, n);
    fx.resetSyncCount();
    const findings = await ops.validate();
    expect(Array.isArray(findings)).toBe(true);
    expect(fx.syncCount()).toBeLessThanOrEqual(most.validate);

    fx.resetSyncCount();
    const r = await ops.regenerate();
    expect(r.status).toBe("done");
    expect(fx.syncCount()).toBeLessThanOrEqual(most.regenerate);
    if (r.status === "done") expect(r.changedCells).toBeGreaterThanOrEqual(n);

    fx.resetSyncCount();
    expect(await ops.undoRegeneration()).toBe(true);
    expect(fx.syncCount()).toBeLessThanOrEqual(most.undo);

    fx.resetSyncCount();
    await ops.selectCell("추진계획", "D2");
    expect(fx.syncCount()).toBe(1);
    expect(fx.maxRequestBytes()).toBeLessThan(5 * 1024 * 1024);
  }, 120_000);

  test.each([10, 10_000])("writing a plan of %i tasks and projects takes at most 2 syncs", async (n) => {
    const fx = createFakeExcel();
    await writePlan(fx.run, bigPlan(n), []);
    expect(fx.syncCount()).toBeLessThanOrEqual(2);
    expect(fx.tableAddress("TaskPlans")).toBe(`추진계획!A1:I${n + 1}`);
    const tp = fx.sheet("추진계획");
    expect(tp.numberFormat(`D${n + 1}`)).toBe("#,##0");
    expect(String(tp.formula(`I${n + 1}`))).toBe(String(tp.formula("I2")));
    expect(String(tp.formula("I2"))).toMatch(/^=/);
    expect(tp.value(`B${n + 1}`)).toBe(`실천과제 ${n - 1}`);
  }, 120_000);

  test("import of the sample plan takes at most 2 syncs", async () => {
    const { fx, ops } = await setup();
    const { findings } = await ops.importText(fs.readFileSync(SAMPLE, "utf8"));
    expect(fx.syncCount()).toBeLessThanOrEqual(2);
    expect(findings.length).toBeGreaterThan(0);
    expect(fx.sheet("검증").value("A4")).not.toBe("");
  });

  test("a small payload budget splits the writes into more syncs with the same result", async () => {
    const text = fs.readFileSync(SAMPLE, "utf8");
    const a = createFakeExcel();
    await createPlanWorkbookOps(a.run, { lambdaSupported: () => true }).importText(text);
    const b = createFakeExcel({ payloadLimitBytes: 60_000 });
    await createPlanWorkbookOps(b.run, { lambdaSupported: () => true, maxPayloadBytes: 20_000, chunkCells: 200 }).importText(text);
    expect(b.syncCount()).toBeGreaterThan(2);
    expect(b.maxRequestBytes()).toBeLessThanOrEqual(60_000);
    expect(userCells(b)).toEqual(userCells(a));
  });

  test("the same formula down a column is written once and copied", () => {
    expect(copiesVerbatim("=SUM(T[[#This Row],[a]])")).toBe(true);
    expect(copiesVerbatim('=IF([@a]="B2",1,$C$3)')).toBe(true);
    expect(copiesVerbatim("=A1*2")).toBe(false);
    expect(copiesVerbatim("=SUM(Sheet1!B2:B4)")).toBe(false);
  });

  test("a workbook without jobplan's state (made by the CLI) still validates", async () => {
    const { fx, ops } = await setup();
    fillPlan(fx, 10);
    // Remove the state sheet as a workbook written elsewhere would lack it.
    await fx.run(async (context) => {
      context.workbook.worksheets.getItem(STATE_SHEET).delete();
      await context.sync();
    });
    fx.resetSyncCount();
    await ops.validate();
    expect(fx.syncCount()).toBeLessThanOrEqual(4);
    fx.resetSyncCount();
    expect(await ops.undoRegeneration()).toBe(false);
  });
});

describe("regenerate", () => {
  test("changes no cell outside the generated ranges", async () => {
    const { fx, ops } = await setup();
    fillPlan(fx, 20);
    fx.sheet("추진계획").setFill("A3", "#00FF00");
    fx.sheet("Sheet1").set("B2", "=A1*2");
    const before = fx.snapshotAll();
    const r = await ops.regenerate();
    expect(r.status).toBe("done");
    const after = fx.snapshotAll();
    const changed = diffCells(before, after);
    expect(changed.length).toBeGreaterThan(0);
    const allowed = generatedCells(fx);
    expect(changed.filter((c) => !allowed.has(c))).toEqual([]);
  });

  test("asks before overwriting an edited generated cell; force overwrites; undo restores exactly", async () => {
    const { fx, ops } = await setup();
    fillPlan(fx, 5);
    expect((await ops.regenerate()).status).toBe("done");
    // Nothing to do the second time.
    expect(await ops.regenerate()).toEqual({ status: "done", changedCells: 0, addedRows: { byTask: 0, byStrategy: 0 } });

    const tp = fx.sheet("추진계획");
    tp.set("I3", 12345); // 요약 반영액 of the second row, typed over
    tp.set("I4", "=D4*2");
    const before = userCells(fx);
    fx.resetSyncCount();
    const r = await ops.regenerate();
    expect(r).toEqual({ status: "confirm-needed", editedCells: expect.arrayContaining(["추진계획!I3", "추진계획!I4"]) });
    expect(fx.syncCount()).toBe(2); // values, then the generated columns' formulas; no write
    expect(diffCells(before, userCells(fx))).toEqual([]);

    const forced = await ops.regenerate({ force: true });
    expect(forced).toEqual({ status: "done", changedCells: 2, addedRows: { byTask: 0, byStrategy: 0 } });
    expect(tp.formula("I3")).not.toBe(12345);
    expect(String(tp.formula("I3"))).toMatch(/^=/);

    expect(await ops.undoRegeneration()).toBe(true);
    expect(userCells(fx)).toEqual(before);
    expect(await ops.undoRegeneration()).toBe(false);
  });

  test("undo restores text that looks like a formula as text", async () => {
    const { fx, ops } = await setup();
    fillPlan(fx, 3);
    await ops.regenerate();
    const tp = fx.sheet("추진계획");
    tp.set("I2", "'=not a formula");
    const before = userCells(fx);
    expect((await ops.regenerate()).status).toBe("confirm-needed");
    await ops.regenerate({ force: true });
    await ops.undoRegeneration();
    expect(tp.value("I2")).toBe("=not a formula");
    expect(userCells(fx)).toEqual(before);
  });

  test("canonicalFormula treats Excel's display form of structured references as equal", () => {
    expect(canonicalFormula("=SUM(T[[#This Row],[a b]])")).toBe(canonicalFormula("=sum([@[a b]])"));
    expect(canonicalFormula("=X(TaskPlans[@col])")).toBe(canonicalFormula("=X([@col])"));
    expect(canonicalFormula('="a"')).not.toBe(canonicalFormula('="A"'));
  });
});

describe("validate", () => {
  test("highlights offending cells, clears its own highlights next run and never user fills", async () => {
    const { fx, ops } = await setup();
    fillPlan(fx, 3);
    const tp = fx.sheet("추진계획");
    tp.set("D3", 9999); // 계 no longer the sum of its sources
    tp.setFill("B2", "#123456"); // the user's own fill
    const findings = await ops.validate();
    const split = findings.find((f) => f.location.sheet === "추진계획" && f.location.cell === "D3");
    expect(split).toBeDefined();
    expect(tp.fill("D3")).toBe(HIGHLIGHT_FILL[split!.severity]);
    expect(tp.fill("B2")).toBe("#123456");
    expect(fx.sheet("검증").value("A4")).not.toBe("");

    tp.set("D3", 3000);
    const again = await ops.validate();
    expect(again.some((f) => f.location.cell === "D3" && f.location.sheet === "추진계획")).toBe(false);
    expect(tp.fill("D3")).toBeUndefined();
    expect(tp.fill("B2")).toBe("#123456");
  });

  test("a finding's cell can be selected", async () => {
    const { fx, ops } = await setup();
    fillPlan(fx, 3);
    fx.sheet("추진계획").set("D3", 9999);
    const findings = await ops.validate();
    const f = findings.find((x) => x.location.sheet && x.location.cell)!;
    await ops.selectCell(f.location.sheet!, f.location.cell!);
    expect(fx.selection()).toEqual({ sheet: f.location.sheet, address: f.location.cell });
  });

  test("the findings table shrinks and grows with the findings", async () => {
    const { fx, ops } = await setup();
    fillPlan(fx, 3);
    fx.sheet("추진계획").set("D2", 1);
    fx.sheet("추진계획").set("D3", 2);
    const many = await ops.validate();
    expect(fx.tableAddress("FindingList")).toMatch(new RegExp(`A3:J${many.length + 3}$`));
    fx.sheet("추진계획").set("D2", 3000);
    fx.sheet("추진계획").set("D3", 3000);
    const few = await ops.validate();
    expect(fx.tableAddress("FindingList")).toMatch(new RegExp(`A3:J${Math.max(1, few.length) + 3}$`));
    expect(fx.sheet("검증").value(`A${Math.max(1, few.length) + 4}`)).toBe("");
  });
});
