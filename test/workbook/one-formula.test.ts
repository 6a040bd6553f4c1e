/**
 * Every generated column holds ONE formula, the same on every row, in the template and
 * after regeneration: Excel turns a table column into a calculated column and overwrites
 * rows that differ (office-js #5909, #2093, #1916, #6745). What differs between rows lives
 * in value columns. On the Seo-gu sample and on a generated plan (largest-remainder, so
 * that rows carry nudges), and with rows regeneration adds. A 소계 row gets no formula.
 */
import path from "path";
import type { Plan } from "../../src/core/model";
import { checkPlan } from "../../src/core";
import { renderWorkbook, writeWorkbookFile } from "../../src/cli/xlsx-write";
import { workbookTables } from "../../src/cli/xlsx-read";
import { growSummaryTables } from "../../src/cli/grow-tables";
import { parseA1 } from "../../src/core/a1";
import { readPlanFromTables } from "../../src/workbook/read-tables";
import { regenerateCells } from "../../src/workbook/regenerate";
import { planSummaryRows } from "../../src/workbook/summary-rows";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import type { TableSpec, WorkbookSpec } from "../../src/workbook/workbook-model";
import { generatePlan } from "../../bench/workbook-helpers";
import { appendTaskRows, DIGITAL_TASK, YOUTH_TASK } from "./helpers/added-tasks";
import { fixturePlan, readWorkbook, tempDir } from "./helpers/workbook-files";

type Columns = Map<string, Set<string>>;

/** Distinct formulas per generated column ("sheet|table|column key") of a spec's table bodies. */
function specColumns(spec: WorkbookSpec): Columns {
  const out: Columns = new Map();
  for (const s of spec.sheets)
    for (const t of s.tables)
      t.columns.forEach((c, ci) => {
        if (!c.generated) return;
        const formulas = new Set(t.rows.map((r) => r[ci]?.formula).filter((f): f is string => f !== undefined));
        if (formulas.size) out.set(`${s.name}|${t.name}|${c.key}`, formulas);
      });
  return out;
}

/** Distinct formulas regeneration writes per column of each table (by the cell's column). */
function regeneratedColumns(spec: WorkbookSpec, formulas: Array<{ sheet: string; cell: string; formula: string }>): Columns {
  const out: Columns = new Map();
  const tables: Array<{ sheet: string; t: TableSpec }> = spec.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s.name, t })));
  for (const g of formulas) {
    const { col } = parseA1(g.cell)!;
    const owner = tables.find((x) => x.sheet === g.sheet && col >= x.t.origin.col && col < x.t.origin.col + x.t.columns.length)!;
    const key = `${g.sheet}|${owner.t.name}|${owner.t.columns[col - owner.t.origin.col].key}`;
    out.set(key, (out.get(key) ?? new Set()).add(g.formula));
  }
  return out;
}

function expectOneEach(columns: Columns): void {
  const many = [...columns].filter(([, fs]) => fs.size !== 1).map(([k, fs]) => `${k}: ${fs.size} formulas`);
  expect(many).toEqual([]);
}

async function written(spec: WorkbookSpec): Promise<string> {
  const file = path.join(tempDir(), "plan.xlsx");
  await writeWorkbookFile(spec, file);
  return file;
}

const plans: Array<[string, () => Plan]> = [
  ["the Seo-gu 2020 sample", () => fixturePlan().plan],
  ["a generated 300-project plan with largest-remainder rounding", () => generatePlan(300, 11, "largest-remainder")],
];

describe("one formula per generated column", () => {
  it.each(plans)("in the template and after regeneration: %s", async (_, make) => {
    const plan = make();
    const spec = buildWorkbookSpec(plan, checkPlan(plan));
    const template = specColumns(spec);
    // Summary tables (target, budget, sources, status) and TaskPlans' 요약 반영액.
    expect([...template.keys()].filter((k) => k.includes("SummaryByStrategy")).length).toBeGreaterThanOrEqual(6);
    expect([...template.keys()].some((k) => k.endsWith("TaskPlans|counted"))).toBe(true);
    expectOneEach(template);
    // The value columns hold values only.
    for (const s of spec.sheets)
      for (const t of s.tables) t.columns.forEach((c, ci) => c.hidden && expect(t.rows.filter((r) => r[ci]?.formula !== undefined)).toEqual([]));

    const read = readPlanFromTables(workbookTables(await readWorkbook(await written(spec))));
    const { formulas } = regenerateCells(read);
    const regenerated = regeneratedColumns(spec, formulas);
    expectOneEach(regenerated);
    // Regeneration writes the template's formulas, into every row of every generated column.
    const sorted = (c: Columns) => [...c].map(([k, fs]) => [k, [...fs]]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(sorted(regenerated)).toEqual(sorted(template));
    const cells = spec.sheets.flatMap((s) => s.tables.flatMap((t) => t.columns.filter((c) => template.has(`${s.name}|${t.name}|${c.key}`)).map(() => t.rows.length)));
    expect(formulas.length).toBe(cells.reduce((a, b) => a + b, 0));
  });

  it("after rows for new tasks and a new strategy went in", async () => {
    const plan = fixturePlan().plan;
    const spec = buildWorkbookSpec(plan, []);
    appendTaskRows(spec, [YOUTH_TASK, DIGITAL_TASK]);
    const wb = renderWorkbook(spec);
    const rows = planSummaryRows(readPlanFromTables(workbookTables(wb)));
    expect(rows.added).toEqual({ byTask: 2, byStrategy: 1 });
    growSummaryTables(wb, rows);
    const { formulas } = regenerateCells(readPlanFromTables(workbookTables(wb)));
    expectOneEach(regeneratedColumns(spec, formulas));
    expect(regeneratedColumns(spec, formulas).get("요약|SummaryByTask|budget")).toEqual(specColumns(spec).get("요약|SummaryByTask|budget"));
  });

  it("gives a 소계 row of the summary by task the column's formulas, flagged to sum its strategy; leaves one in the strategy table alone", async () => {
    const plan = fixturePlan().plan;
    const spec = buildWorkbookSpec(plan, []);
    const byTask = spec.sheets.find((s) => s.key === "summary")!.tables[0];
    const byStrategy = spec.sheets.find((s) => s.key === "strategy")!.tables[0];
    // A 소계 typed after the first strategy's tasks, and one in the strategy table.
    const blank = (t: TableSpec, name: string) => t.columns.map((c) => ({ value: c.key === "strategy" ? name : null }));
    byTask.rows.splice(4, 0, blank(byTask, "소계"));
    byStrategy.rows.splice(2, 0, blank(byStrategy, "소 계"));
    const file = await written(spec);
    const read = readPlanFromTables(workbookTables(await readWorkbook(file)));
    const { formulas, values } = regenerateCells(read);
    const rowOf = (t: TableSpec, i: number) => t.origin.row + 1 + i;
    const at = <T extends { sheet: string; cell: string }>(list: T[], sheet: string, row: number) => list.filter((g) => g.sheet === sheet && parseA1(g.cell)!.row === row);
    // The same formulas as its neighbours (one formula per column), and the flag that makes them sum the strategy.
    const neighbour = at(formulas, "요약", rowOf(byTask, 5)).map((g) => g.formula);
    expect(at(formulas, "요약", rowOf(byTask, 4)).map((g) => g.formula)).toEqual(neighbour);
    const flag = at(values, "요약", rowOf(byTask, 4)).find((g) => g.value === 2);
    expect(flag).toBeDefined();
    expect(at(values, "요약", rowOf(byTask, 4)).some((g) => g.value === plan.strategies[0].name)).toBe(true);
    expect([...at(formulas, "분야별 목표", rowOf(byStrategy, 2)), ...at(values, "분야별 목표", rowOf(byStrategy, 2))]).toEqual([]);
    // The rows around them still get their formulas.
    expect(neighbour.length).toBeGreaterThanOrEqual(3);
    expect(at(formulas, "분야별 목표", rowOf(byStrategy, 3)).length).toBeGreaterThanOrEqual(6);
  });
});
