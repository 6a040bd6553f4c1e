/**
 * Every inconsistency of the published Seo-gu 2020 plan, each confirmed by hand against the
 * document (working shown next to each entry), and nothing else: the complete list.
 */
import { readSeogu } from "../support/samples";
import { checkPlan } from "../../src/core/validate";
import type { Finding } from "../../src/core/findings";
import { importPlanText } from "../../src/import";

const text = readSeogu();
const { plan, findings: importFindings } = importPlanText(text);
const all = [...importFindings, ...checkPlan(plan)];

const S2 = "계층별 맞춤형 일자리 지원 및 발굴";
const S3 = "사회적 경제 활성화 및 일자리 질개선 통한 좋은 일자리 창출";
const S4 = "경쟁력 있는 산업단지 제조업 일자리 창출";
const S5 = "고용 거버넌스 활성화 및 상생협력 일자리 창출";
const VULNERABLE = "취업취약계층 일자리 사업 추진";

type Row = [severity: string, code: string, path: string, field: string | undefined, expected: number | null | undefined, actual: number | null | undefined, line: number | undefined];

function row(f: Finding): Row {
  return [f.severity, f.code, f.location.path.join(" › "), f.location.field, f.expected, f.actual, f.location.line];
}

const CONFIRMED: Row[] = [
  // 사회적 경제조직 육성·지원, 국비 `867,5000천원`: 1,200,000 - 165,450 - 167,050 = 867,500.
  ["error", "malformed-number", `${S3} › 사회적 경제조직 육성·지원`, "national", 867_500, null, 1091],
  // 장애인 근로사업장 운영: 3,082,032천원 (시392,918, 구838,697); 392,918 + 838,697 = 1,231,615.
  ["error", "split", `${S2} › ${VULNERABLE} › 장애인 근로사업장 운영`, "total", 1_231_615, 3_082_032, 890],
  // Projects of 취업취약계층 일자리 사업 추진: 16,404,611 + 2,017,631 + 3,082,032 + 5,475,223
  // + 460,000 + 362,480 = 27,801,977 against the plan table's 27,833,799.
  ["error", "rollup", `${S2} › ${VULNERABLE}`, "total", 27_801_977, 27_833_799, 940],
  // 국: 8,182,806 + 785,956 + 4,845,573 + 181,240 = 13,995,575 vs 14,011,486.
  ["error", "rollup", `${S2} › ${VULNERABLE}`, "national", 13_995_575, 14_011_486, 941],
  // 시: 4,110,902 + 392,978 + 392,918 + 440,755 + 230,000 + 90,620 = 5,658,173 vs 5,599,389.
  ["error", "rollup", `${S2} › ${VULNERABLE}`, "province", 5_658_173, 5_599_389, 942],
  // 구: 4,110,903 + 838,697 + 838,697 + 188,895 + 230,000 + 90,620 = 6,297,812 vs 8,222,924.
  ["error", "rollup", `${S2} › ${VULNERABLE}`, "municipal", 6_297_812, 8_222_924, 943],
  // The summary lists five projects for 여성친화 일자리 발굴; the detail has a sixth.
  ["error", "project-missing-in-summary", `${S2} › 여성친화 일자리 발굴 › 결혼이민자 외국어 강사파견`, "projects", undefined, undefined, 829],
  // ... and 장애인 근로사업장 운영 is not in the summary's list for 취업취약계층.
  ["error", "project-missing-in-summary", `${S2} › ${VULNERABLE} › 장애인 근로사업장 운영`, "projects", undefined, undefined, 886],
  // Summary says 13 persons for 사회적경제 활성화 인프라 구축; its plan table says 8명.
  ["error", "summary-mismatch", `${S3} › 사회적경제 활성화 인프라 구축`, "target", 8, 13, 48],
  // 313,790천원 rounds to 314; the summary says 313.
  ["warning", "summary-rounding", `${S3} › 일자리 질개선 사업 추진`, "total", 314, 313, 50],
  // Strategy 2 시비: 15,000 + 27,200 + 5,599,389 + 4,507,909 = 10,149,498천원 -> 10,149;
  // the summary's 10,150 is the 끝수 nudge that makes 33,882 + 10,150 + 14,473 = 58,505.
  ["warning", "summary-rounding", S2, "province", 10_149, 10_150, 490],
  // Strategy 3 target 85 = 13 + 72 + 0: follows from the 13 above (detail: 80).
  ["info", "summary-mismatch", S3, "target", 80, 85, 491],
  // Strategy 3 합계: 1,039,713 + 1,200,000 + 313,790 = 2,553,503천원 -> 2,554; the summary
  // shows 2,553 = 873 + 165 + 1,515 (parts rounded first).
  ["warning", "summary-rounding", S3, "total", 2_554, 2_553, 491],
  // Plan total target 15,862 in both summaries: follows from the 13 above (detail: 15,857).
  ["info", "summary-mismatch", "", "target", 15_857, 15_862, 37],
  ["info", "summary-mismatch", "", "target", 15_857, 15_862, 488],
  // Notes that are not errors: spelling differences and 민자 outside the summary tables.
  ["info", "name-differs", `${S3} › 일자리 질개선 사업 추진 › 고용문화개선 및 노동권익 증진사업`, "projects", undefined, undefined, 50],
  ["info", "name-differs", `${S4} › 중소기업 육성 지원 › 중소기업 기술경쟁력 강화 지원사업`, "projects", undefined, undefined, 52],
  ["info", "summary-excludes-private", `${S5} › 민간기업 유치 및 상생협력 일자리 창출`, "total", null, 667_800_000, 54],
];

describe("Seo-gu 2020: the complete list of findings", () => {
  it("finds every confirmed inconsistency and nothing else", () => {
    const key = (r: Row) => JSON.stringify(r);
    expect(all.map(row).map(key).sort()).toEqual(CONFIRMED.map(key).sort());
  });

  it("has exactly the errors a reviewer must fix, of every kind", () => {
    const errors = all.filter((f) => f.severity === "error");
    expect(new Set(errors.map((f) => f.code))).toEqual(
      new Set(["malformed-number", "split", "rollup", "project-missing-in-summary", "summary-mismatch"]),
    );
    expect(errors).toHaveLength(9);
  });

  it("says each finding in Korean and English", () => {
    for (const f of all) {
      expect(f.message.ko).toMatch(/[가-힣]/);
      expect(f.message.en).toMatch(/[a-z]/);
    }
    const malformed = all.find((f) => f.code === "malformed-number")!;
    expect(malformed.message.ko).toContain("867,5000");
    expect(malformed.message.ko).toContain("867,500");
  });
});
