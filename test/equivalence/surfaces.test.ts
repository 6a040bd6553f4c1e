/**
 * One reading of every figure: a plan's text, the workbook written from it, and the ranges
 * Excel hands the custom functions give the same plan and the same findings (code,
 * severity, table, names, field, expected, actual), for generated plans and every sample
 * plan, also when figures are written the ways documents write them: with units, as "-",
 * badly grouped, as words, blank, with bullets and 소계 rows.
 */
import fc from "fast-check";
import path from "path";
import { generatePlan } from "../../bench/generate-plan";
import type { Finding } from "../../src/core/findings";
import type { Plan, PlanSettings } from "../../src/core/model";
import { parseSourceList } from "../../src/core/vocabulary";
import { checkPlan } from "../../src/core/validate";
import { buildPlan as functionsPlan } from "../../src/functions/findings";
import { importPlanText } from "../../src/import";
import { workbookTables } from "../../src/cli/xlsx-read";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { readPlanFromTables, type InputTable } from "../../src/workbook/read-tables";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { TABLE_NAMES } from "../../src/core/vocabulary";
import { readWorkbook, tempDir, withoutRefs } from "../workbook/helpers/workbook-files";
import { readFixture, readSeogu } from "../support/samples";
import { group, planText, type CellWriter, type FigureSpot } from "../support/plan-text";

type Key = string;

/** A finding as the same on every surface: its place by names, not by line or cell. */
function key(f: Finding): Key {
  return JSON.stringify([f.code, f.severity, f.location.table ?? "", f.location.path.join(" › "), f.location.field ?? "", f.expected ?? null, f.actual ?? null]);
}

/** Findings every surface can have: the text's "table not found" notes are the document's own. */
function comparable(findings: readonly Finding[]): Key[] {
  return findings.filter((f) => f.code !== "missing-table").map(key).sort();
}

/**
 * The plan without where each figure was read, and without the document's own facts. A
 * rate's printed decimals (40.0) live in a workbook cell's number format, which no reader is
 * handed, so rates are compared by value.
 */
function figuresOf(plan: Plan): unknown {
  const { strategies, summary, commonTargets } = withoutRefs(plan);
  const byValue = commonTargets.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, v && typeof v === "object" && "value" in v ? v.value : v])));
  return { strategies, summary, commonTargets: byValue };
}

interface Surfaces {
  text: { plan: Plan; findings: Finding[] };
  workbook: { plan: Plan; findings: Finding[] };
  inputs: InputTable[];
}

async function readAll(text: string, dir: string, name: string, settings?: PlanSettings): Promise<Surfaces> {
  const imported = importPlanText(text, { settings });
  const textFindings = [...imported.findings, ...checkPlan(imported.plan)];
  const file = path.join(dir, `${name}.xlsx`);
  await writeWorkbookFile(buildWorkbookSpec(imported.plan, textFindings), file);
  const inputs = workbookTables(await readWorkbook(file));
  const read = readPlanFromTables(inputs);
  return { text: { plan: imported.plan, findings: textFindings }, workbook: { plan: read.plan, findings: [...read.findings, ...checkPlan(read.plan)] }, inputs };
}

/** What the functions see for `=PLAN.FINDINGS(TaskPlans[#All], Projects[#All], <summary>[#All])`, and the workbook reader for the same tables. */
function functionsAndWorkbook(inputs: InputTable[], summary: string): { functions: Finding[]; workbook: Finding[]; plans: [unknown, unknown] } {
  const table = (name: string) => inputs.find((t) => t.name === name)!;
  const ranges = [TABLE_NAMES.taskPlans, TABLE_NAMES.projects, summary].map((n) => table(n));
  const built = functionsPlan(...(ranges.map((t) => t.values) as [unknown, unknown, unknown]));
  if (built.kind !== "ok") throw new Error(built.message);
  const read = readPlanFromTables(ranges);
  const strip = (p: Plan) => ({ strategies: withoutRefs(p.strategies), summary: withoutRefs(p.summary) });
  return {
    functions: [...built.value.readFindings, ...checkPlan(built.value.plan)],
    workbook: [...read.findings, ...checkPlan(read.plan)],
    plans: [strip(built.value.plan), strip(read.plan)],
  };
}

async function expectSameEverywhere(text: string, dir: string, name: string, settings?: PlanSettings): Promise<Surfaces> {
  const s = await readAll(text, dir, name, settings);
  expect(figuresOf(s.workbook.plan)).toEqual(figuresOf(s.text.plan));
  expect(comparable(s.workbook.findings)).toEqual(comparable(s.text.findings));
  for (const summary of [TABLE_NAMES.summaryByStrategy, TABLE_NAMES.summaryByTask]) {
    const f = functionsAndWorkbook(s.inputs, summary);
    expect(f.plans[0]).toEqual(f.plans[1]);
    expect(comparable(f.functions)).toEqual(comparable(f.workbook));
  }
  return s;
}

const dir = tempDir("jobplan-surfaces-");

describe("the sample plans read the same from text, workbook and function ranges", () => {
  const sources = (list: string, aliases: Record<string, string[]> = {}): PlanSettings => ({
    sources: parseSourceList(list).map((s) => ({ ...s, aliases: [...s.aliases, ...(aliases[s.key] ?? [])] })),
    roundingMode: "half-up",
  });
  it.each([
    ["seogu", () => readSeogu(), undefined],
    ["gun-2021", () => readFixture("sample-gun-2021-plan.txt"), sources("국비,도비,군비,민자")],
    ["do-2022", () => readFixture("sample-do-2022-plan.txt"), sources("국비,도비,시군비,민자")],
    ["gun-2023", () => readFixture("sample-gun-2023-plan.txt"), sources("국비,도비,군비,민자", { province: ["시도비"], municipal: ["시군구비"] })],
  ])("%s", async (name, read, settings) => {
    const s = await expectSameEverywhere(read(), dir, name, settings);
    // Not a vacuous comparison: the plans hold findings of several kinds.
    expect(new Set(s.text.findings.filter((f) => f.severity === "error").map((f) => f.code)).size).toBeGreaterThan(2);
  });
});

/** Ways a document writes one figure, each a different reading problem or none. */
const WRITERS: Record<string, (value: number | null, plain: string) => string> = {
  plain: (_v, plain) => plain,
  // 43,900 -> 43,9000: a grouping mistake the row's other figures resolve.
  badGrouping: (v, plain) => (v !== null && v >= 1000 ? plain.replace(/,(\d{3})$/, ",$10") : plain),
  // A unit the column does not use, exactly convertible.
  inWon: (v, plain) => (v !== null ? `${group(v * 1000)}원` : plain),
  inEok: (v, plain) => (v !== null && v % 100_000 === 0 ? `${v / 100_000}억원` : plain),
  withUnit: (v, plain) => (v !== null ? `${plain}천원` : plain),
  // A minus written the Korean way: the row no longer adds up, the same way everywhere.
  triangle: (v, plain) => (v !== null && v > 0 ? `△${plain}` : plain),
  // 0 as "-", the way documents write none.
  dash: (v, plain) => (v === 0 ? "-" : plain),
  // Words where a figure belongs.
  words: () => "미정",
  // Nothing at all.
  blank: () => "",
};

/** Rewrites the figures at the chosen spots, leaves the rest plain. */
function writerFor(spots: Array<{ pick: number; how: keyof typeof WRITERS }>): CellWriter {
  let n = 0;
  return (value: number | null, spot: FigureSpot, plain: string) => {
    const i = n++;
    const hit = spots.find((s) => s.pick === i);
    // Whole-row figures in 천원 only: the summaries' 백만원 figures have their own tests.
    if (!hit || (spot.table !== "project" && spot.table !== "task-plan")) return plain;
    return WRITERS[hit.how](value, plain);
  };
}

describe("generated plans read the same everywhere, however their figures are written", () => {
  it("holds for every kind of writing, with bullets", async () => {
    let run = 0;
    let withErrors = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          projects: fc.integer({ min: 2, max: 25 }),
          strategies: fc.integer({ min: 1, max: 3 }),
          tasksPerStrategy: fc.integer({ min: 1, max: 3 }),
          seed: fc.integer({ min: 1, max: 1_000_000 }),
        }),
        fc.array(fc.record({ pick: fc.integer({ min: 0, max: 120 }), how: fc.constantFrom(...(Object.keys(WRITERS) as Array<keyof typeof WRITERS>)) }), { maxLength: 4 }),
        fc.constantFrom("▷", "-", "•"),
        async (opts, spots, bullet) => {
          const plan = generatePlan(opts);
          const text = planText(plan, { cell: writerFor(spots), bullet });
          const s = await expectSameEverywhere(text, dir, `generated-${run++}`);
          if (s.text.findings.some((f) => f.severity === "error")) withErrors++;
        },
      ),
      { numRuns: 30 },
    );
    // The writings did reach the figures: some runs had reading problems to compare.
    expect(withErrors).toBeGreaterThan(3);
  });

  it("a badly grouped figure is one finding on every surface, at its cell or line", async () => {
    const plan = generatePlan({ projects: 6, strategies: 2, tasksPerStrategy: 1, seed: 7 });
    const text = planText(plan, { cell: (v, spot, plain) => (spot.table === "task-plan" && spot.field === "total" && spot.path[1] === plan.strategies[0].tasks[0].name ? plain.replace(/,(\d{3})$/, ",$10") : plain) });
    const s = await expectSameEverywhere(text, dir, "bad-grouping");
    for (const found of [s.text.findings, s.workbook.findings]) {
      expect(found.filter((f) => f.severity === "error").map((f) => f.code)).toEqual(["malformed-number"]);
    }
    expect(s.text.findings.find((f) => f.code === "malformed-number")!.location.line).toBeGreaterThan(0);
    expect(s.workbook.findings.find((f) => f.code === "malformed-number")!.location.cell).toMatch(/^[A-Z]+\d+$/);
  });

  it("a figure in words is one error everywhere, kept as the document wrote it", async () => {
    const plan = generatePlan({ projects: 4, strategies: 1, tasksPerStrategy: 2, seed: 3 });
    const p = plan.strategies[0].tasks[0].projects[0];
    const text = planText(plan, { cell: (v, spot, plain) => (spot.table === "project" && spot.path[2] === p.name && spot.field === "total" ? "미정" : plain) });
    const s = await expectSameEverywhere(text, dir, "words");
    const unreadable = s.workbook.findings.filter((f) => f.code === "unreadable" && f.severity === "error");
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0].location.raw).toBe("미정");
  });

  it("소계 rows in the summary by task are read the same by the text importer and the functions", () => {
    const plan = generatePlan({ projects: 9, strategies: 2, tasksPerStrategy: 2, seed: 11 });
    const text = planText(plan, { subtotals: true });
    const imported = importPlanText(text);
    expect(imported.plan.summary.byTask!.subtotals).toHaveLength(2);
    // Right 소계 rows add nothing to what the plan without them gives.
    const without = checkPlan(importPlanText(planText(plan)).plan).map(key);
    expect(checkPlan(imported.plan).map(key)).toEqual(without);
    // A wrong 소계 is one error, at its row.
    const wrong = text.replace(/\t소 계\t\t(\d[\d,]*)\t/, (_m, t: string) => `\t소 계\t\t${group(Number(t.replace(/,/g, "")) + 5)}\t`);
    const errors = checkPlan(importPlanText(wrong).plan).filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.code, f.location.table, f.location.field])).toEqual([["rollup", "summary-by-task", "target"]]);
  });
});
