/**
 * The 변경 이력 sheet and the protection option in the add-in, on the Excel double with the
 * Seo-gu 2020 plan: one log row per operation (template, import, regeneration, validation,
 * undo) with its counts and, for a regeneration, the value cells it changed, written in the
 * operation's own write sync; protection flags only when switched on, inputs left unlocked,
 * and later operations unprotecting and protecting again only what jobplan protected.
 */
import * as fs from "fs";
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { createPlanWorkbookOps, type PlanWorkbookOps } from "../../src/excel/adapter";
import { PROTECTED_SETTING } from "../../src/excel/protection";
import { STATE_SHEET } from "../../src/excel/state";
import { checkPlan } from "../../src/core/validate";
import { importPlanText } from "../../src/import";
import { CHANGE_LOG_TABLE, CHANGE_LOG_COLUMNS, formatTime } from "../../src/workbook/change-log";
import { SHEET_NAMES } from "../../src/workbook/template-sheets";
import type { Finding } from "../../src/core/findings";
import { SEOGU_PATH } from "../support/samples";

const TEXT = fs.readFileSync(SEOGU_PATH, "utf8");
const ENV = () => ({ host: "Excel", platform: "test", version: "16", isSetSupported: () => true });
const LOG = SHEET_NAMES.changeLog;

function setup(): { fx: FakeExcel; ops: PlanWorkbookOps; clock: { t: number } } {
  const fx = createFakeExcel();
  const clock = { t: new Date(2026, 11, 1, 9, 0).getTime() };
  const ops = createPlanWorkbookOps(fx.run, {
    lambdaSupported: () => false,
    environment: ENV,
    userName: () => "이주무관",
    now: () => new Date((clock.t += 60_000)),
  });
  return { fx, ops, clock };
}

/** The log's rows as read back: header first. */
function logRows(fx: FakeExcel): unknown[][] {
  const address = fx.tableAddress(CHANGE_LOG_TABLE)!;
  return fx.sheet(LOG).values(address.slice(address.lastIndexOf("!") + 1));
}

const count = (findings: readonly Finding[], s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;

describe("the change log", () => {
  test("gets one row per operation, with its counts, in the operation's write sync", async () => {
    const { fx, ops } = setup();
    await ops.insertTemplate({ planName: "계획", year: 2020, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" });
    fx.resetSyncCount();
    const imported = await ops.importText(TEXT);
    expect(fx.syncCount()).toBeLessThanOrEqual(2);
    const { plan, findings } = importPlanText(TEXT);
    const all = [...findings, ...checkPlan(plan)];
    expect(imported.findings).toEqual(all);

    // A person renames a task in 요약: the regeneration writes the matched name beside it.
    const summary = fx.sheet("요약");
    const renamedAt = Object.entries(summary.snapshot()).find(([, c]) => c.value === "청년 취업 역량 강화")![0];
    summary.set(renamedAt, "청년취업 역량강화");
    fx.resetSyncCount();
    const regenerated = await ops.regenerate();
    expect(regenerated).toMatchObject({ status: "done" });
    expect(fx.syncCount()).toBeLessThanOrEqual(3);
    fx.resetSyncCount();
    const validated = await ops.validate();
    expect(fx.syncCount()).toBeLessThanOrEqual(2);
    fx.resetSyncCount();
    expect(await ops.undoRegeneration()).toBe(true);
    expect(fx.syncCount()).toBeLessThanOrEqual(2);

    const rows = logRows(fx);
    expect(rows[0]).toEqual(CHANGE_LOG_COLUMNS.map((c) => c.header.ko));
    const time = (minute: number) => formatTime(new Date(2026, 11, 1, 9, minute));
    const counts = (f: readonly Finding[]) => [count(f, "error"), count(f, "warning"), count(f, "info")];
    const changed = regenerated.status === "done" ? regenerated.changedCells : -1;
    expect(rows.slice(1).map((r) => r.slice(0, 10))).toEqual([
      [time(1), "서식 만들기", "추가 기능", "이주무관", "", "", "", "", "", ""],
      [time(2), "가져오기", "추가 기능", "이주무관", ...counts(all), "", "", ""],
      [time(3), "요약 재생성", "추가 기능", "이주무관", expect.any(Number), expect.any(Number), expect.any(Number), changed, 0, 1],
      [time(4), "검증", "추가 기능", "이주무관", ...counts(validated), "", "", ""],
      [time(5), "되돌리기", "추가 기능", "이주무관", "", "", "", changed, "", ""],
    ]);
    // The regeneration's value change, old → new, at the matched-name cell beside the renamed task.
    const matchCol = String.fromCharCode(65 + fx.tableHeaders("SummaryByTask").indexOf("기준 실천과제"));
    expect(rows[3][10]).toBe(`요약!${matchCol}${renamedAt.replace(/^[A-Z]+/, "")}: (빈 칸) → 청년 취업 역량 강화`);
    // Appended rows take the table's formats (borders, wrapping of the changes).
    const last = `K${rows.length}`;
    expect(Object.keys(fx.sheet(LOG).cell(last)?.borders ?? {}).sort()).toEqual(["bottom", "left", "right", "top"]);
    expect(fx.sheet(LOG).cell(last)?.wrap).toBe(true);
  });

  test("a workbook without the log (made before it existed) gets the sheet with its first row", async () => {
    const { fx, ops } = setup();
    await ops.importText(TEXT);
    await fx.run(async (context) => {
      context.workbook.worksheets.getItem(LOG).delete();
      await context.sync();
    });
    fx.resetSyncCount();
    await ops.validate();
    expect(fx.syncCount()).toBeLessThanOrEqual(2);
    expect(logRows(fx).slice(1).map((r) => r[1])).toEqual(["검증"]);
    expect(fx.sheetNames()).toContain(LOG);
  });

  test("importing again keeps the log's history", async () => {
    const { fx, ops } = setup();
    await ops.importText(TEXT);
    await ops.validate();
    await ops.importText(TEXT);
    expect(logRows(fx).slice(1).map((r) => r[1])).toEqual(["가져오기", "검증", "가져오기"]);
  });
});

/** Sheets jobplan writes, the state sheet aside. */
function planSheets(fx: FakeExcel): string[] {
  return fx.sheetNames().filter((n) => n !== "Sheet1" && n !== STATE_SHEET);
}

const protects = (fx: FakeExcel) => fx.undoClearingCalls().filter((c) => c.api.startsWith("WorksheetProtection"));

describe("protection of generated cells", () => {
  test("is set only when switched on: every sheet protected, inputs unlocked, generated cells locked", async () => {
    const off = setup();
    await off.ops.importText(TEXT);
    expect(planSheets(off.fx).filter((n) => off.fx.sheet(n).protection.protected)).toEqual([]);
    expect(protects(off.fx)).toEqual([]);

    const { fx, ops } = setup();
    await ops.importText(TEXT, undefined, { protect: true });
    const names = planSheets(fx);
    expect(names.map((n) => [n, fx.sheet(n).protection.protected])).toEqual(names.map((n) => [n, true]));
    expect(fx.sheet("요약").protection.options).toMatchObject({ allowSort: true, allowAutoFilter: true, allowFormatColumns: true, allowFormatRows: true });
    // Protecting clears Excel's undo history: the double records each call.
    expect(protects(fx).map((c) => c.api)).toEqual(names.map(() => "WorksheetProtection.protect"));
    expect(JSON.parse(String(fx.settings()[PROTECTED_SETTING])).sort()).toEqual([...names].sort());
    const tp = fx.sheet("추진계획");
    expect([tp.locked("C2"), tp.locked("E11"), tp.locked("C40"), tp.locked("I2"), tp.locked("A1")]).toEqual([false, false, false, true, true]);
    // A person cannot type over a formula; an input cell takes a value.
    await expect(
      fx.run(async (context) => {
        context.workbook.worksheets.getItem("추진계획").getRange("I2").values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await fx.run(async (context) => {
      context.workbook.worksheets.getItem("추진계획").getRange("C2").values = [[29]];
      await context.sync();
    });
    expect(tp.value("C2")).toBe(29);
  });

  test("regeneration, validation and undo unprotect jobplan's sheets they write and protect them again", async () => {
    const { fx, ops } = setup();
    await ops.importText(TEXT, undefined, { protect: true });
    const summary = fx.sheet("요약");
    const renamedAt = Object.entries(summary.snapshot()).find(([, c]) => c.value === "청년 취업 역량 강화")![0];
    summary.set(renamedAt, "청년취업 역량강화");
    fx.resetCalls();
    fx.resetSyncCount();
    expect(await ops.regenerate()).toMatchObject({ status: "done" });
    expect(fx.syncCount()).toBeLessThanOrEqual(3);
    // 요약 (the matched name) and 변경 이력 (the log row): out and in again, nothing else.
    expect(protects(fx).map((c) => c.api).sort()).toEqual(["WorksheetProtection.protect", "WorksheetProtection.protect", "WorksheetProtection.unprotect", "WorksheetProtection.unprotect"]);
    for (const n of planSheets(fx)) expect([n, fx.sheet(n).protection.protected]).toEqual([n, true]);
    await ops.validate();
    expect(await ops.undoRegeneration()).toBe(true);
    for (const n of planSheets(fx)) expect([n, fx.sheet(n).protection.protected]).toEqual([n, true]);
  });

  test("regeneration with the switch on protects a workbook made without it", async () => {
    const { fx, ops } = setup();
    await ops.importText(TEXT);
    expect(await ops.regenerate({ protect: true })).toMatchObject({ status: "done" });
    expect(["요약", "분야별 목표", "추진계획", "세부사업"].map((n) => fx.sheet(n).protection.protected)).toEqual([true, true, true, true]);
    expect(fx.sheet("추진계획").locked("I2")).toBe(true);
    expect(fx.sheet("추진계획").locked("C2")).toBe(false);
  });

  test("a sheet someone else protected is left alone: the operation says so and changes nothing", async () => {
    const { fx, ops } = setup();
    await ops.importText(TEXT);
    fx.sheet("요약").set("B14", "청년취업 역량강화");
    fx.protectSheet("요약");
    const before = fx.snapshotAll();
    fx.resetCalls();
    await expect(ops.regenerate()).rejects.toMatchObject({ code: "protected-sheet", text: { ko: expect.stringContaining("요약") } });
    await expect(ops.validate()).rejects.toMatchObject({ code: "protected-sheet" });
    expect(fx.snapshotAll()).toEqual(before);
    expect(protects(fx)).toEqual([]);
  });
});
