/** One reading of a cell, whatever surface it comes from. */
import { likelyValue } from "../../src/core/amounts";
import { figureOf, readCell, type CellRule } from "../../src/core/cells";

const THOUSAND: CellRule = { kind: "amount", unit: "천원" };
const MILLION: CellRule = { kind: "amount", unit: "백만원" };

describe("readCell", () => {
  test("amounts: units, full-width digits, △, dash and empty", () => {
    expect(readCell("43,900천원", THOUSAND)).toEqual({ kind: "value", value: 43_900, decimals: 0 });
    expect(readCell(" 43,900 ", THOUSAND)).toEqual({ kind: "value", value: 43_900, decimals: 0 });
    expect(readCell("６,６７８억원", THOUSAND)).toEqual({ kind: "value", value: 667_800_000, decimals: 0, ownUnit: "억원" });
    expect(readCell("△1,500", THOUSAND)).toEqual({ kind: "value", value: -1_500, decimals: 0 });
    expect(readCell(1_040, MILLION)).toEqual({ kind: "value", value: 1_040, decimals: 0 });
    expect(readCell("-", THOUSAND)).toEqual({ kind: "none", raw: "-" });
    expect(readCell("―", THOUSAND)).toEqual({ kind: "none", raw: "―" });
    expect(readCell("해당 없음", THOUSAND)).toMatchObject({ kind: "none" });
    expect(readCell("", THOUSAND)).toEqual({ kind: "blank" });
    expect(readCell(null, THOUSAND)).toEqual({ kind: "blank" });
  });

  test("a unit named in the cell wins over the column's, exactly", () => {
    // 100억원 typed in a 백만원 summary cell is 10,000백만원, as in every reader.
    expect(readCell("100억원", MILLION)).toMatchObject({ kind: "value", value: 10_000, ownUnit: "억원" });
    // 324.6 in a 백만원 table held in 천원.
    expect(readCell("324.6", { kind: "amount", unit: "백만원", to: "천원" })).toEqual({ kind: "value", value: 324_600, decimals: 0 });
  });

  test("not a whole number of the unit: rounded, and said so", () => {
    // 43,900원 in a 천원 cell is 43.9천원, not 43,900천원.
    expect(readCell("43,900원", THOUSAND)).toEqual({ kind: "imprecise", raw: "43,900원", rounded: 44, unit: "천원" });
    expect(readCell("1,500원", THOUSAND)).toMatchObject({ kind: "imprecise", rounded: 2 });
    expect(readCell(43.9, THOUSAND)).toMatchObject({ kind: "imprecise", rounded: 44 });
  });

  test("malformed groupings keep their readings, in the figure's unit", () => {
    expect(readCell("867,5000천원", THOUSAND)).toEqual({ kind: "malformed", raw: "867,5000천원", candidates: [867_500, 867_000, 8_675_000] });
    expect(readCell("1,2000", { kind: "amount", unit: "백만원", to: "천원" })).toEqual({ kind: "malformed", raw: "1,2000", candidates: [1_200_000, 1_000_000, 12_000_000] });
    expect(readCell("2,8명", { kind: "count" })).toEqual({ kind: "malformed", raw: "2,8명", candidates: [28] });
  });

  test("what cannot be a figure says why", () => {
    const why = (raw: unknown, rule: CellRule = THOUSAND) => {
      const r = readCell(raw, rule);
      return r.kind === "unreadable" ? r.reason : r.kind;
    };
    expect(why("약간")).toBe("text");
    expect(why("#REF!")).toBe("error-value");
    expect(why({ error: "#DIV/0!" })).toBe("error-value");
    expect(why({ formula: "SUM(A1:A3)" })).toBe("no-value");
    expect(why("9,007,199,254,740,993천원")).toBe("too-large");
    expect(why(2 ** 60)).toBe("too-large");
    expect(why("1~2억원")).toBe("range");
    expect(why("44.1%")).toBe("wrong-unit");
    expect(why("5천원", { kind: "count" })).toBe("wrong-unit");
    expect(why("2.5", { kind: "count" })).toBe("fraction");
    expect(why(true)).toBe("text");
  });

  test("counts and measures", () => {
    expect(readCell("6,039명", { kind: "count" })).toEqual({ kind: "value", value: 6_039, decimals: 0 });
    expect(readCell("４０명", { kind: "count" })).toMatchObject({ kind: "value", value: 40 });
    expect(readCell("44.1", { kind: "measure" })).toEqual({ kind: "value", value: 44.1, decimals: 1 });
    expect(readCell("102.0%", { kind: "measure" })).toEqual({ kind: "value", value: 102, decimals: 1 });
    expect(readCell("약 300백만원", MILLION)).toMatchObject({ kind: "value", value: 300, approximate: "약 300백만원" });
  });

  test("the figure a reading stands for", () => {
    expect(figureOf(readCell("1,234", THOUSAND))).toBe(1_234);
    expect(figureOf(readCell("43,900원", THOUSAND))).toBe(44);
    expect(figureOf(readCell("-", THOUSAND))).toBeNull();
    expect(figureOf(readCell("867,5000", THOUSAND))).toBeNull();
  });
});

test("likely value: the candidate that makes the split add up, else the first", () => {
  expect(likelyValue([867_500, 867_000, 8_675_000], "national", 1_200_000, { province: 165_450, municipal: 167_050 })).toBe(867_500);
  expect(likelyValue([867_500, 867_000, 8_675_000], "national", 1_000, { province: 1 })).toBe(867_500);
  expect(likelyValue([867_000, 867_500], "national", 1_200_000, { province: 165_450, municipal: 167_050 })).toBe(867_500);
  expect(likelyValue([10, 20], "total", null, { a: 20 })).toBe(20);
});
