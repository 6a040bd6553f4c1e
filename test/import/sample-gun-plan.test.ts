/**
 * A small plan written for the tests: test/fixtures/sample-gun-2021-plan.txt, 가람도 누리군
 * (fictional), 2021. A 군 under a 도, so the sources are 국비 / 도비 / 군비 / 민자. Two
 * strategies, four tasks, eight projects. Detail figures in 천원, summary figures in 백만원.
 *
 * PLANTED ERRORS (for the checks to find; this file only asserts the import side):
 *
 * 1. Project split does not add up (code "split", error).
 *    청년 일자리 창출 › 청년 농업 창업 지원 › 청년 귀농 창업 지원사업, line 78:
 *    `120,000천원(국 60,000, 도 30,000, 군 20,000)`: expected total 120,000 = actual sum of
 *    parts 110,000 (off by 10,000). The task table (lines 93-96) implies 군 30,000, so a
 *    per-source rollup of that task also shows 군비 50,000 (projects) vs 60,000 (task).
 *
 * 2. Task whose projects do not add up to it (code "rollup", error).
 *    일자리 안전망 강화 › 신중년 일자리 지원, plan table line 170: 계 200,000천원; its three
 *    projects total 100,000 + 40,000 + 50,000 = 190,000 (off by 10,000). By source: 도비
 *    57,500 (task, line 172) vs 27,500 + 20,000 = 47,500 (projects); 국비 75,000, 군비 57,500
 *    and 민자 10,000 agree.
 *
 * 3. Summary figure off by a real amount (code "summary-mismatch", error).
 *    Summary by task, line 23, 청년 취업 연계 강화: 110 백만원; the detail task table (line
 *    127) says 100,000천원 = 100 백만원 (off by 10). The summary's 합 계 row (line 21) says
 *    501, which equals the detail, so the summary's own rows (150+110+190+61 = 511) also
 *    fail to add up to its total 501.
 *
 * 4. Summary figure off by 1 from rounding (code "summary-rounding", warning, not error).
 *    Summary by strategy, line 54, 일자리 안전망 강화 군비: 77 백만원. Detail 군비 of the
 *    strategy (excluding 민자): 57,500 + 20,000 = 77,500천원 → 78 half up. The row was nudged
 *    (끝수 조정) so it adds up: 116 + 58 + 77 = 251 = 합계 (250,500천원 → 251); unnudged parts
 *    would give 116 + 58 + 78 = 252.
 *
 * 5. Malformed number (code "malformed-number", error, raised by the importer).
 *    일자리 안전망 강화 › 신중년 일자리 지원 › 신중년 경력 활용 사업, line 146:
 *    `도 27,5000`; likely 27,500 (100,000 = 50,000 + 27,500 + 22,500), read into the model.
 *
 * 6. Project missing from the summary list (code "project-missing-in-summary").
 *    일자리 안전망 강화 › 신중년 일자리 지원 › 은퇴자 사회공헌 활동 (line 157) is in the
 *    detail but not in the summary by task's list (line 26) nor in Ⅲ's list (line 61).
 *
 * Everything else agrees: every other split adds up, the other tasks equal their projects,
 * strategies and plan totals agree after half-up rounding (총 계 501 / 218 / 109 / 174),
 * 달성률 and 증감률 match their inputs, and the summary leaves 민자 out (10,000천원 in
 * 신중년 일자리 지원, line 174), which the checks should treat as "summary-excludes-private"
 * at most (summary row 190 = 200,000 - 10,000 민자).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { importPlanText } from "../../src/import";
import type { Budget, FundingSource, PlanSettings } from "../../src/core/model";

const text = readFileSync(join(__dirname, "../fixtures/sample-gun-2021-plan.txt"), "utf8");

const GUN_SOURCES: FundingSource[] = [
  { key: "national", label: "국비", labelEn: "National", aliases: ["국비", "국"] },
  { key: "province", label: "도비", labelEn: "Province", aliases: ["도비", "도"] },
  { key: "municipal", label: "군비", labelEn: "County", aliases: ["군비", "군"] },
  { key: "private", label: "민자", labelEn: "Private", aliases: ["민자", "민간"], isPrivate: true },
];
const settings: PlanSettings = { sources: GUN_SOURCES, roundingMode: "half-up" };

function plain(b: Budget | undefined) {
  return b ? { total: b.total, parts: b.parts } : undefined;
}

describe.each([
  ["county settings (국비/도비/군비/민자)", settings],
  ["default settings", undefined],
] as const)("sample 군 plan with %s", (_label, s) => {
  const { plan, findings } = importPlanText(text, s ? { settings: s } : {});

  test("title, region, year", () => {
    expect(plan).toMatchObject({ name: "2021년도 일자리대책 연차별 세부계획", region: "가람도 누리군", year: 2021 });
    if (s) expect(plan.settings).toBe(s);
  });

  test("structure: 2 strategies, 4 tasks, 8 projects", () => {
    expect(plan.strategies.map((x) => [x.name, x.tasks.map((t) => [t.name, t.projects.map((p) => p.name)])])).toEqual([
      [
        "청년 일자리 창출",
        [
          ["청년 농업 창업 지원", ["청년 귀농 창업 지원사업", "청년 스마트팜 교육"]],
          ["청년 취업 연계 강화", ["청년 인턴 지원사업", "청년 구직활동 지원"]],
        ],
      ],
      [
        "일자리 안전망 강화",
        [
          ["신중년 일자리 지원", ["신중년 경력 활용 사업", "신중년 재취업 교육", "은퇴자 사회공헌 활동"]],
          ["취약계층 공공일자리", ["공공근로사업"]],
        ],
      ],
    ]);
  });

  test("task plan tables (천원), full-width ４０명 read as 40", () => {
    const tasks = plan.strategies.flatMap((x) => x.tasks);
    expect(tasks.map((t) => [t.target, plain(t.budget)])).toEqual([
      [12, { total: 150_000, parts: { national: 60_000, province: 30_000, municipal: 60_000 } }],
      [40, { total: 100_000, parts: { national: 42_250, province: 21_125, municipal: 36_625 } }],
      [30, { total: 200_000, parts: { national: 75_000, province: 57_500, municipal: 57_500, private: 10_000 } }],
      [120, { total: 60_500, parts: { national: 40_500, municipal: 20_000 } }],
    ]);
  });

  test("project budgets as written, malformed 도 27,5000 read as 27,500", () => {
    const projects = plan.strategies.flatMap((x) => x.tasks.flatMap((t) => t.projects));
    expect(projects.map((p) => [p.name, plain(p.budget), p.headcount])).toEqual([
      ["청년 귀농 창업 지원사업", { total: 120_000, parts: { national: 60_000, province: 30_000, municipal: 20_000 } }, 10],
      ["청년 스마트팜 교육", { total: 30_000, parts: { municipal: 30_000 } }, undefined],
      ["청년 인턴 지원사업", { total: 84_500, parts: { national: 42_250, province: 21_125, municipal: 21_125 } }, 30],
      ["청년 구직활동 지원", { total: 15_500, parts: { municipal: 15_500 } }, undefined],
      ["신중년 경력 활용 사업", { total: 100_000, parts: { national: 50_000, province: 27_500, municipal: 22_500 } }, 25],
      ["신중년 재취업 교육", { total: 40_000, parts: { province: 20_000, municipal: 10_000, private: 10_000 } }, 20],
      ["은퇴자 사회공헌 활동", { total: 50_000, parts: { national: 25_000, municipal: 25_000 } }, undefined],
      ["공공근로사업", { total: 60_500, parts: { national: 40_500, municipal: 20_000 } }, 120],
    ]);
  });

  test("summary by task (백만원) with the page-break header skipped", () => {
    const t = plan.summary.byTask!;
    expect(t.rows.map((r) => [r.strategy, r.task, r.target, r.budget, r.projects])).toEqual([
      ["청년 일자리 창출", "청년 농업 창업 지원", 12, 150, ["청년 귀농 창업 지원사업", "청년 스마트팜 교육"]],
      ["청년 일자리 창출", "청년 취업 연계 강화", 40, 110, ["청년 인턴 지원사업", "청년 구직활동 지원"]],
      ["일자리 안전망 강화", "신중년 일자리 지원", 30, 190, ["신중년 경력 활용 사업", "신중년 재취업 교육"]],
      ["일자리 안전망 강화", "취약계층 공공일자리", 120, 61, ["공공근로사업"]],
    ]);
    expect(t.total).toMatchObject({ target: 202, budget: { total: 501 } });
  });

  test("summary by strategy, plan budget, headline, common targets", () => {
    const s = plan.summary.byStrategy!;
    expect(s.rows.map((r) => [r.strategy, r.target, plain(r.budget)])).toEqual([
      ["청년 일자리 창출", 52, { total: 250, parts: { national: 102, province: 51, municipal: 97 } }],
      ["일자리 안전망 강화", 150, { total: 251, parts: { national: 116, province: 58, municipal: 77 } }],
    ]);
    expect(plain(s.total?.budget)).toEqual({ total: 501, parts: { national: 218, province: 109, municipal: 174 } });
    expect(s.total?.target).toBe(202);
    expect(plain(plan.summary.planBudget)).toEqual({ total: 501, parts: { national: 218, province: 109, municipal: 174 } });
    expect(plan.summary.sourceKeys).toEqual(["national", "province", "municipal"]);
    expect(plan.headline).toMatchObject({
      insuredTarget: { value: 8_600, decimals: 0 },
      employmentRateTarget: { value: 41.5, decimals: 1 },
    });
    expect(plan.commonTargets).toMatchObject([
      {
        name: "취업률",
        unit: "%",
        lastTarget: { value: 40, decimals: 1 },
        lastResult: { value: 41.2, decimals: 1 },
        achievementRate: { value: 103, decimals: 1 },
        target: { value: 41.5, decimals: 1 },
        changeRate: { value: 0.3, decimals: 1 },
      },
      {
        name: "고용보험 피보험자수",
        unit: "명",
        lastTarget: { value: 8_200, decimals: 0 },
        lastResult: { value: 8_364, decimals: 0 },
        achievementRate: { value: 102, decimals: 1 },
        target: { value: 8_600, decimals: 0 },
        changeRate: { value: 2.8, decimals: 1 },
      },
    ]);
  });

  test("schedule levels", () => {
    expect(plan.schedule.map((r) => `${r.level[0]} ${r.name}`)).toEqual([
      "s 청년 일자리 창출",
      "t 청년 농업 창업 지원",
      "p 청년 귀농 창업 지원사업",
      "p 청년 스마트팜 교육",
      "t 청년 취업 연계 강화",
      "p 청년 인턴 지원사업",
      "p 청년 구직활동 지원",
      "s 일자리 안전망 강화",
      "t 신중년 일자리 지원",
      "p 신중년 경력 활용 사업",
      "p 신중년 재취업 교육",
      "p 은퇴자 사회공헌 활동",
      "t 취약계층 공공일자리",
      "p 공공근로사업",
    ]);
  });

  test("the only importer finding is the planted malformed number", () => {
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "malformed-number",
      severity: "error",
      location: {
        line: 146,
        path: ["일자리 안전망 강화", "신중년 일자리 지원", "신중년 경력 활용 사업"],
        field: "province",
        table: "project",
      },
      expected: 27_500,
      actual: null,
    });
  });
});
