/* eslint-disable @typescript-eslint/no-explicit-any -- arguments shaped as Excel passes them */
/**
 * Calls on equal ranges share one parse (recent.ts): Excel gives every call its own copy of
 * a range, so these tests pass fresh copies, as a recalculation does, and check that a
 * shared result never leaks from one call into another.
 */
import { readSeogu } from "../support/samples";
import { findings, jobTarget, reconcile } from "../../src/functions/functions";
import { findings as findingsLogic } from "../../src/functions/findings";
import { forgetRecentResults, RecentResults, sameCells } from "../../src/functions/recent";
import { parseTable } from "../../src/functions/table";
import { importPlanText } from "../../src/import";
import { projectRange, summaryRange, taskPlanRange } from "./ranges";

type M = any[][];
/** A range as Excel passes it to a call: a new array with the same cells. */
const copy = (m: M): M => JSON.parse(JSON.stringify(m));

const text = readSeogu();
const { plan } = importPlanText(text);
const tasks = taskPlanRange(plan) as M;
const projects = projectRange(plan) as M;
const summary = summaryRange(plan) as M;

beforeEach(() => forgetRecentResults());

describe("sameCells", () => {
  test("equal content in different arrays; any changed, added or removed cell differs", () => {
    expect(sameCells(tasks, copy(tasks))).toBe(true);
    const changed = copy(tasks);
    changed[3][4] = String(changed[3][4]) + "0";
    expect(sameCells(tasks, changed)).toBe(false);
    const asText = copy(projects);
    expect(typeof asText[1][4]).toBe("number");
    asText[1][4] = String(asText[1][4]); // 1234 and "1234" are different cells
    expect(sameCells(projects, asText)).toBe(false);
    expect(sameCells(tasks, tasks.slice(0, -1))).toBe(false);
    expect(sameCells(tasks, [...copy(tasks), ["", ""]])).toBe(false);
    const wider = copy(tasks);
    wider[2] = [...wider[2], ""];
    expect(sameCells(tasks, wider)).toBe(false);
    expect(sameCells("ko", "ko")).toBe(true);
    expect(sameCells(undefined, "")).toBe(false);
  });
});

describe("RecentResults", () => {
  test("finds a result by key and content, keeps the last few", () => {
    const r = new RecentResults<number>(2);
    r.set("a", [tasks], 1);
    expect(r.get("a", [copy(tasks)])).toBe(1);
    expect(r.get("b", [copy(tasks)])).toBeUndefined();
    r.set("a", [projects], 2);
    r.set("a", [summary], 3);
    expect(r.get("a", [copy(tasks)])).toBeUndefined(); // dropped: only two kept
    expect(r.get("a", [copy(summary)])).toBe(3);
  });

  test("a new version of a range (same shape) replaces the old one", () => {
    const r = new RecentResults<string>(4);
    const edited = copy(tasks);
    edited[1][1] = "바뀐 과제";
    r.set("a", [tasks], "before");
    r.set("a", [projects], "projects");
    r.set("a", [edited], "after");
    expect(r.get("a", [copy(tasks)])).toBeUndefined();
    expect(r.get("a", [copy(edited)])).toBe("after");
    expect(r.get("a", [copy(projects)])).toBe("projects");
  });
});

describe("PLAN.* functions on equal ranges", () => {
  test("a range equal to a recent one is parsed once; an edited one is parsed again", () => {
    const first = parseTable(copy(tasks), { label: "detail", defaultUnit: "천원" });
    expect(parseTable(copy(tasks), { label: "detail", defaultUnit: "천원" })).toBe(first);
    const edited = copy(tasks);
    edited[edited.length - 1][1] = "새 과제";
    expect(parseTable(edited, { label: "detail", defaultUnit: "천원" })).not.toBe(first);
    // Other options are another parse.
    expect(parseTable(copy(tasks), { label: "tasks", defaultUnit: "천원" })).not.toBe(first);
  });

  test("results after an edit are those of the edited range, not the cached one", () => {
    const before = jobTarget(copy(tasks), "청년 행복 일자리 확대");
    expect(before).toBe(176);
    const edited = copy(tasks);
    const row = edited.findIndex((r) => r[1] === "청년 일자리 발굴" || r[1] === "청년 일자리발굴");
    expect(row).toBeGreaterThan(0);
    const targetCol = edited[0].findIndex((h: string) => String(h).startsWith("일자리 목표"));
    edited[row][targetCol] = Number(edited[row][targetCol]) + 10;
    expect(jobTarget(edited, "청년 행복 일자리 확대")).toBe(186);
    expect(jobTarget(copy(tasks), "청년 행복 일자리 확대")).toBe(176);
  });

  test("RECONCILE's unit argument does not change the shared summary for later calls", () => {
    const plain = reconcile(copy(summary), copy(tasks));
    const inThousands = reconcile(copy(summary), copy(tasks), "천원") as string[][];
    expect(inThousands).not.toEqual(plain);
    expect(reconcile(copy(summary), copy(tasks))).toEqual(plain);
    forgetRecentResults();
    expect(reconcile(copy(summary), copy(tasks))).toEqual(plain);
  });

  test("FINDINGS: same ranges give the same table; the language and every range are part of the key", () => {
    const ko = findingsLogic(copy(tasks), copy(projects), copy(summary));
    expect(findingsLogic(copy(tasks), copy(projects), copy(summary))).toBe(ko);
    const en = findings(copy(tasks), copy(projects), copy(summary), "en") as M;
    expect(en[0][0]).toBe("Severity");
    const withoutSummary = findings(copy(tasks), copy(projects)) as M;
    expect(withoutSummary.length).toBeLessThan((findings(copy(tasks), copy(projects), copy(summary)) as M).length);
    forgetRecentResults();
    expect(findings(copy(tasks), copy(projects), copy(summary))).toEqual(ko.kind === "ok" ? ko.value : undefined);
  });
});
