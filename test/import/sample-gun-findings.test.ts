/**
 * The second plan, written for the tests with planted errors (described figure by figure at
 * the top of sample-gun-plan.test.ts): the checks find each of them, and nothing else is an
 * error, with the county's own funding sources (국비 / 도비 / 군비 / 민자).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { checkPlan } from "../../src/core/validate";
import type { Finding } from "../../src/core/findings";
import type { FundingSource } from "../../src/core/model";
import { importPlanText } from "../../src/import";

const GUN_SOURCES: FundingSource[] = [
  { key: "national", label: "국비", labelEn: "National", aliases: ["국비", "국"] },
  { key: "province", label: "도비", labelEn: "Province", aliases: ["도비", "도"] },
  { key: "municipal", label: "군비", labelEn: "County", aliases: ["군비", "군"] },
  { key: "private", label: "민자", labelEn: "Private", aliases: ["민자", "민간"], isPrivate: true },
];

const text = readFileSync(join(__dirname, "../fixtures/sample-gun-2021-plan.txt"), "utf8");
const { plan, findings } = importPlanText(text, { settings: { sources: GUN_SOURCES, roundingMode: "half-up" } });
const all = [...findings, ...checkPlan(plan)];

type Row = [string, string, string, string | undefined, number | null | undefined, number | null | undefined, number | undefined];
const row = (f: Finding): Row => [f.severity, f.code, f.location.path.join(" › "), f.location.field, f.expected, f.actual, f.location.line];

const YOUTH = "청년 일자리 창출";
const SAFETY = "일자리 안전망 강화";

describe("sample 군 plan with planted errors", () => {
  it("finds each planted error where it was planted", () => {
    const rows = all.map(row);
    const expected: Row[] = [
      // 5. `도 27,5000`, likely 27,500.
      ["error", "malformed-number", `${SAFETY} › 신중년 일자리 지원 › 신중년 경력 활용 사업`, "province", 27_500, null, 146],
      // 1. 120,000 vs 60,000 + 30,000 + 20,000: the task (군비 60,000 = 30,000 + 30,000) points
      // at the project's 군비, which is reported once; the task's 군비 roll-up follows from it.
      ["error", "split", `${YOUTH} › 청년 농업 창업 지원 › 청년 귀농 창업 지원사업`, "municipal", 30_000, 20_000, 78],
      ["info", "rollup", `${YOUTH} › 청년 농업 창업 지원`, "municipal", 50_000, 60_000, 96],
      // 2. 100,000 + 40,000 + 50,000 = 190,000 vs 200,000; 도비 47,500 vs 57,500: the same
      // 10,000 in 계 and 도비, one discrepancy reported at 계.
      ["error", "rollup", `${SAFETY} › 신중년 일자리 지원`, "total", 190_000, 200_000, 170],
      ["info", "rollup", `${SAFETY} › 신중년 일자리 지원`, "province", 47_500, 57_500, 172],
      // 3. Summary 110 vs detail 100,000천원.
      ["error", "summary-mismatch", `${YOUTH} › 청년 취업 연계 강화`, "total", 100, 110, 23],
      // 4. 군비 77 vs 77,500천원 -> 78: a 끝수 nudge.
      ["warning", "summary-rounding", SAFETY, "municipal", 78, 77, 54],
      // 6. 은퇴자 사회공헌 활동 is not in the summary list.
      ["error", "project-missing-in-summary", `${SAFETY} › 신중년 일자리 지원 › 은퇴자 사회공헌 활동`, "projects", undefined, undefined, 157],
    ];
    for (const e of expected) expect(rows).toContainEqual(e);
  });

  it("reports nothing else as an error or a warning", () => {
    // Six planted mistakes, one finding each: five errors and the 끝수 warning.
    const serious = all.filter((f) => f.severity !== "info");
    expect(serious.map((f) => f.severity).sort()).toEqual(["error", "error", "error", "error", "error", "warning"]);
    // The summary's own rows miss its totals only because of planted error 3: noted, not doubled.
    expect(all.filter((f) => f.code === "rollup" && f.location.table !== "task-plan").map((f) => f.severity)).toEqual(["info", "info"]);
  });

  it("names the county's sources in messages", () => {
    const provinceRollup = all.find((f) => f.code === "rollup" && f.location.field === "province")!;
    expect(provinceRollup.message.ko).toContain("도비");
    expect(provinceRollup.message.en).toContain("Province");
  });
});
