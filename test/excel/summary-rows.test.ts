/**
 * The add-in's regeneration adds summary rows for tasks and strategies typed into TaskPlans
 * after the import (the Seo-gu 2020 plan, through the Excel test double): rows inserted in
 * the table after the strategy's rows or before the totals, names as text, the formulas the
 * template writes for such a row (which LibreOffice checks against the core in
 * test/workbook), empty declared cells, every other cell as it was (moved down with its
 * table), three syncs, nothing added the second time, and undo restoring the tables exactly.
 */
import * as fs from "fs";
import * as path from "path";
import { createFakeExcel, type FakeCell, type FakeExcel } from "./fake-excel";
import { createPlanWorkbookOps, type PlanWorkbookOps } from "../../src/excel/adapter";
import { canonicalFormula } from "../../src/excel/cells";
import { STATE_SHEET } from "../../src/excel/state";
import { importPlanText } from "../../src/import";
import { buildWorkbookSpec, SHEET_NAMES } from "../../src/workbook/template-sheets";
import { matchHeaders, SUMMARY_FORMAT, taskPlanColumns } from "../../src/workbook/columns";
import { DIGITAL_TASK, withTasks, YOUTH_TASK, type NewTask } from "../workbook/helpers/added-tasks";

const SAMPLE = path.join(__dirname, "../../samples/seogu-2020-jobs-plan.txt");
const TEXT = fs.readFileSync(SAMPLE, "utf8");

async function imported(): Promise<{ fx: FakeExcel; ops: PlanWorkbookOps }> {
  const fx = createFakeExcel();
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
  await ops.importText(TEXT);
  return { fx, ops };
}

/** Types a task row below TaskPlans as a person would (the table grows, 요약 반영액 filled in). */
async function typeTask(fx: FakeExcel, t: NewTask): Promise<void> {
  const { plan } = importPlanText(TEXT);
  const headers = fx.tableHeaders("TaskPlans");
  const index = matchHeaders(headers, taskPlanColumns(plan.settings)).index;
  const counted = String(fx.sheet("추진계획").formula("I2"));
  const row: Array<string | number> = headers.map(() => "");
  row[index.strategy] = t.strategy;
  row[index.task] = t.task;
  row[index.target] = t.target;
  row[index.total] = t.total;
  for (const [k, v] of Object.entries(t.parts)) row[index["src:" + k]] = v;
  row[index.counted] = counted;
  await fx.run(async (context) => {
    context.workbook.tables.getItem("TaskPlans").rows.add(null as unknown as number, [row]);
    await context.sync();
  });
}

/** Every cell but jobplan's state and change log (the log's rows are checked in change-log.test.ts). */
function cells(fx: FakeExcel): Record<string, Record<string, FakeCell>> {
  const all = fx.snapshotAll();
  delete all[STATE_SHEET];
  delete all[SHEET_NAMES.changeLog];
  return all;
}

/** Every cell of `before` is in `after`, moved down `count` rows in `sheet`'s columns up to `lastCol` from `row`. */
function expectMovedOnly(
  before: Record<string, Record<string, FakeCell>>,
  after: Record<string, Record<string, FakeCell>>,
  inserts: Record<string, { row: number; lastCol: string; count: number }>,
): string[] {
  const seen = new Set<string>();
  for (const [sheet, sheetCells] of Object.entries(before)) {
    for (const [a, cell] of Object.entries(sheetCells)) {
      const m = /^([A-Z]+)(\d+)$/.exec(a)!;
      const ins = inserts[sheet];
      const shift = ins && Number(m[2]) >= ins.row && m[1] <= ins.lastCol && m[1].length === 1 ? ins.count : 0;
      const b = `${m[1]}${Number(m[2]) + shift}`;
      seen.add(`${sheet}!${b}`);
      expect([`${sheet}!${a}`, after[sheet]?.[b]]).toEqual([`${sheet}!${a}`, cell]);
    }
  }
  // What is new with contents (empty new cells only carry the row's number format).
  return Object.entries(after)
    .flatMap(([s, c]) => Object.entries(c).filter(([, x]) => x.value !== "" || x.formula !== undefined).map(([a]) => `${s}!${a}`))
    .filter((k) => !seen.has(k))
    .sort();
}

/** The formulas the template writes for `task`'s row of the summary by task (F, G, H). */
function templateTaskFormulas(t: NewTask): string[] {
  const spec = buildWorkbookSpec(withTasks(importPlanText(TEXT).plan, [t]));
  const table = spec.sheets.find((s) => s.key === "summary")!.tables[0];
  const row = table.rows.find((r) => r[1].value === t.task)!;
  return [5, 6, 7].map((i) => canonicalFormula("=" + row[i].formula));
}

describe("regenerate adds summary rows for tasks typed into TaskPlans", () => {
  test("a task under an existing strategy: a row after the strategy's rows, undo takes it out again", async () => {
    const { fx, ops } = await imported();
    await typeTask(fx, YOUTH_TASK);
    expect(fx.tableAddress("SummaryByTask")).toBe("요약!A12:K28");
    const before = cells(fx);
    fx.resetSyncCount();
    const r = await ops.regenerate();
    expect(fx.syncCount()).toBeLessThanOrEqual(3); // values, generated columns' formulas, write
    expect(r).toMatchObject({ status: "done", addedRows: { byTask: 1, byStrategy: 0 } });
    expect(fx.tableAddress("SummaryByTask")).toBe("요약!A12:K29");
    const sheet = fx.sheet("요약");
    // The row after 청년 취업 역량 강화 (the strategy's last): names as text, declared cells empty.
    expect([sheet.value("B16"), sheet.value("A17"), sheet.value("B17"), sheet.formula("B17")]).toEqual(["청년 취업 역량 강화", YOUTH_TASK.strategy, YOUTH_TASK.task, YOUTH_TASK.task]);
    expect(["C17", "D17", "E17"].map((c) => sheet.formula(c))).toEqual(["", "", ""]);
    // The generated cells hold the template's formulas for such a row, in its number format.
    expect(["F17", "G17", "H17"].map((c) => canonicalFormula(sheet.formula(c)))).toEqual(templateTaskFormulas(YOUTH_TASK));
    expect([sheet.numberFormat("D17"), sheet.numberFormat("G17")]).toEqual([SUMMARY_FORMAT, SUMMARY_FORMAT]);
    // Everything else is where it was, or moved down one row with the table.
    const after = cells(fx);
    expect(expectMovedOnly(before, after, { 요약: { row: 17, lastCol: "K", count: 1 } })).toEqual(["요약!A17", "요약!B17", "요약!F17", "요약!G17", "요약!H17"]);

    // Nothing to add or change the second time.
    expect(await ops.regenerate()).toEqual({ status: "done", changedCells: 0, addedRows: { byTask: 0, byStrategy: 0 } });

    // Undo removes the row: the workbook is as it was before the regeneration.
    const { fx: fx2, ops: ops2 } = await imported();
    await typeTask(fx2, YOUTH_TASK);
    const original = cells(fx2);
    await ops2.regenerate();
    fx2.resetSyncCount();
    expect(await ops2.undoRegeneration()).toBe(true);
    expect(fx2.syncCount()).toBeLessThanOrEqual(2);
    expect(fx2.tableAddress("SummaryByTask")).toBe("요약!A12:K28");
    expect(cells(fx2)).toEqual(original);
    expect(await ops2.undoRegeneration()).toBe(false);
  });

  test("a new strategy: rows in both summaries, before the totals; undo restores both tables", async () => {
    const { fx, ops } = await imported();
    await typeTask(fx, DIGITAL_TASK);
    fx.sheet("요약").set("B30", "비고: 검토 중"); // a note below the table, in its columns
    fx.sheet("요약").set("M14", "옆 메모"); // and one beside it
    const before = cells(fx);
    const r = await ops.regenerate();
    expect(r).toMatchObject({ status: "done", addedRows: { byTask: 1, byStrategy: 1 } });
    const st = fx.sheet("분야별 목표");
    // 총계 first (row 5), then the five strategies, then the new one.
    expect([st.value("A11"), st.value("A5")]).toEqual([DIGITAL_TASK.strategy, "총계"]);
    expect(["B11", "C11", "D11", "E11", "F11"].map((c) => st.formula(c))).toEqual(["", "", "", "", ""]);
    for (const c of ["G11", "H11", "I11", "J11", "K11", "L11"]) expect(String(st.formula(c))).toMatch(/^=/);
    expect(fx.tableAddress("SummaryByStrategy")).toBe("'분야별 목표'!A4:Q11");
    expect([fx.sheet("요약").value("B29"), fx.sheet("요약").value("A13")]).toEqual([DIGITAL_TASK.task, "합계"]);
    expect([fx.sheet("요약").value("B31"), fx.sheet("요약").value("M14")]).toEqual(["비고: 검토 중", "옆 메모"]);
    const added = expectMovedOnly(before, cells(fx), { 요약: { row: 29, lastCol: "K", count: 1 }, "분야별 목표": { row: 11, lastCol: "Q", count: 1 } });
    expect(added).toEqual(
      ["요약!A29", "요약!B29", "요약!F29", "요약!G29", "요약!H29", ...["A", "G", "H", "I", "J", "K", "L"].map((c) => `분야별 목표!${c}11`)].sort(),
    );
    expect(await ops.undoRegeneration()).toBe(true);
    expect(cells(fx)).toEqual(before);
    expect(fx.tableAddress("SummaryByStrategy")).toBe("'분야별 목표'!A4:Q10");
  });

  test("undo leaves added rows alone once someone moved them", async () => {
    const { fx, ops } = await imported();
    await typeTask(fx, YOUTH_TASK);
    await ops.regenerate();
    fx.sheet("요약").set("B17", "다른 과제"); // the row now holds something else
    const now = cells(fx);
    expect(await ops.undoRegeneration()).toBe(false);
    expect(cells(fx)).toEqual(now);
  });

  test("in the empty template, tasks typed into TaskPlans fill the summaries' blank rows first", async () => {
    const fx = createFakeExcel();
    const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
    await ops.insertTemplate({ planName: "테스트", year: 2021, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" });
    const counted = String(fx.sheet("추진계획").formula("I2"));
    fx.setTableBody("TaskPlans", [
      ["전략 가", "과제 1", 10, 3000, 1000, 1000, 1000, 0, counted],
      ["전략 가", "과제 2", 5, 2000, 1000, 500, 500, 0, counted],
      ["전략 나", "과제 3", 7, 1500, 0, 0, 1500, 0, counted],
    ]);
    const before = cells(fx);
    const r = await ops.regenerate();
    expect(r).toMatchObject({ status: "done", addedRows: { byTask: 3, byStrategy: 2 } });
    // Below the 합계 row, which comes first as in the published tables.
    expect(fx.sheet("요약").values("A13:B16")).toEqual([
      ["합계", ""],
      ["전략 가", "과제 1"],
      ["전략 가", "과제 2"],
      ["전략 나", "과제 3"],
    ]);
    expect(fx.sheet("분야별 목표").values("A5:A7")).toEqual([["총계"], ["전략 가"], ["전략 나"]]);
    expect(await ops.undoRegeneration()).toBe(true);
    expect(cells(fx)).toEqual(before);
  });
});
