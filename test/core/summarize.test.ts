import { summarizePlan } from "../../src/core/summarize";
import { checkPlan } from "../../src/core/validate";
import { defaultSettings, type Plan } from "../../src/core/model";
import { generatePlan } from "../../bench/generate-plan";
import { smallPlan } from "../support/small-plan";

/** Seo-gu 2020 strategy 2, whose 시비 staff nudged from 10,149 to 10,150. */
function nudgePlan(): Plan {
  return {
    name: "nudge",
    settings: defaultSettings(),
    strategies: [
      {
        name: "계층별 맞춤형",
        tasks: [
          {
            name: "전체",
            target: 12_688,
            budget: { total: 58_504_918, parts: { national: 33_882_292, province: 10_149_498, municipal: 14_473_128 } },
            projects: [],
          },
        ],
      },
    ],
    summary: { sourceKeys: ["national", "province", "municipal"] },
    commonTargets: [],
    schedule: [],
  };
}

describe("summarizePlan", () => {
  it("half-up rounds each figure on its own, so a row may not add up", () => {
    const s = summarizePlan(nudgePlan(), "half-up");
    expect(s.byStrategy[0]).toMatchObject({ target: 12_688, total: 58_505, parts: { national: 33_882, province: 10_149, municipal: 14_473 } });
    expect(s.byStrategy[0].parts.national + s.byStrategy[0].parts.province + s.byStrategy[0].parts.municipal).toBe(58_504);
  });

  it("largest-remainder nudges a part so that the row adds up, as staff do", () => {
    const s = summarizePlan(nudgePlan(), "largest-remainder");
    expect(s.byStrategy[0]).toMatchObject({ total: 58_505, parts: { national: 33_882, province: 10_150, municipal: 14_473 } });
  });

  it("leaves sources without a summary column out of the totals", () => {
    const s = summarizePlan(smallPlan(), "half-up");
    expect(s.sourceKeys).toEqual(["national", "province", "municipal"]);
    expect(s.byTask.map((r) => [r.task, r.target, r.total])).toEqual([
      ["청년 창업", 28, 44],
      ["청년 인턴", 148, 584],
      ["기업 유치", 2_500, 5],
    ]);
    expect(s.byStrategy.map((r) => r.total)).toEqual([628, 5]);
    expect(s.total).toMatchObject({ target: 2_676, total: 633, parts: { national: 111, province: 0, municipal: 522 } });
  });

  it("every largest-remainder row adds up on generated plans of any amounts", () => {
    for (const seed of [1, 2, 3]) {
      const s = summarizePlan(generatePlan({ projects: 500, seed }), "largest-remainder");
      for (const row of [...s.byTask, ...s.byStrategy, s.total]) {
        expect(Object.values(row.parts).reduce((a, b) => a + b, 0)).toBe(row.total);
      }
    }
  });

  it("a plan whose summary is the generated one checks clean (no errors)", () => {
    const plan = generatePlan({ projects: 400, seed: 9 });
    expect(checkPlan(plan).filter((f) => f.severity === "error")).toEqual([]);
  });
});
