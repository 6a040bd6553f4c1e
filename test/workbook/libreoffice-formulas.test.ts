/**
 * The generated summary formulas, evaluated by a real spreadsheet engine (headless
 * LibreOffice), equal what the core computes (summarizePlan) — for the published fixture
 * and for a synthetic 2,000-project plan, in both rounding modes.
 */
import path from "path";
import { summarizePlan, type GeneratedSummary } from "../../src/core/summarize";
import type { Plan } from "../../src/core/model";
import { checkPlan } from "../../src/core";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { summarizeWorkbook } from "../../src/cli/workbook-io";
import { workbookTables } from "../../src/cli/xlsx-read";
import { classifyTable, type InputTable } from "../../src/workbook/read-tables";
import { matchHeaders, summaryByStrategyColumns, summaryByTaskColumns, taskPlanColumns } from "../../src/workbook/columns";
import { cleanupRecalc, findSoffice, generatePlan, recalcAllWithLibreOffice } from "../../bench/workbook-helpers";
import { fixturePlan, readWorkbook, tempDir } from "./helpers/workbook-files";

jest.setTimeout(240_000);

type Num = number | null;

function num(v: unknown): Num {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v !== "number") throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * The plan with its malformed figures fixed (867,5000 typed as 867,500): the template then
 * writes numbers only, which the formulas sum like the core does. A malformed figure stays
 * text in the workbook, which SUMIFS leaves out; that case has its own test below.
 */
function fixed(plan: Plan): Plan {
  return JSON.parse(JSON.stringify(plan, (k, v) => (k === "raw" ? undefined : v)));
}

/**
 * Every plan the tests below check, written as a workbook and recalculated by LibreOffice in
 * one start of it (its start-up is most of the time of a small file): name -> tables.
 */
async function recalculatedAll(plans: Record<string, Plan>, prepared: Record<string, string> = {}): Promise<Record<string, InputTable[]>> {
  const dir = tempDir();
  const names = [...Object.keys(plans), ...Object.keys(prepared)];
  const files = names.map((n) => prepared[n] ?? path.join(dir, `${n}.xlsx`));
  for (const [i, n] of Object.keys(plans).entries()) await writeWorkbookFile(buildWorkbookSpec(plans[n], checkPlan(plans[n])), files[i]);
  const outs = recalcAllWithLibreOffice(files);
  try {
    const out: Record<string, InputTable[]> = {};
    for (const [i, n] of names.entries()) out[n] = workbookTables(await readWorkbook(outs[i]));
    return out;
  } finally {
    cleanupRecalc(outs[0]);
  }
}

function table(tables: InputTable[], kind: string): InputTable {
  const t = tables.find((x) => classifyTable(x) === kind);
  if (!t) throw new Error(`no ${kind} table`);
  return t;
}

function key(...xs: Num[]): string {
  return JSON.stringify(xs);
}

function compare(plan: Plan, tables: InputTable[], expected: GeneratedSummary): void {
  // 요약: every row's generated target / budget is a core byTask row; the totals row is the plan total.
  const byTask = table(tables, "summaryByTask");
  const tm = matchHeaders(byTask.values[0], summaryByTaskColumns());
  // The 합계 row comes first (flagged in the 합계 행 column), as in the published table.
  const [totals, ...body] = byTask.values.slice(1);
  expect(totals[tm.index.totalRow]).toBe(1);
  const got = body.map((r) => key(num(r[tm.index.target]), num(r[tm.index.budget])));
  const want = expected.byTask.map((r) => key(r.target, r.total));
  expect(got.sort()).toEqual(want.sort());
  // Rows whose names are the detail's are checked one by one, too.
  const byName = new Map(expected.byTask.map((r) => [r.strategy + "|" + r.task, r]));
  let checked = 0;
  for (const r of body) {
    const e = byName.get(`${r[tm.index.strategy]}|${r[tm.index.task]}`);
    if (!e) continue;
    checked++;
    expect([num(r[tm.index.target]), num(r[tm.index.budget])]).toEqual([e.target, e.total]);
  }
  expect(checked).toBeGreaterThan(0);
  expect([num(totals[tm.index.target]), num(totals[tm.index.budget])]).toEqual([expected.total.target, expected.total.total]);

  // 분야별 목표: target, 합계 and each source, per strategy and for the 총계 row.
  const byStrategy = table(tables, "summaryByStrategy");
  const sm = matchHeaders(byStrategy.values[0], summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys));
  const keys = expected.sourceKeys;
  const rowOf = (r: unknown[]) => key(num(r[sm.index.target]), num(r[sm.index.total]), ...keys.map((k) => num(r[sm.index["gen:src:" + k]])));
  const [sTotals, ...sBody] = byStrategy.values.slice(1);
  expect(sTotals[sm.index.totalRow]).toBe(1);
  expect(sBody.map(rowOf).sort()).toEqual(expected.byStrategy.map((r) => key(r.target, r.total, ...keys.map((k) => r.parts[k]))).sort());
  expect(rowOf(sTotals)).toEqual(key(expected.total.target, expected.total.total, ...keys.map((k) => expected.total.parts[k])));
}

/** The fixture fixed, in a rounding mode. */
function fixtureIn(mode: Plan["settings"]["roundingMode"]): Plan {
  const plan = fixed(fixturePlan().plan);
  plan.settings.roundingMode = mode;
  return plan;
}

/** The fixture with its malformed 국비 kept, and a malformed 계 as well. */
function malformedPlan(): Plan {
  const { plan } = fixturePlan();
  const first = plan.strategies[0].tasks[0];
  first.budget.refs = { ...first.budget.refs, total: { line: 1, raw: "43,9000천원" } };
  return plan;
}

/**
 * The fixture's workbook with a 소계 row typed by hand after the first strategy's tasks in
 * 요약, then `summarize`d (which gives that row the column's formulas and the flag 2).
 */
async function withSubtotalRow(plan: Plan): Promise<string> {
  const spec = buildWorkbookSpec(plan, checkPlan(plan));
  const byTask = spec.sheets.find((s) => s.key === "summary")!.tables[0];
  const firstStrategyRows = plan.strategies[0].tasks.length;
  // Row 0 is the 합계 row; the first strategy's tasks follow it.
  byTask.rows.splice(1 + firstStrategyRows, 0, byTask.columns.map((c) => ({ value: c.key === "strategy" ? "소계" : null })));
  const dir = tempDir();
  const typed = path.join(dir, "subtotal-typed.xlsx");
  const out = path.join(dir, "subtotal.xlsx");
  await writeWorkbookFile(spec, typed);
  await summarizeWorkbook(typed, out, "ko");
  return out;
}

describe("summary formulas recalculated by LibreOffice", () => {
  const plans = {
    halfUp: fixtureIn("half-up"),
    largestRemainder: fixtureIn("largest-remainder"),
    malformed: malformedPlan(),
    generatedHalfUp: generatePlan(2000, 7, "half-up"),
    generatedLargestRemainder: generatePlan(2000, 7, "largest-remainder"),
  };
  let recalculated: Record<keyof typeof plans, InputTable[]>;
  let subtotal: InputTable[];
  beforeAll(async () => {
    const all = await recalculatedAll(plans, { subtotal: await withSubtotalRow(plans.halfUp) });
    recalculated = all as typeof recalculated;
    subtotal = all.subtotal;
  });

  it("has LibreOffice installed (the formula tests need it)", () => {
    expect(findSoffice()).toBeDefined();
  });

  it("equal the core summary for the Seo-gu 2020 fixture (half-up)", () => {
    const plan = plans.halfUp;
    const tables = recalculated.halfUp;
    compare(plan, tables, summarizePlan(plan, "half-up"));
    // The status column flags the published 13 persons against the detail's 8.
    const t = table(tables, "summaryByTask");
    const m = matchHeaders(t.values[0], summaryByTaskColumns());
    const row = t.values.find((r) => r[m.index.task] === "사회적경제 활성화 인프라 구축")!;
    expect([row[m.index.declaredTarget], row[m.index.target], row[m.index.status]]).toEqual([13, 8, "불일치"]);
  });

  it("equal the core summary for the fixture with largest-remainder rounding, and every row adds up", () => {
    const plan = plans.largestRemainder;
    const expected = summarizePlan(plan, "largest-remainder");
    const tables = recalculated.largestRemainder;
    compare(plan, tables, expected);
    const t = table(tables, "summaryByStrategy");
    const m = matchHeaders(t.values[0], summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys));
    for (const r of t.values.slice(1)) {
      const parts = expected.sourceKeys.reduce((a, k) => a + (num(r[m.index["gen:src:" + k]]) ?? 0), 0);
      expect(num(r[m.index.total])).toBe(parts);
    }
  });

  it("leave a malformed figure kept as text out, with numbers and statuses everywhere, never #VALUE!", () => {
    const plan = plans.malformed;
    const tasks = plan.strategies.flatMap((s) => s.tasks);
    const malformed = tasks.find((t) => t.budget.refs?.national?.raw === "867,5000천원")!;
    expect(malformed).toBeDefined();
    // A malformed 계 as well (malformedPlan), in a plan whose summaries leave 민자 out (계 - 민자 is counted).
    const first = tasks[0];
    expect(first.budget.refs?.total?.raw).toBe("43,9000천원");
    expect(plan.summary.sourceKeys).not.toContain("private");
    const tables = recalculated.malformed;
    const errors = tables.flatMap((t) => t.values.flat().filter((v) => typeof v === "string" && /^#[A-Z/0!?]+/.test(v)).map((v) => `${t.sheet}: ${v}`));
    expect(errors).toEqual([]);
    const tp = table(tables, "taskPlans");
    const m = matchHeaders(tp.values[0], taskPlanColumns(plan.settings));
    const rowOf = (name: string) => tp.values.find((r) => r[m.index.task] === name)!;
    // The text stays text; the 요약 반영액 of a row whose 계 is text is the sum of its parts.
    expect(rowOf(malformed.name)[m.index["src:national"]]).toBe("867,5000천원");
    expect(rowOf(first.name)[m.index.total]).toBe("43,9000천원");
    const parts = plan.summary.sourceKeys!.reduce((a, k) => a + (first.budget.parts[k] ?? 0), 0);
    expect(rowOf(first.name)[m.index.counted]).toBe(parts);
    // Every status cell shows a word: the summaries are numbers, only short of the text cell.
    for (const kind of ["summaryByTask", "summaryByStrategy"]) {
      const t = table(tables, kind);
      const s = t.values[0].findIndex((h) => h === "상태");
      expect(s).toBeGreaterThanOrEqual(0);
      for (const r of t.values.slice(1)) expect(["일치", "끝수", "불일치", ""]).toContain(r[s]);
    }
  });

  it("give a 소계 row typed in 요약 the sums of its strategy, as the core's strategy row", () => {
    const plan = plans.halfUp;
    const expected = summarizePlan(plan, "half-up");
    const t = table(subtotal, "summaryByTask");
    const m = matchHeaders(t.values[0], summaryByTaskColumns());
    const rows = t.values.slice(1).filter((r) => r[m.index.strategy] === "소계" || r[m.index.task] === "소계");
    expect(rows).toHaveLength(1);
    const first = expected.byStrategy.find((r) => r.strategy === plan.strategies[0].name)!;
    expect([num(rows[0][m.index.totalRow]), num(rows[0][m.index.target]), num(rows[0][m.index.budget])]).toEqual([2, first.target, first.total]);
    // The 합계 row still sums the plan, the 소계 row left out of it.
    const totals = t.values.slice(1).find((r) => r[m.index.totalRow] === 1)!;
    expect([num(totals[m.index.target]), num(totals[m.index.budget])]).toEqual([expected.total.target, expected.total.total]);
  });

  it("equal the core summary for a generated 2,000-project plan in both rounding modes", () => {
    for (const [mode, name] of [
      ["half-up", "generatedHalfUp"],
      ["largest-remainder", "generatedLargestRemainder"],
    ] as const) {
      const plan = plans[name];
      expect(plan.settings.roundingMode).toBe(mode);
      const expected = summarizePlan(plan, mode);
      // The generated plan must exercise rounding: some half-up rows do not add up.
      if (mode === "half-up") expect(expected.byStrategy.some((r) => r.total !== Object.values(r.parts).reduce((a, b) => a + b, 0))).toBe(true);
      compare(plan, recalculated[name], expected);
    }
  });
});
