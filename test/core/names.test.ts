import fc from "fast-check";
import { compareNames, matchNames, nameKey } from "../../src/core/names";

describe("names", () => {
  it("ignores spacing, punctuation, bold marks and notes in parentheses", () => {
    expect(nameKey("**청년 취업 역량 강화**")).toBe(nameKey("청년 취업역량 강화"));
    expect(compareNames("인천 서북부 여성 경제독립 프로젝트(서구·계양구·부평구 공동사업)", "인천 서북부 여성경제독립프로젝트")).toBe("same");
    expect(compareNames("I-FOOD PARK 식품전문단지 조성", "I-Food Park 식품전문단지 조성")).toBe("same");
  });

  it("tells variants (typo, prefix) from different items", () => {
    expect(compareNames("고용문화개선 및 노동권의 증진사업", "고용문화개선 및 노동권익 증진사업")).toBe("variant");
    expect(compareNames("기술경쟁력 강화 지원", "중소기업 기술경쟁력 강화 지원사업")).toBe("variant");
    expect(compareNames("장애인 근로사업장 운영", "자활근로사업")).toBe("none");
    expect(compareNames("결혼이민자 외국어 강사파견", "결혼이민자 일자리 지원사업")).toBe("none");
  });

  it("pairs exact names first, then the closest variant", () => {
    expect(matchNames(["가 사업", "나 운영", "다"], ["나운영", "가사업"])).toEqual([1, 0, undefined]);
  });

  it("keys plain names (Hangul, letters, digits, spaces) as the full rules do", () => {
    // A middle dot sends a name down the regular-expression path, which drops the dot.
    const plainChar = fc.constantFrom(..."청년일자리사업 ABCxyz0189 ");
    fc.assert(
      fc.property(fc.array(plainChar, { maxLength: 24 }), (chars) => {
        const name = chars.join("");
        expect(nameKey(name)).toBe(nameKey(name + "·"));
      }),
    );
    expect(nameKey("추진전략 3")).toBe("추진전략3");
    expect(nameKey("I FOOD Park")).toBe("ifoodpark");
  });
});
