/* eslint-disable @typescript-eslint/no-explicit-any -- arguments shaped as Excel passes them */
/**
 * The PLAN.* functions called the way Excel calls them: 2-D arrays with the header row,
 * "" for empty cells, numbers as text, Korean or English headers, extra columns.
 */
import { isExcelError } from "./setup";
import { readSeogu } from "../support/samples";
import { budget, findings, jobTarget, reconcile, splitCheck } from "../../src/functions/functions";
import { importPlanText } from "../../src/import";
import { S1, S2, SUMMARY, TASKS_EN, TASKS_KO } from "./fixture";
import { projectRange, summaryRange, taskPlanRange } from "./ranges";

type M = any[][];
const KO = TASKS_KO as M;
const EN = TASKS_EN as M;

describe("JOBTARGET", () => {
  test.each([
    ["Korean headers", KO],
    ["English headers, merged strategy cells, extra column", EN],
  ])("%s", (_, t) => {
    expect(jobTarget(t, S1)).toBe(176);
    expect(jobTarget(t, S2)).toBe(12688);
    expect(jobTarget(t, S1, "청년 일자리 발굴")).toBe(148);
    expect(jobTarget(t, S1, "청년 취업 역량 강화")).toBe(0); // "-": no target
    expect(jobTarget(t, "*")).toBe(176 + 12688);
  });

  test("names match ignoring spacing; omitted task as null, undefined or \"\"", () => {
    expect(jobTarget(KO, "청년행복 일자리확대")).toBe(176);
    expect(jobTarget(KO, S1, null as any)).toBe(176);
    expect(jobTarget(KO, S1, "")).toBe(176);
    expect(jobTarget(KO, [[S2]] as any)).toBe(12688);
  });

  test("unknown strategy or task: #N/A with a message; bad arguments: #VALUE!", () => {
    const na = jobTarget(KO, "없는 전략");
    expect(isExcelError(na, "#N/A")).toBe(true);
    expect((na as any).message).toContain("없는 전략");
    expect(isExcelError(jobTarget(KO, S1, "없는 과제"), "#N/A")).toBe(true);
    expect(isExcelError(jobTarget(KO, ""), "#VALUE!")).toBe(true);
    expect(isExcelError(jobTarget([["a", "b"], [1, 2]], S1), "#VALUE!")).toBe(true);
    expect(isExcelError(jobTarget("x" as any, S1), "#VALUE!")).toBe(true);
    expect(isExcelError(jobTarget([] as any, S1), "#VALUE!")).toBe(true);
  });

  test("a malformed number in a selected row is #VALUE! naming the cell", () => {
    const bad = KO.map((r) => [...r]);
    bad[2][2] = "14,8";
    const e = jobTarget(bad, S1);
    expect(isExcelError(e, "#VALUE!")).toBe(true);
    expect((e as any).message).toContain("C3");
    expect(jobTarget(bad, S2)).toBe(12688); // other rows are not read
  });

  test("projects table: sums 인원", () => {
    const p = [
      ["추진전략", "실천과제", "세부사업", "인원", "계", "국비"],
      [S1, "청년 일자리 발굴", "A", "10", "1,000", "500"],
      ["", "", "B", 5, "", ""],
      ["", "청년 창업 인프라 조성", "C", "-", 200, ""],
    ];
    expect(jobTarget(p, S1)).toBe(15);
    expect(jobTarget(p, S1, "청년 일자리 발굴")).toBe(15);
    expect(budget(p, S1)).toBe(1200);
  });

  test("title rows above the header, blank and total rows are skipped", () => {
    const t = [["【'20년 추진계획】", "", "", "", "", "", "", ""], ...KO, ["합계", "", "12,864", "59,136,918", "", "", "", ""], ["", "", "", "", "", "", "", ""]];
    expect(jobTarget(t, S1)).toBe(176);
    expect(jobTarget(t, "*")).toBe(12864);
  });
});

describe("BUDGET", () => {
  test.each([
    ["Korean headers", KO],
    ["English headers", EN],
  ])("%s", (_, t) => {
    expect(budget(t, S1)).toBe(632000);
    expect(budget(t, S1, undefined, undefined, "백만원")).toBe(632);
    expect(budget(t, S1, "청년 창업 인프라 조성", "계", "million")).toBe(44); // 43,900 → 44
    expect(budget(t, S1, "", "국비", "백만원")).toBe(108);
    expect(budget(t, S2, "", "시비", "백만원")).toBe(10149); // 10,149,498 half up
    expect(budget(t, S2, "", "시도비")).toBe(10149498);
    expect(budget(t, S2, "", "province", "thousand")).toBe(10149498);
    expect(budget(t, S2, "", "구비", "백만원")).toBe(14473);
    expect(budget(t, S2, "", "군구비", "백만원")).toBe(14473);
    expect(budget(t, S2, "", "국비", "백만원")).toBe(33882);
    expect(budget(t, S2, "", "민자")).toBe(0);
    expect(budget(t, S2, "", "지방비")).toBe(10149498 + 14473128);
    expect(budget(t, S2, undefined, undefined, "백만원")).toBe(58505);
  });

  test("largest-remainder rounding gives the 끝수 조정 share (시비 10,150)", () => {
    expect(budget(KO, S2, "", "시비", "백만원", "끝수조정")).toBe(10150);
    expect(budget(KO, S2, "", "국비", "백만원", "largest-remainder")).toBe(33882);
    expect(budget(KO, S2, "", "", "백만원", "끝수조정")).toBe(58505);
  });

  test("bad source / unit / rounding: #VALUE!; missing source column: #N/A", () => {
    expect(isExcelError(budget(KO, S1, "", "외국비"), "#VALUE!")).toBe(true);
    expect(isExcelError(budget(KO, S1, "", "", "억"), "#VALUE!")).toBe(true);
    expect(isExcelError(budget(KO, S1, "", "", "백만원", "bankers"), "#VALUE!")).toBe(true);
    const noPrivate = KO.map((r) => r.slice(0, 7));
    expect(isExcelError(budget(noPrivate, S1, "", "민자"), "#N/A")).toBe(true);
  });

  test("amount units in the header: a detail in 백만원 is converted", () => {
    const t = [
      ["추진전략", "실천과제", "계(백만원)", "국비(백만원)"],
      [S1, "a", "1.5", "0.5"],
    ];
    expect(budget(t, S1)).toBe(1500);
    expect(budget(t, S1, "", "국비")).toBe(500);
  });
});

describe("SPLITCHECK", () => {
  test("OK or the signed difference total − parts", () => {
    expect(splitCheck("584,320", [[["108,000"]], [["-"]], [[" 476,320 "]], [[""]]])).toBe("OK");
    expect(splitCheck(58505, [[[33882, 10150, 14473]]])).toBe("OK");
    expect(splitCheck(1000, [[[500]], [[400]]])).toBe("차이 +100 (계 − 재원 합)");
    expect(splitCheck("1,000", [[["1,234"]]])).toBe("차이 −234 (계 − 재원 합)");
    expect(splitCheck(10000, [[[8766]]])).toBe("차이 +1,234 (계 − 재원 합)");
    expect(splitCheck("△100", [[[-100]]])).toBe("OK");
    expect(splitCheck(1.5, [[[0.5]], [[1]]])).toBe("OK");
  });

  test("a malformed part is #VALUE!", () => {
    const e = splitCheck("1,000", [[["867,5000"]]]);
    expect(isExcelError(e, "#VALUE!")).toBe(true);
    expect((e as any).message).toContain("867,500");
  });
});

describe("RECONCILE", () => {
  test("one status per summary row, aligned with the range", () => {
    const r = reconcile(SUMMARY as M, KO);
    expect(r).toEqual([["대사 결과 (reconcile)"], ["OK"], ["rounding: 시비 +1"]]);
    expect(reconcile(SUMMARY as M, EN)).toEqual(r);
  });

  test("a real difference is a mismatch with its size; unknown strategy is 'not found'", () => {
    const s = SUMMARY.map((r) => [...r]) as M;
    s[1][3] = 110;
    s[1][1] = 170;
    s.push(["없는 전략", 1, 1, 1, 1, 1], ["", "", "", "", "", ""]);
    const r = reconcile(s, KO) as string[][];
    expect(r[1][0]).toMatch(/^mismatch: /);
    expect(r[1][0]).toContain("일자리 목표 −6");
    expect(r[1][0]).toContain("국비 +2");
    expect(r[3][0]).toMatch(/^not found/);
    expect(r[4][0]).toBe("");
  });

  test("summary by task (요약): rows matched by task, spacing ignored; a strategy row without task is its subtotal", () => {
    const s = [
      ["추진전략", "실천과제", "세부사업내용", "일자리 목표", "사업예산(백만원)"],
      [S1, "청년 창업 인프라 조성", "청년창업 지원", 28, 44],
      ["", "청년 일자리발굴", "", 148, 584],
      ["", "청년 취업 역량 강화", "", "-", 5],
      [S1, "", "", 176, 632],
    ];
    expect(reconcile(s, KO)).toEqual([["대사 결과 (reconcile)"], ["OK"], ["OK"], ["rounding: 사업예산 +1"], ["OK"]]);
  });

  test("summary in 천원 compares exactly", () => {
    const s = [
      ["추진전략", "합계(천원)", "국비", "시비", "군구비"],
      [S2, 58504918, "33,882,292", "10,149,498", 14473128],
    ];
    expect(reconcile(s, KO, "천원")).toEqual([["대사 결과 (reconcile)"], ["OK"]]);
  });

  test("no header row in the summary: #VALUE! in a 1×1 matrix", () => {
    const r = reconcile([[1, 2]], KO) as any[][];
    expect(r.length).toBe(1);
    expect(isExcelError(r[0][0], "#VALUE!")).toBe(true);
  });
});

describe("FINDINGS", () => {
  test("header row + one row per finding: the 시비 끝수 조정 is a warning", () => {
    const r = findings(KO, undefined, SUMMARY as M) as any[][];
    expect(r[0]).toEqual(["심각도", "코드", "위치", "내용", "기대값", "실제값"]);
    const rounding = r.find((row) => row[1] === "summary-rounding");
    expect(rounding).toBeDefined();
    expect(rounding![0]).toBe("경고");
    expect(rounding![2]).toContain(S2);
    expect(rounding![4]).toBe(10149);
    expect(rounding![5]).toBe(10150);
    expect(r.every((row) => row.length === 6)).toBe(true);
  });

  test("English; a clean plan says so", () => {
    const r = findings(KO, undefined, undefined, "en") as any[][];
    expect(r[0][0]).toBe("Severity");
    expect(r).toEqual([["Severity", "Code", "Location", "Message", "Expected", "Actual"], ["", "", "", "no findings", "", ""]]);
  });

  test("a split error in the detail is an error row with expected / actual", () => {
    const t = KO.map((r) => [...r]);
    t[2][4] = "100,000";
    const r = findings(t) as any[][];
    const split = r.find((row) => row[1] === "split");
    expect(split).toBeDefined();
    expect(split![0]).toBe("오류");
    expect(split![2]).toContain("detail!");
  });
});

describe("on the real fixture, through the importer", () => {
  const text = readSeogu();
  const { plan } = importPlanText(text);
  const tasks = taskPlanRange(plan) as M;
  const projects = projectRange(plan) as M;
  const summary = summaryRange(plan) as M;

  test("JOBTARGET and BUDGET agree with the hand-typed table", () => {
    expect(jobTarget(tasks, S1)).toBe(176);
    expect(jobTarget(tasks, S2)).toBe(12688);
    expect(budget(tasks, S2, "", "시비", "백만원")).toBe(10149);
    expect(budget(tasks, S1, "", "", "백만원")).toBe(632);
    for (const s of [S1, S2]) {
      expect(jobTarget(tasks, s)).toBe(jobTarget(KO, s));
      for (const src of ["", "국비", "시비", "구비", "민자"]) expect(budget(tasks, s, "", src)).toBe(budget(KO, s, "", src));
    }
  });

  test("RECONCILE: strategy 1 OK, strategy 2 rounding (시비 +1)", () => {
    const r = reconcile(summary, tasks) as string[][];
    expect(r.length).toBe(summary.length);
    expect(r[1][0]).toBe("OK");
    expect(r[2][0]).toBe("rounding: 시비 +1");
    // Strategy 5's 합계 leaves out 민자 (667,800백만원) as the published summary does: not a mismatch.
    expect(r[5][0]).toBe("OK");
    expect(r[3][0]).toMatch(/^mismatch: 목표 인원 \+5/);
    // Names spelled differently in the summary still find their strategy.
    expect(r.slice(1).some((x) => x[0].startsWith("not found"))).toBe(false);
  });

  test("FINDINGS over task plans, projects and summary lists core's findings", () => {
    const r = findings(tasks, projects, summary) as any[][];
    expect(r[0][1]).toBe("코드");
    const codes = new Set(r.slice(1).map((row) => row[1]));
    expect(codes.has("summary-rounding")).toBe(true);
    expect(r.length).toBeGreaterThan(2);
    // Errors come first.
    const sev = r.slice(1).map((row) => row[0]);
    const firstNonError = sev.findIndex((s) => s !== "오류");
    expect(sev.slice(firstNonError === -1 ? sev.length : firstNonError).includes("오류")).toBe(false);
  });
});
