/**
 * A small consistent plan typed by hand (two strategies, three tasks, five projects), that
 * tests copy and break one figure at a time.
 */
import { defaultSettings, type Plan } from "../../src/core/model";

export function smallPlan(): Plan {
  return {
    name: "테스트 계획",
    settings: defaultSettings(),
    strategies: [
      {
        name: "청년 일자리",
        tasks: [
          {
            name: "청년 창업",
            target: 28,
            budget: { total: 43_900, parts: { municipal: 43_900 } },
            projects: [
              { name: "창업 공간 조성", budget: { total: 38_000, parts: { municipal: 38_000 } } },
              { name: "창업 아카데미", budget: { total: 5_900, parts: { municipal: 5_900 } } },
            ],
          },
          {
            name: "청년 인턴",
            target: 148,
            budget: { total: 584_320, parts: { national: 108_000, municipal: 476_320 } },
            projects: [
              { name: "로봇 인재 양성", budget: { total: 154_000, parts: { national: 108_000, municipal: 46_000 } } },
              { name: "행정 인턴", budget: { total: 430_320, parts: { municipal: 430_320 } } },
            ],
          },
        ],
      },
      {
        name: "민간 협력",
        tasks: [
          {
            name: "기업 유치",
            target: 2_500,
            budget: { total: 667_804_500, parts: { national: 2_592, municipal: 1_908, private: 667_800_000 } },
            projects: [{ name: "식품단지 조성", budget: { total: 667_804_500, parts: { national: 2_592, municipal: 1_908, private: 667_800_000 } } }],
          },
        ],
      },
    ],
    summary: {
      sourceKeys: ["national", "province", "municipal"],
      byTask: {
        rows: [
          { strategy: "청년 일자리", task: "청년 창업", projects: ["창업 공간 조성", "창업 아카데미"], target: 28, budget: 44 },
          { strategy: "청년 일자리", task: "청년 인턴", projects: ["로봇 인재 양성", "행정 인턴"], target: 148, budget: 584 },
          { strategy: "민간 협력", task: "기업 유치", projects: ["식품단지 조성"], target: 2_500, budget: 5 },
        ],
        total: { target: 2_676, budget: { total: 633, parts: {} } },
      },
      byStrategy: {
        rows: [
          { strategy: "청년 일자리", target: 176, budget: { total: 628, parts: { national: 108, province: 0, municipal: 520 } } },
          { strategy: "민간 협력", target: 2_500, budget: { total: 5, parts: { national: 3, municipal: 2 } } },
        ],
        total: { target: 2_676, budget: { total: 633, parts: { national: 111, province: 0, municipal: 522 } } },
      },
      planBudget: { total: 633, parts: { national: 111, province: 0, municipal: 522 } },
    },
    commonTargets: [
      {
        name: "고용보험 피보험자수",
        unit: "명",
        lastTarget: { value: 116_000, decimals: 0 },
        lastResult: { value: 119_215, decimals: 0 },
        achievementRate: { value: 102.8, decimals: 1 },
        target: { value: 121_000, decimals: 0 },
        changeRate: { value: 1.5, decimals: 1 },
      },
      {
        name: "취업률",
        unit: "%",
        lastTarget: { value: 44.1, decimals: 1 },
        lastResult: { value: 34, decimals: 0 },
        achievementRate: { value: 77.1, decimals: 1 },
        target: { value: 34, decimals: 0 },
        changeRate: null,
      },
    ],
    headline: { insuredTarget: { value: 121_000, decimals: 0 }, employmentRateTarget: { value: 34, decimals: 0 } },
    schedule: [],
  };
}
