import { a1, boxA1, columnIndex, columnLetter, parseA1, parseBox, quoteSheet, splitAddress } from "../../src/core/a1";
import { listItems, parseSourceList, SEVERITY_WORDS, stripBullet, totalWord } from "../../src/core/vocabulary";

describe("A1 addresses", () => {
  test("columns both ways, past Z and to the last column", () => {
    for (const [i, s] of [[0, "A"], [25, "Z"], [26, "AA"], [701, "ZZ"], [702, "AAA"], [16383, "XFD"]] as const) {
      expect(columnLetter(i)).toBe(s);
      expect(columnIndex(s)).toBe(i);
      expect(columnIndex(s.toLowerCase())).toBe(i);
    }
    expect(columnIndex("A1")).toBe(-1);
  });

  test("cells and boxes", () => {
    expect(a1(2, 1)).toBe("B3");
    expect(parseA1("$B$3")).toEqual({ row: 2, col: 1 });
    expect(parseA1("B0")).toBeUndefined();
    expect(parseA1("3B")).toBeUndefined();
    expect(parseBox("C4:A1")).toEqual({ top: 0, left: 0, bottom: 3, right: 2 });
    expect(parseBox("XFD1048576")).toEqual({ top: 1048575, left: 16383, bottom: 1048575, right: 16383 });
    expect(parseBox("A1:B2:C3")).toBeUndefined();
    expect(boxA1({ top: 0, left: 0, bottom: 0, right: 0 })).toBe("A1");
    expect(boxA1({ top: 1, left: 1, bottom: 9, right: 3 })).toBe("B2:D10");
  });

  test("sheet names are quoted and unquoted symmetrically", () => {
    const name = "Bob's 요약";
    const { sheet, ref } = splitAddress(`${quoteSheet(name)}!B3:C4`);
    expect(sheet).toBe(name);
    expect(ref).toBe("B3:C4");
    expect(splitAddress("B3")).toEqual({ ref: "B3" });
  });
});

describe("vocabulary", () => {
  test("one word per severity", () => {
    expect(SEVERITY_WORDS.ko).toEqual({ error: "오류", warning: "경고", info: "참고" });
  });

  test("total and subtotal words, whatever the spacing", () => {
    for (const w of ["합계", "합 계", "총계", "계", "Total", "grand total", "【합계】"]) expect(totalWord(w)).toBe("total");
    for (const w of ["소계", "소 계", "Subtotal"]) expect(totalWord(w)).toBe("subtotal");
    for (const w of ["청년 일자리 창출", "계획", "합계 사업", "", 12]) expect(totalWord(w)).toBeUndefined();
  });

  test("list cells: one item per line or per ▷ mark, bullets dropped", () => {
    expect(listItems("▷ 청년 인턴\n- 구직 지원\r\n • 창업  \n\n")).toEqual(["청년 인턴", "구직 지원", "창업"]);
    expect(listItems("▷ 청년 귀농 창업 지원사업 ▷ 청년 스마트팜 교육")).toEqual(["청년 귀농 창업 지원사업", "청년 스마트팜 교육"]);
    expect(stripBullet("1) 청년 인턴")).toBe("청년 인턴");
    expect(stripBullet("2030 청년 인턴")).toBe("2030 청년 인턴");
    expect(listItems(null)).toEqual([]);
  });

  test("one source-list parser: default keys for known labels, positions for the rest", () => {
    const s = parseSourceList("국비,도비,군비,민자,기금");
    expect(s.map((x) => [x.key, x.label, !!x.isPrivate])).toEqual([
      ["national", "국비", false],
      ["province", "도비", false],
      ["municipal", "군비", false],
      ["private", "민자", true],
      ["source5", "기금", false],
    ]);
    expect(s[1].aliases[0]).toBe("도비");
    expect(parseSourceList(["national", "province"]).map((x) => x.label)).toEqual(["국비", "시도비"]);
    expect(parseSourceList("국비, 국비, 민간투자").map((x) => [x.key, !!x.isPrivate])).toEqual([
      ["national", false],
      ["source3", true],
    ]);
    expect(parseSourceList("").map((x) => x.key)).toEqual(["national", "province", "municipal", "private"]);
  });
});
