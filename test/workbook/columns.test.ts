import { defaultSettings } from "../../src/core/model";
import {
  matchHeaders,
  normalizeHeader,
  summaryByStrategyColumns,
  SUMMARY_BY_TASK_COLUMNS,
  TASK_PLAN_COLUMNS,
  taskPlanColumns,
} from "../../src/workbook/columns";

describe("normalizeHeader", () => {
  it("folds spaces, full-width characters, case and unit suffixes", () => {
    expect(normalizeHeader("계 (천원)")).toBe("계");
    expect(normalizeHeader("계（천원）")).toBe("계");
    expect(normalizeHeader("사업예산 (공표, 백만원)")).toBe("사업예산(공표)");
    expect(normalizeHeader("ＴＯＴＡＬ")).toBe("total");
    expect(normalizeHeader("'20년 목표 (인원)")).toBe("목표(인원)");
    expect(normalizeHeader("일자리 목표(명)")).toBe("일자리목표");
    expect(normalizeHeader(null)).toBe("");
  });
});

describe("matchHeaders", () => {
  it("matches Korean headers with units, in any order, and reports extra columns", () => {
    const m = matchHeaders(["비고", "실천과제", " 추진 전략 ", "계(천원)", "국비 (천원)", "일자리 목표"], TASK_PLAN_COLUMNS);
    expect(m.index).toMatchObject({ task: 1, strategy: 2, total: 3, "src:national": 4, target: 5 });
    expect(m.missing).toEqual([]);
    expect(m.extra).toEqual([0]);
  });
  it("matches English headers and aliases case-insensitively", () => {
    const m = matchHeaders(["STRATEGY", "task", "Job target (persons)", "total", "National", "시비", "구비", "민자"], TASK_PLAN_COLUMNS);
    expect(m.index).toMatchObject({ strategy: 0, task: 1, target: 2, total: 3, "src:national": 4, "src:province": 5, "src:municipal": 6, "src:private": 7 });
  });
  it("reports missing required columns", () => {
    const m = matchHeaders(["추진전략", "국비"], TASK_PLAN_COLUMNS);
    expect(m.missing.map((c) => c.key).sort()).toEqual(["target", "task", "total"]);
  });
  it("tells declared from generated summary columns", () => {
    const m = matchHeaders(["추진전략", "실천과제", "일자리 목표", "사업예산 (백만원)", "일자리 목표(산출)", "사업예산(산출, 백만원)"], SUMMARY_BY_TASK_COLUMNS);
    expect(m.index).toMatchObject({ declaredTarget: 2, declaredBudget: 3, target: 4, budget: 5 });
    const s = matchHeaders(["구 분", "합계", "국비", "시비", "군구비", "국비(산출)"], summaryByStrategyColumns());
    expect(s.index).toMatchObject({ strategy: 0, declaredTotal: 1, "declared:src:national": 2, "declared:src:province": 3, "declared:src:municipal": 4, "gen:src:national": 5 });
  });
  it("uses the configured sources (a county: 도비, 군비)", () => {
    const settings = defaultSettings();
    settings.sources[1] = { ...settings.sources[1], label: "도비" };
    settings.sources[2] = { ...settings.sources[2], label: "군비" };
    const cols = taskPlanColumns(settings);
    expect(cols.map((c) => c.header.ko)).toContain("도비(천원)");
    const m = matchHeaders(["추진전략", "실천과제", "일자리 목표", "계", "국비", "도비", "군비"], cols);
    expect(m.index["src:province"]).toBe(5);
    expect(m.index["src:municipal"]).toBe(6);
  });
});
