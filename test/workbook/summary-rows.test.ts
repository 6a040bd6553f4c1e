/**
 * A task (or a strategy) typed into TaskPlans after the workbook was generated gets its
 * summary rows when the summaries are regenerated (`jobplan summarize`): names as text,
 * the generated formulas, empty declared cells; every cell that was there stays, shifted
 * down with its table where a row went in; LibreOffice computes the core's figures; a
 * second run adds nothing. On the published Seo-gu 2020 plan.
 */
import path from "path";
import ExcelJS from "exceljs";
import { summarizePlan } from "../../src/core/summarize";
import type { Plan } from "../../src/core/model";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { renderWorkbook } from "../../src/cli/xlsx-write";
import { summarizeWorkbook } from "../../src/cli/workbook-io";
import { growSummaryTables } from "../../src/cli/grow-tables";
import { workbookTables } from "../../src/cli/xlsx-read";
import { classifyTable, readPlanFromTables, type InputTable } from "../../src/workbook/read-tables";
import { regenerateFormulas } from "../../src/workbook/regenerate";
import { planSummaryRows, rowAfterGrowth, rowBeforeGrowth } from "../../src/workbook/summary-rows";
import { matchHeaders, SUMMARY_FORMAT, summaryByStrategyColumns, summaryByTaskColumns } from "../../src/workbook/columns";
import { cleanupRecalc, recalcWithLibreOffice } from "../../bench/workbook-helpers";
import { fixturePlan, readWorkbook, tempDir } from "./helpers/workbook-files";
import { appendTaskRows, DIGITAL_TASK, fixed, withTasks, YOUTH_TASK, type NewTask } from "./helpers/added-tasks";
import { isGenerated, STRATEGY_FIRST, SUMMARY_FIRST } from "./helpers/layout";

jest.setTimeout(240_000);

/** 1-based rows of 요약: the YOUTH task's new row (after 합계 and three tasks), the DIGITAL one (last). */
const YOUTH_ROW = SUMMARY_FIRST + 4;
const DIGITAL_ROW = SUMMARY_FIRST + 16;

/**
 * Every non-empty cell, "sheet!A1" -> value (and number format), but those of jobplan's own
 * sheets, rebuilt or appended to on each run (검증; 변경 이력, see test/cli/change-log.test.ts).
 */
function snapshot(wb: ExcelJS.Workbook, skipSheets: string[] = ["검증", "변경 이력"]): Map<string, string> {
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    if (skipSheets.includes(ws.name)) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value === null) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify([cell.value, cell.numFmt ?? null]));
      }),
    );
  }
  return out;
}

/** Where a cell is expected after rows went in at `inserts` (sheet -> [first row (1-based), last column letter]). */
function moved(key: string, inserts: Record<string, { row: number; lastCol: string; count: number }>): string {
  const bang = key.lastIndexOf("!");
  const sheet = key.slice(0, bang);
  const m = /^([A-Z]+)(\d+)$/.exec(key.slice(bang + 1))!;
  const ins = inserts[sheet];
  const row = Number(m[2]);
  if (!ins || row < ins.row || m[1].length > ins.lastCol.length || (m[1].length === ins.lastCol.length && m[1] > ins.lastCol)) return key;
  return `${sheet}!${m[1]}${row + ins.count}`;
}

async function generated(tasks: readonly NewTask[], extra?: (wb: ExcelJS.Workbook) => void): Promise<{ file: string; dir: string; plan: Plan }> {
  const plan = fixed(fixturePlan().plan);
  const spec = buildWorkbookSpec(plan, []);
  appendTaskRows(spec, tasks);
  const wb = renderWorkbook(spec);
  extra?.(wb);
  const dir = tempDir();
  const file = path.join(dir, "in.xlsx");
  await wb.xlsx.writeFile(file);
  return { file, dir, plan: withTasks(plan, tasks) };
}

function table(tables: InputTable[], kind: string): InputTable {
  const t = tables.find((x) => classifyTable(x) === kind);
  if (!t) throw new Error(`no ${kind} table`);
  return t;
}

function num(v: unknown): number | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v !== "number") throw new Error(`expected a number, got ${JSON.stringify(v)}`);
  return v;
}

/** Recalculates with LibreOffice and checks every generated figure against the core. */
async function expectCoreFigures(file: string, plan: Plan): Promise<InputTable[]> {
  const out = recalcWithLibreOffice(file);
  let tables: InputTable[];
  try {
    tables = workbookTables(await readWorkbook(out));
  } finally {
    cleanupRecalc(out);
  }
  const expected = summarizePlan(plan, "half-up");
  const bt = table(tables, "summaryByTask");
  const tm = matchHeaders(bt.values[0], summaryByTaskColumns()).index;
  const key = (...xs: Array<number | null>) => JSON.stringify(xs);
  // The 합계 row is the first body row, as in the published table.
  const [totals, ...body] = bt.values.slice(1);
  expect(body.map((r) => key(num(r[tm.target]), num(r[tm.budget]))).sort()).toEqual(expected.byTask.map((r) => key(r.target, r.total)).sort());
  expect([num(totals[tm.target]), num(totals[tm.budget])]).toEqual([expected.total.target, expected.total.total]);
  const bs = table(tables, "summaryByStrategy");
  const sm = matchHeaders(bs.values[0], summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys)).index;
  const keys = expected.sourceKeys;
  const rowOf = (r: unknown[]) => key(num(r[sm.target]), num(r[sm.total]), ...keys.map((k) => num(r[sm["gen:src:" + k]])));
  const [sTotals, ...sBody] = bs.values.slice(1);
  expect(sBody.map(rowOf).sort()).toEqual(expected.byStrategy.map((r) => key(r.target, r.total, ...keys.map((k) => r.parts[k]))).sort());
  expect(rowOf(sTotals)).toEqual(key(expected.total.target, expected.total.total, ...keys.map((k) => expected.total.parts[k])));
  return tables;
}

describe("summary rows for tasks added to TaskPlans", () => {
  it("are planned after the strategy's last row, or before the total for a new strategy", async () => {
    const none = await generated([]);
    expect(planSummaryRows(await readPlanFromFile(none.file)).tables).toEqual([]);

    const youth = planSummaryRows(await readPlanFromFile((await generated([YOUTH_TASK])).file));
    expect(youth.added).toEqual({ byTask: 1, byStrategy: 0 });
    expect(youth.tables.map((g) => [g.kind, g.inserted, g.added])).toEqual([
      // Body index 4: after the 합계 row and the strategy's three tasks.
      ["summaryByTask", [4], [{ index: 4, strategy: YOUTH_TASK.strategy, task: YOUTH_TASK.task }]],
    ]);
    expect(youth.tables[0].cells).toEqual([
      { cell: `A${YOUTH_ROW}`, value: YOUTH_TASK.strategy },
      { cell: `B${YOUTH_ROW}`, value: YOUTH_TASK.task },
    ]);
    // Rows of the table at or below the insertion move down one; other columns stay.
    const r = YOUTH_ROW - 1; // 0-based
    expect([rowAfterGrowth(youth, "요약", r - 1, 0), rowAfterGrowth(youth, "요약", r, 0), rowAfterGrowth(youth, "요약", r, 20)]).toEqual([r - 1, r + 1, r]);
    expect([rowBeforeGrowth(youth, "요약", r, 0), rowBeforeGrowth(youth, "요약", r + 1, 7), rowBeforeGrowth(youth, "요약", r + 13, 1)]).toEqual([undefined, r, r + 12]);

    const digital = planSummaryRows(await readPlanFromFile((await generated([DIGITAL_TASK])).file));
    expect(digital.added).toEqual({ byTask: 1, byStrategy: 1 });
    expect(digital.tables.map((g) => [g.kind, g.inserted])).toEqual([
      ["summaryByTask", [16]],
      ["summaryByStrategy", [6]],
    ]);
  });

  it("the planned read equals the workbook read again after ExcelJS grew it", async () => {
    const { file } = await generated([YOUTH_TASK, DIGITAL_TASK]);
    const wb = await readWorkbook(file);
    const rows = planSummaryRows(readPlanFromTables(workbookTables(wb)));
    growSummaryTables(wb, rows);
    const again = readPlanFromTables(workbookTables(wb));
    expect(regenerateFormulas(again)).toEqual(regenerateFormulas(rows.read));
    expect(planSummaryRows(again).tables).toEqual([]);
  });

  it("summarize adds the task's row: names, formulas LibreOffice computes, empty declared cells, nothing else changed", async () => {
    const { file, dir, plan } = await generated([YOUTH_TASK], (wb) => {
      // Typed by a person: a note below the summary (in its columns) and beside it, another sheet.
      wb.getWorksheet("요약")!.getCell("B30").value = "비고: 2020.3. 검토";
      wb.getWorksheet("요약")!.getCell("M4").value = "옆 메모";
      wb.addWorksheet("메모").getCell("A1").value = "자유 메모";
    });
    const output = path.join(dir, "out.xlsx");
    const result = await summarizeWorkbook(file, output, "ko");
    expect(result.added).toEqual({ byTask: 1, byStrategy: 0 });
    expect(result.addedRows).toEqual([{ table: "summaryByTask", strategy: YOUTH_TASK.strategy, task: YOUTH_TASK.task }]);
    // Nothing is declared for the task yet: the checks still say so, as for a template row
    // the import wrote for a task the published summary lacked.
    expect(result.findings.filter((f) => f.location.path.includes(YOUTH_TASK.task)).map((f) => [f.code, f.message.ko])).toEqual([
      ["unmatched", `세부 추진계획 '${YOUTH_TASK.task}'이 요약표에 없습니다.`],
    ]);

    const before = await readWorkbook(file);
    const after = await readWorkbook(output);
    const ws = after.getWorksheet("요약")!;
    // Names are text; declared cells (D, E) and the project list (C) are empty.
    const y = YOUTH_ROW;
    expect([ws.getCell(`A${y}`).value, ws.getCell(`B${y}`).value]).toEqual([YOUTH_TASK.strategy, YOUTH_TASK.task]);
    expect(["C", "D", "E"].map((c) => ws.getCell(`${c}${y}`).value)).toEqual([null, null, null]);
    for (const c of ["F", "G", "H"]) expect((ws.getCell(`${c}${y}`).value as ExcelJS.CellFormulaValue).formula).toMatch(/^(IF|SUMPRODUCT|ROUND)\(/);
    // The new row's formulas are the column's one formula.
    for (const c of ["F", "G", "H"]) expect(ws.getCell(`${c}${y}`).formula).toBe(ws.getCell(`${c}${y - 1}`).formula);
    expect(ws.getCell(`G${y}`).numFmt).toBe(SUMMARY_FORMAT);
    // The table grew by one row: the 합계 row, 15 tasks, the new one.
    expect(workbookTables(after).find((t) => t.name === "SummaryByTask")!.values.length).toBe(1 + 17);

    // Every cell that was there is there, moved down where the row went in.
    const inserts = { 요약: { row: YOUTH_ROW, lastCol: "K", count: 1 } };
    const generatedCol = isGenerated;
    const sa = snapshot(before);
    const sb = snapshot(after);
    // One comparison of every cell (one expect per cell cost seconds).
    expect([...sa].map(([k]) => [k, generatedCol(k) ? "generated" : sb.get(moved(k, inserts))])).toEqual([...sa].map(([k, v]) => [k, generatedCol(k) ? "generated" : v]));
    expect(sb.get("요약!B31")).toBe(sa.get("요약!B30"));
    expect(sb.get("요약!M4")).toBe(sa.get("요약!M4"));
    const movedThere = new Set([...sa.keys()].map((a) => moved(a, inserts)));
    const added = [...sb.keys()].filter((k) => !movedThere.has(k));
    expect(added.filter((k) => !generatedCol(k)).sort()).toEqual([`요약!A${YOUTH_ROW}`, `요약!B${YOUTH_ROW}`]);

    // LibreOffice: the new row is 12 persons and 151백만원 (150,500천원 half up), no status.
    const tables = await expectCoreFigures(output, plan);
    const bt = table(tables, "summaryByTask");
    const m = matchHeaders(bt.values[0], summaryByTaskColumns()).index;
    const row = bt.values[5];
    expect([row[m.task], row[m.declaredTarget], row[m.declaredBudget], row[m.target], row[m.budget], row[m.status] ?? ""]).toEqual([YOUTH_TASK.task, null, null, 12, 151, ""]);

    // A second run adds nothing and changes nothing.
    const second = path.join(dir, "second.xlsx");
    const again = await summarizeWorkbook(output, second, "ko");
    expect(again.added).toEqual({ byTask: 0, byStrategy: 0 });
    expect(snapshot(await readWorkbook(second))).toEqual(sb);
  });

  it("summarize adds a new strategy's rows to both summaries, before the totals", async () => {
    const { file, dir, plan } = await generated([DIGITAL_TASK]);
    const output = path.join(dir, "out.xlsx");
    const result = await summarizeWorkbook(file, output, "en");
    expect(result.added).toEqual({ byTask: 1, byStrategy: 1 });
    const before = await readWorkbook(file);
    const after = await readWorkbook(output);
    const st = after.getWorksheet("분야별 목표")!;
    // After the 총계 row and the five strategies.
    const s = STRATEGY_FIRST + 6;
    expect(st.getCell(`A${s}`).value).toBe(DIGITAL_TASK.strategy);
    // Declared 목표, 합계 and sources (B..F) are empty.
    expect(["B", "C", "D", "E", "F"].map((c) => st.getCell(`${c}${s}`).value)).toEqual([null, null, null, null, null]);
    expect(st.getCell(`A${STRATEGY_FIRST}`).value).toBe("총계");
    const bt = after.getWorksheet("요약")!;
    expect([bt.getCell(`A${DIGITAL_ROW}`).value, bt.getCell(`B${DIGITAL_ROW}`).value, bt.getCell(`A${SUMMARY_FIRST}`).value]).toEqual([DIGITAL_TASK.strategy, DIGITAL_TASK.task, "합계"]);

    const inserts = { 요약: { row: DIGITAL_ROW, lastCol: "K", count: 1 }, "분야별 목표": { row: s, lastCol: "Q", count: 1 } };
    const generatedCol = isGenerated;
    const sa = snapshot(before);
    const sb = snapshot(after);
    const kept = [...sa].filter(([k]) => !generatedCol(k));
    expect(kept.map(([k]) => [k, sb.get(moved(k, inserts))])).toEqual(kept.map(([k, v]) => [k, v]));

    // 1,234,567천원 less 200,000 private: 1,035백만원; sources 600 / 200 / 235.
    const tables = await expectCoreFigures(output, plan);
    const bs = table(tables, "summaryByStrategy");
    const m = matchHeaders(bs.values[0], summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys)).index;
    const row = bs.values[7];
    expect([row[m.strategy], row[m.target], row[m.total], row[m["gen:src:national"]], row[m["gen:src:province"]], row[m["gen:src:municipal"]]]).toEqual([
      DIGITAL_TASK.strategy,
      30,
      1035,
      600,
      200,
      235,
    ]);

    const second = path.join(dir, "second.xlsx");
    expect((await summarizeWorkbook(output, second, "en")).added).toEqual({ byTask: 0, byStrategy: 0 });
    expect(snapshot(await readWorkbook(second))).toEqual(sb);
  });
});

async function readPlanFromFile(file: string) {
  return readPlanFromTables(workbookTables(await readWorkbook(file)));
}
