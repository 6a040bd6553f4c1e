/**
 * Two plans written for the tests, each different from the Seo-gu plan and the 누리군 sample
 * (their .md files say how), with mistakes planted one figure or name at a time and listed in
 * their .mistakes.json. The checker must find each planted mistake as exactly one error at
 * its place, and no other error: one mistake, one error, on plans it was not tuned to.
 *
 * Two places legitimately differ from the list: a roll-up planted in a project's line is
 * found where the projects are added up, at its task's table (the checker cannot know
 * whether the project or the task is wrong); and a duplicated name is a duplicate of the
 * task, whatever the list calls the field.
 */
import type { Finding } from "../../src/core/findings";
import type { FundingSource } from "../../src/core/model";
import { checkPlan } from "../../src/core/validate";
import { importPlanText } from "../../src/import";
import { readFixture } from "../support/samples";

interface Mistake {
  id: number;
  what: string;
  severity: "error" | "warning";
  code: string;
  table: string;
  path: string[];
  field: string;
  line: number;
  expected: number | null;
  actual: number | null;
  unit?: string;
}

const source = (key: string, label: string, labelEn: string, aliases: string[], isPrivate = false): FundingSource => ({ key, label, labelEn, aliases, ...(isPrivate ? { isPrivate } : {}) });

const PLANS: Array<{ file: string; sources: FundingSource[]; errors: number; otherWarnings: Array<[string, string]> }> = [
  {
    // 한빛도 2022: a province, sources 국비/도비/시군비, detail in 백만원, no schedule table.
    file: "sample-do-2022-plan",
    sources: [
      source("national", "국비", "National", ["국비", "국"]),
      source("province", "도비", "Province", ["도비", "도"]),
      source("municipal", "시군비", "City/County", ["시군비", "시군"]),
      source("private", "민자", "Private", ["민자"], true),
    ],
    errors: 15,
    // The plan has no 추진일정: said once, as a warning.
    otherWarnings: [["missing-table", "schedule"]],
  },
  {
    // 하람군 2023: a county in the Seo-gu form, 민자 in 억원 beside 천원.
    file: "sample-gun-2023-plan",
    sources: [
      source("national", "국비", "National", ["국비", "국"]),
      source("province", "도비", "Province", ["도비", "도", "시도비"]),
      source("municipal", "군비", "County", ["군비", "군", "시군구비"]),
      source("private", "민자", "Private", ["민자", "민간"], true),
    ],
    errors: 11,
    otherWarnings: [],
  },
];

/** Whether a finding is the one a planted mistake should give. */
function isFindingOf(f: Finding, m: Mistake): boolean {
  if (f.severity !== m.severity || f.code !== m.code) return false;
  const path = f.location.path.join(" › ");
  if (m.code === "rollup" && m.table === "project") {
    return path === m.path.slice(0, 2).join(" › ") && f.location.field === m.field && f.location.table === "task-plan";
  }
  if (path !== m.path.join(" › ") || f.location.line !== m.line) return false;
  return m.code === "duplicate-name" || f.location.field === m.field;
}

/** A finding's figures in the list's unit (detail findings are in 천원). */
function inUnit(n: number | null | undefined, f: Finding, m: Mistake): number | null | undefined {
  if (n === null || n === undefined || f.unit !== "천원" || m.unit !== "백만원") return n;
  return n / 1000;
}

describe.each(PLANS)("$file: the planted mistakes, each once", ({ file, sources, errors, otherWarnings }) => {
  const mistakes = JSON.parse(readFixture(`${file}.mistakes.json`)) as Mistake[];
  const { plan, findings } = importPlanText(readFixture(`${file}.txt`), { settings: { sources, roundingMode: "half-up" } });
  const all = [...findings, ...checkPlan(plan)];

  it("lists as many errors as it plants", () => {
    expect(mistakes.filter((m) => m.severity === "error")).toHaveLength(errors);
  });

  it("has exactly one error per planted error: the error count equals the planted mistakes", () => {
    expect(all.filter((f) => f.severity === "error")).toHaveLength(errors);
  });

  it.each(mistakes.map((m) => [m.id, m.what, m] as const))("mistake %i (%s) is found once, at its place", (_id, _what, m) => {
    const found = all.filter((f) => isFindingOf(f, m));
    expect(found).toHaveLength(1);
    const f = found[0];
    if (m.code !== "rollup" || m.table !== "project") {
      if (m.expected !== null && f.expected !== undefined) expect(inUnit(f.expected, f, m)).toBe(m.expected);
      if (m.actual !== null && f.actual !== undefined) expect(inUnit(f.actual, f, m)).toBe(m.actual);
    }
  });

  it("warns of nothing but the planted warnings and what the plan lacks", () => {
    const warnings = all.filter((f) => f.severity === "warning").map((f) => mistakes.find((m) => isFindingOf(f, m))?.id ?? `${f.code}:${f.location.table}`);
    const planted = mistakes.filter((m) => m.severity === "warning").map((m) => m.id);
    expect(warnings.sort()).toEqual([...planted, ...otherWarnings.map(([code, table]) => `${code}:${table}`)].sort());
  });

  it("reads every task and project the plan has", () => {
    const tasks = plan.strategies.flatMap((s) => s.tasks);
    expect(tasks.length).toBeGreaterThanOrEqual(10);
    expect(tasks.flatMap((t) => t.projects).length).toBeGreaterThanOrEqual(25);
    // Every task's figures were read from its own section: none is left without a budget.
    expect(tasks.filter((t) => t.budget.total === null)).toEqual([]);
  });
});
