/**
 * Protection of generated cells as an option (off by default, no password, inputs
 * unlocked, formulas and jobplan's value columns locked), for a workbook being written and
 * for one read back; and the 변경 이력 sheet: rows for an import, a regeneration (the changed
 * cells listed up to a cap, the rest counted) and an undo, appended with ExcelJS.
 */
import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core";
import { appendChangeLog, applyProtection, renderWorkbook, writeWorkbookFile } from "../../src/cli/xlsx-write";
import { workbookTables } from "../../src/cli/xlsx-read";
import { readPlanFromTables } from "../../src/workbook/read-tables";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { cellChanges, CHANGE_LOG_TABLE, CHANGES_SHOWN, type CellChange, type ChangeLogEntry } from "../../src/workbook/change-log";
import { workbookUnlocks } from "../../src/workbook/protection";
import type { CellValue } from "../../src/workbook/workbook-model";
import { sheetXml } from "./helpers/pdf";
import { SUMMARY_FIRST } from "./helpers/layout";
import { fixturePlan, readWorkbook, tempDir, withoutRefs } from "./helpers/workbook-files";

const locked = (wb: ExcelJS.Workbook, sheet: string, cell: string) => wb.getWorksheet(sheet)!.getCell(cell).protection?.locked !== false;

/** Which sample cells a person can edit: inputs yes; formulas, value columns, titles no. */
function expectInputsOnlyUnlocked(wb: ExcelJS.Workbook): void {
  const cells: Array<[string, string, boolean]> = [
    ["추진계획", "C2", false], // 일자리 목표, typed
    ["추진계획", "E11", false], // 국비 (the malformed text a person fixes)
    ["추진계획", "C40", false], // below the table, where a new task is typed
    ["추진계획", "I2", true], // 요약 반영액, a formula
    ["추진계획", "A1", true], // header
    ["요약", `D${SUMMARY_FIRST + 1}`, false], // 일자리 목표(공표)
    ["요약", `F${SUMMARY_FIRST + 1}`, true], // 일자리 목표(산출)
    ["요약", `I${SUMMARY_FIRST + 1}`, true], // 기준 추진전략 (jobplan's value column)
    ["요약", "A1", true], // title
    ["요약", "B5", true], // the targets block (formulas)
  ];
  expect(cells.map(([s, c]) => [s, c, locked(wb, s, c)])).toEqual(cells);
}

describe("protection of generated cells", () => {
  it("is off by default", async () => {
    const file = path.join(tempDir(), "plain.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(fixturePlan().plan, []), file);
    for (const [name, xml] of await sheetXml(readFileSync(file))) expect([name, xml.includes("<sheetProtection")]).toEqual([name, false]);
  });

  it("when asked for, protects every sheet without a password and leaves only inputs unlocked", async () => {
    const { plan } = fixturePlan();
    const file = path.join(tempDir(), "protected.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, [], { protect: true }), file);
    const xml = await sheetXml(readFileSync(file));
    expect(xml.size).toBe(8);
    for (const [name, sheet] of xml) {
      const tag = /<sheetProtection [^>]*>/.exec(sheet)?.[0] ?? "";
      expect([name, /sheet="1"/.test(tag), /hashValue|password/.test(tag), /autoFilter="0"/.test(tag), /sort="0"/.test(tag)]).toEqual([name, true, false, true, true]);
    }
    const wb = await readWorkbook(file);
    expectInputsOnlyUnlocked(wb);
    // A protected workbook reads as the same plan.
    expect(withoutRefs(readPlanFromTables(workbookTables(wb)).plan)).toEqual(withoutRefs(readPlanFromTables(workbookTables(await readWorkbook(file))).plan));
  });

  it("can be put on a workbook read back (what `--protect` on an existing file does)", async () => {
    const file = path.join(tempDir(), "plain.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(fixturePlan().plan, []), file);
    const wb = await readWorkbook(file);
    const unlocks = workbookUnlocks(readPlanFromTables(workbookTables(wb)));
    expect(unlocks.map((u) => u.sheet).sort()).toEqual(["검증", "공통목표", "분야별 목표", "설정", "세부사업", "요약", "추진계획", "추진일정"]);
    applyProtection(wb, unlocks);
    const out = path.join(tempDir(), "protected.xlsx");
    await wb.xlsx.writeFile(out);
    const back = await readWorkbook(out);
    expectInputsOnlyUnlocked(back);
    expect((back.getWorksheet("요약") as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
  });
});

function change(i: number): CellChange {
  return { sheet: "요약", cell: `F${SUMMARY_FIRST + 1 + i}`, old: i, new: i + 1 };
}

describe("the change log", () => {
  it("diffs two sets of cell values", () => {
    const before = new Map<string, CellValue>([["요약!F14", 28], ["요약!F15", 148], ["요약!H14", "일치"], ["요약!G14", null]]);
    const after = new Map<string, CellValue>([["요약!F14", 28], ["요약!F15", 150], ["요약!H14", "불일치"], ["요약!G14", ""], ["요약!G15", 3]]);
    expect(cellChanges(before, after)).toEqual([
      { sheet: "요약", cell: "F15", old: 148, new: 150 },
      { sheet: "요약", cell: "H14", old: "일치", new: "불일치" },
      { sheet: "요약", cell: "G15", old: null, new: 3 },
    ]);
  });

  it("gets a row for the import, a regeneration and an undo, appended to the file", async () => {
    const { plan, findings } = fixturePlan();
    const all = [...findings, ...checkPlan(plan)];
    const imported: ChangeLogEntry = { time: new Date(2026, 11, 1, 9, 5), operation: "import", tool: "cli", who: "kim", findings: all };
    const file = path.join(tempDir(), "logged.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, all, { changeLog: [imported] }), file);
    const wb = await readWorkbook(file);
    const changes = Array.from({ length: CHANGES_SHOWN + 5 }, (_, i) => change(i));
    appendChangeLog(wb, { time: new Date(2026, 11, 1, 9, 30), operation: "regenerate", tool: "cli", who: "kim", findings: all, written: 120, addedRows: 1, changes });
    appendChangeLog(wb, { time: new Date(2026, 11, 1, 9, 31), operation: "undo", tool: "addin", who: "이주무관" });
    const out = path.join(tempDir(), "logged-2.xlsx");
    await wb.xlsx.writeFile(out);

    const tables = workbookTables(await readWorkbook(out));
    const log = tables.find((t) => t.name === CHANGE_LOG_TABLE)!;
    expect(log.sheet).toBe("변경 이력");
    const errors = all.filter((f) => f.severity === "error").length;
    expect(log.values.map((r) => r.slice(0, 10))).toEqual([
      ["시각", "작업", "도구", "사용자", "오류", "경고", "참고", "쓴 칸", "추가한 행", "값이 바뀐 칸"],
      ["2026-12-01 09:05", "가져오기", "명령줄", "kim", errors, 3, 6, null, null, null],
      ["2026-12-01 09:30", "요약 재생성", "명령줄", "kim", errors, 3, 6, 120, 1, CHANGES_SHOWN + 5],
      ["2026-12-01 09:31", "되돌리기", "추가 기능", "이주무관", null, null, null, null, null, null],
    ]);
    const listed = String(log.values[2][10]).split("\n");
    expect(listed).toHaveLength(CHANGES_SHOWN + 1);
    expect(listed[0]).toBe(`요약!F${SUMMARY_FIRST + 1}: 0 → 1`);
    expect(listed[CHANGES_SHOWN]).toBe("외 5칸");
    // The log is no plan table: the workbook reads as the same plan, with no finding about it.
    const withLog = readPlanFromTables(tables);
    const without = readPlanFromTables(workbookTables(await readWorkbook(await written(plan))));
    expect(withoutRefs(withLog.plan)).toEqual(withoutRefs(without.plan));
    expect(withLog.findings).toEqual(without.findings);
  });

  it("adds the sheet to a workbook that has none, and fills its first row", async () => {
    const wb = renderWorkbook(buildWorkbookSpec(fixturePlan().plan, []));
    expect(wb.getWorksheet("변경 이력")).toBeUndefined();
    const file = path.join(tempDir(), "no-log.xlsx");
    await wb.xlsx.writeFile(file);
    const loaded = await readWorkbook(file);
    appendChangeLog(loaded, { time: new Date(2026, 0, 2, 3, 4), operation: "validate", tool: "cli", who: "" });
    appendChangeLog(loaded, { time: new Date(2026, 0, 2, 3, 5), operation: "regenerate", tool: "cli", changes: [] });
    const out = path.join(tempDir(), "log.xlsx");
    await loaded.xlsx.writeFile(out);
    const log = workbookTables(await readWorkbook(out)).find((t) => t.name === CHANGE_LOG_TABLE)!;
    expect(log.values.slice(1).map((r) => [r[0], r[1], r[3], r[9], r[10]])).toEqual([
      ["2026-01-02 03:04", "검증", null, null, null],
      ["2026-01-02 03:05", "요약 재생성", null, 0, null],
    ]);
  });
});

async function written(plan: ReturnType<typeof fixturePlan>["plan"]): Promise<string> {
  const file = path.join(tempDir(), "plan.xlsx");
  await writeWorkbookFile(buildWorkbookSpec(plan, []), file);
  return file;
}
