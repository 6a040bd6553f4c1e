/** Korean particles by the final sound of the word before them, numbers read as Sino-Korean. */
import { particle, withParticle } from "../../src/core/particles";

describe("particles", () => {
  test.each([
    ["314", "과/와", "314와"], // 사
    ["867,500천원", "으로/로", "867,500천원으로"], // 원: ㄴ
    ["1,000", "과/와", "1,000과"], // 천
    ["10", "이/가", "10이"], // 십
    ["20", "을/를", "20을"], // 이십
    ["100", "은/는", "100은"], // 백
    ["10,000", "과/와", "10,000과"], // 만
    ["1,000,000,000,000", "과/와", "1,000,000,000,000와"], // 조
    ["0", "이/가", "0이"], // 영
    ["2", "이/가", "2가"], // 이
    ["1", "으로/로", "1로"], // 일: ㄹ takes 로
    ["7", "으로/로", "7로"], // 칠
    ["6", "으로/로", "6으로"], // 육
    ["3", "으로/로", "3으로"], // 삼
    ["1.5", "과/와", "1.5와"], // 오
    ["12.3%", "이/가", "12.3%가"], // 퍼센트
    ["서울", "으로/로", "서울로"], // ㄹ
    ["부산", "으로/로", "부산으로"],
    ["학교", "으로/로", "학교로"],
    ["사과", "을/를", "사과를"],
    ["수박", "을/를", "수박을"],
    ["'과제 1'", "이/가", "'과제 1'이"], // quotes looked through: 일
    ["추진계획!E11", "이/가", "추진계획!E11이"], // 십일
    ["plan.xlsx", "은/는", "plan.xlsx는"], // 엑스
    ["Excel", "이/가", "Excel이"], // 엘
    ["--json", "을/를", "--json을"], // 엔
  ] as const)("%s + %s -> %s", (word, pair, expected) => {
    expect(withParticle(word, pair)).toBe(expected);
  });

  test("no sound to go by: both forms shown", () => {
    expect(particle("", "이/가")).toBe("이(가)");
    expect(particle("…", "으로/로")).toBe("(으)로");
  });
});
