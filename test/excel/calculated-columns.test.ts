/**
 * Excel's calculated columns in the test double (fake/calculated-columns.ts, with the office-js
 * issues and the support article it follows), and the adapter writing generated columns so
 * that Excel has nothing to autofill.
 */
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { createPlanWorkbookOps } from "../../src/excel/adapter";
import { relativeForm, shiftFormula } from "./fake/calculated-columns";
import { a1, parseBox, splitAddress } from "../../src/core/a1";
import { readSeogu } from "../support/samples";

/** A table T on Sheet1!A1:C5: header a, b, c; a = 1..4. */
function tableOf(options: { calculatedColumns?: boolean } = {}): FakeExcel {
  const fx = createFakeExcel(options);
  const s = fx.sheet("Sheet1");
  ["a", "b", "c"].forEach((h, i) => s.set(`${"ABC"[i]}1`, h));
  for (let r = 2; r <= 5; r++) s.set(`A${r}`, r - 1);
  fx.addTable("Sheet1", "A1:C5", "T");
  return fx;
}

async function write(fx: FakeExcel, address: string, formulas: unknown): Promise<void> {
  await fx.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange(address).formulas = formulas as string[][];
    await context.sync();
  });
}

const column = (fx: FakeExcel, letter: string) => [2, 3, 4, 5].map((r) => fx.sheet("Sheet1").formula(`${letter}${r}`));

describe("the double autofills table columns as Excel does", () => {
  test("different formulas in one write: the column becomes the bottom-most formula (#5909, #6745)", async () => {
    const fx = tableOf();
    await write(fx, "B2:B5", [["=[@a]*1"], ["=[@a]*2"], ["=[@a]*3"], ["=[@a]*4"]]);
    expect(column(fx, "B")).toEqual(["=[@a]*4", "=[@a]*4", "=[@a]*4", "=[@a]*4"]);
    expect(fx.autofills()).toEqual([
      { rule: "mixed-formulas", table: "T", column: "b", formula: "=[@a]*4", cells: ["B2", "B3", "B4"], overwrote: ["B2", "B3", "B4"] },
    ]);
  });

  test("one formula in every row, in one write: no autofill", async () => {
    const fx = tableOf();
    await write(fx, "B2:B5", [["=[@a]*2"], ["=[@a]*2"], ["=[@a]*2"], ["=[@a]*2"]]);
    await write(fx, "C2:C5", "=[@a]+1");
    // Relative references are compared as Excel does: B2*2 in row 2 is B3*2 in row 3.
    await write(fx, "C2:C5", [["=A2+1"], ["=A3+1"], ["=A4+1"], ["=A5+1"]]);
    expect(column(fx, "B")).toEqual(["=[@a]*2", "=[@a]*2", "=[@a]*2", "=[@a]*2"]);
    expect(column(fx, "C")).toEqual(["=A2+1", "=A3+1", "=A4+1", "=A5+1"]);
    expect(fx.autofills()).toEqual([]);
  });

  test("a new formula in one row of a calculated column changes every row", async () => {
    const fx = tableOf();
    await write(fx, "B2:B5", "=[@a]*2");
    await write(fx, "B3", [["=[@a]*9"]]);
    expect(column(fx, "B")).toEqual(["=[@a]*9", "=[@a]*9", "=[@a]*9", "=[@a]*9"]);
    expect(fx.autofills().map((a) => [a.rule, a.cells])).toEqual([["edited-calculated-column", ["B2", "B4", "B5"]]]);
  });

  test("a column with an exception (a typed value) keeps its other rows", async () => {
    const fx = tableOf();
    await write(fx, "B2:B5", "=[@a]*2");
    await write(fx, "B2", [[7]]);
    await write(fx, "B3", [["=[@a]*9"]]);
    expect(column(fx, "B")).toEqual([7, "=[@a]*9", "=[@a]*2", "=[@a]*2"]);
    expect(fx.autofills()).toEqual([]);
  });

  test("a formula typed into an empty column fills it", async () => {
    const fx = tableOf();
    await write(fx, "C3", [["=[@a]+1"]]);
    expect(column(fx, "C")).toEqual(["=[@a]+1", "=[@a]+1", "=[@a]+1", "=[@a]+1"]);
    expect(fx.autofills()).toMatchObject([{ rule: "new-calculated-column", cells: ["C2", "C4", "C5"], overwrote: [] }]);
  });

  test("rows.add: values with different formulas are overwritten (#6745); a new row takes the calculated column's formula", async () => {
    const fx = tableOf();
    await write(fx, "B2:B5", "=[@a]*2");
    await fx.run(async (context) => {
      const rows = context.workbook.tables.getItem("T").rows;
      rows.add(null as unknown as number, [[5, "=1+1", ""], [6, "=1+3", ""]]);
      rows.add(0);
      await context.sync();
    });
    expect(fx.tableAddress("T")).toBe("Sheet1!A1:C8");
    // The bottom-most formula everywhere, then in the row added on top too.
    expect([2, 3, 4, 5, 6, 7, 8].map((r) => fx.sheet("Sheet1").formula(`B${r}`))).toEqual(Array(7).fill("=1+3"));
    expect(fx.autofills().map((a) => a.rule)).toEqual(["mixed-formulas", "new-row"]);
  });

  test("with Excel's AutoCorrect option off nothing is autofilled", async () => {
    const fx = tableOf({ calculatedColumns: false });
    await write(fx, "B2:B5", [["=[@a]*1"], ["=[@a]*2"], ["=[@a]*3"], ["=[@a]*4"]]);
    expect(column(fx, "B")).toEqual(["=[@a]*1", "=[@a]*2", "=[@a]*3", "=[@a]*4"]);
    expect(fx.autofills()).toEqual([]);
  });

  test("relative form and shifting follow A1 rules; text and structured references stay", () => {
    expect(relativeForm("=B2*$C$3+\"A1\"", 1, 0)).toBe(relativeForm("=B3*$C$3+\"A1\"", 2, 0));
    expect(relativeForm("=T[@A1]", 1, 0)).toBe(relativeForm("=T[@A1]", 5, 0));
    expect(shiftFormula("=B2+$B$2+'S 1'!C3+SUM(A1:A2)", 2, 0)).toBe("=B4+$B$2+'S 1'!C5+SUM(A3:A4)");
  });
});

/** A template with `rows` task rows whose 요약 반영액 (I) holds what jobplan generates; the formula. */
async function templateWithTasks(rows: number): Promise<{ fx: FakeExcel; ops: ReturnType<typeof createPlanWorkbookOps>; counted: string }> {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
  await ops.insertTemplate({ planName: "테스트", year: 2020, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" });
  fx.setTableBody(
    "TaskPlans",
    Array.from({ length: rows }, (_, i) => [`전략 ${i % 3}`, `과제 ${i}`, 10, 3000, 1000, 1000, 1000, 0]),
  );
  await ops.regenerate();
  const counted = String(fx.sheet("추진계획").formula("I2"));
  expect(counted).toMatch(/^=IF\(/);
  return { fx, ops, counted };
}

/**
 * Autofills that change what jobplan or the user wrote. Excel fills a calculated column's
 * formula into rows added to the table (#6745): with one formula per generated column, that
 * is the very formula jobplan writes there, so such a fill changes nothing.
 */
function harmfulAutofills(fx: Awaited<ReturnType<typeof templateWithTasks>>["fx"]) {
  return fx.autofills().filter((a) => a.rule !== "new-row" || a.overwrote.length > 0);
}

describe("the adapter writes each generated column in one write", () => {
  test("regeneration over an older formula in every row: the column is rewritten whole, Excel autofills nothing", async () => {
    const { fx, ops, counted: current } = await templateWithTasks(12);
    const older = "=[@[계(천원)]]";
    fx.setTableBody(
      "TaskPlans",
      Array.from({ length: 12 }, (_, i) => [`전략 ${i % 3}`, `과제 ${i}`, 10, 3000, 1000, 1000, 1000, 0, older]),
    );
    const r = await ops.regenerate({ force: true });
    expect(r).toMatchObject({ status: "done" });
    const tp = fx.sheet("추진계획");
    expect(Array.from({ length: 12 }, (_, i) => tp.formula(`I${i + 2}`))).toEqual(Array(12).fill(current));
    expect(harmfulAutofills(fx)).toEqual([]);
    // Undo puts the older formula back the same way.
    expect(await ops.undoRegeneration()).toBe(true);
    expect(Array.from({ length: 12 }, (_, i) => tp.formula(`I${i + 2}`))).toEqual(Array(12).fill(older));
    expect(harmfulAutofills(fx)).toEqual([]);
  });

  test("undo of a hand-edited cell: the typed value goes back before the formulas, so nothing propagates", async () => {
    const { fx, ops, counted: current } = await templateWithTasks(5);
    fx.setTableBody(
      "TaskPlans",
      Array.from({ length: 5 }, (_, i) => [`전략 ${i % 3}`, `과제 ${i}`, 10, 3000, 1000, 1000, 1000, 0, i === 1 ? 12345 : i === 2 ? "=D4*2" : current]),
    );
    await ops.regenerate({ force: true });
    expect(await ops.undoRegeneration()).toBe(true);
    const tp = fx.sheet("추진계획");
    expect(["I2", "I3", "I4", "I5", "I6"].map((c) => tp.formula(c))).toEqual([current, 12345, "=D4*2", current, current]);
    expect(harmfulAutofills(fx)).toEqual([]);
  });
});

/** The formulas of a table column's body rows, by its header. */
function columnFormulas(fx: FakeExcel, table: string, header: string): unknown[] {
  const { sheet, ref } = splitAddress(fx.tableAddress(table)!);
  const box = parseBox(ref)!;
  const view = fx.sheet(sheet!);
  let col = -1;
  for (let c = box.left; c <= box.right; c++) if (view.value(a1(box.top, c)) === header) col = c;
  expect(col).toBeGreaterThanOrEqual(0);
  const out: unknown[] = [];
  for (let r = box.top + 1; r <= box.bottom; r++) out.push(view.formula(a1(r, col)));
  return out;
}

describe("the Seo-gu plan end to end on the double", () => {
  test("import, then regenerate twice: every generated column holds one formula and Excel overwrites nothing", async () => {
    const fx = createFakeExcel();
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false });
    await ops.importText(readSeogu());
    await ops.regenerate({ force: true });
    await ops.regenerate({ force: true });
    expect(harmfulAutofills(fx)).toEqual([]);
    // The summary tables' generated columns: one formula per column, on every body row.
    for (const [table, columns] of [
      ["SummaryByTask", ["일자리 목표(산출)", "사업예산(산출, 백만원)", "상태"]],
      ["SummaryByStrategy", ["목표 인원(산출)", "합계(산출, 백만원)", "상태"]],
    ] as const) {
      for (const header of columns) {
        const formulas = columnFormulas(fx, table, header);
        expect(formulas.length).toBeGreaterThan(3);
        expect(new Set(formulas).size).toBe(1);
      }
    }
  });
});
