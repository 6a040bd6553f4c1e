import {
  convertAmount,
  largestRemainder,
  parseNumber,
  parseSplitText,
  resolveSource,
  roundHalfUp,
  thousandToMillion,
  toThousandWon,
} from "../../src/core/amounts";
import { DEFAULT_SOURCES, type FundingSource } from "../../src/core/model";

function num(text: string) {
  const r = parseNumber(text);
  if (r.kind !== "number") throw new Error(`expected a number for ${text}, got ${JSON.stringify(r)}`);
  return r;
}

describe("parseNumber", () => {
  it.each([
    ["1,234", 1234],
    ["△1,234", -1234],
    ["-1,234", -1234],
    ["１２，３４５", 12345],
    [" 43, 900 ", 43900],
    ["27,833,799", 27833799],
    ["0", 0],
  ])("reads %s", (text, value) => {
    expect(num(text).value).toBe(value);
  });

  it.each(["", "-", " - ", "－", "—", "없음"])("reads %j as none", (text) => {
    expect(parseNumber(text).kind).toBe("empty");
  });

  it("keeps the unit and converts exactly to 천원", () => {
    const eok = num("6,678억원");
    expect(eok.unit).toBe("억원");
    expect(toThousandWon(eok)).toBe(667_800_000);
    expect(toThousandWon(num("100,000천원"))).toBe(100_000);
    expect(toThousandWon(num("63,600백만원"))).toBe(63_600_000);
    expect(toThousandWon(num("1.5억원"))).toBe(150_000);
    expect(toThousandWon(num("2,000원"))).toBe(2);
  });

  it("refuses an amount that is not a whole number of the unit", () => {
    expect(toThousandWon(num("1,500원"))).toBeNull();
    expect(convertAmount(15, 1, "천원", "천원")).toBeNull();
  });

  it("keeps decimals exactly and notes suffixes", () => {
    const r = num("44.1");
    expect([r.scaled, r.decimals]).toEqual([441, 1]);
    expect(num("5,350명").suffix).toBe("명");
    expect(num("77.1%").suffix).toBe("%");
  });

  it("reports a malformed grouping with the readings it may stand for", () => {
    const r = parseNumber("867,5000천원");
    expect(r.kind).toBe("malformed");
    if (r.kind !== "malformed") return;
    expect(r.reason).toBe("digit grouping");
    expect(r.candidates[0]).toBe(867_500);
    expect(r.candidates).toContain(8_675_000);
    expect(r.raw).toBe("867,5000천원");
  });

  it("reports text that is no number", () => {
    const r = parseNumber("약 30");
    expect(r.kind).toBe("malformed");
    expect(parseNumber("12a").kind).toBe("malformed");
    expect(parseNumber(",123").kind).toBe("malformed");
  });

  it("accepts JS numbers from spreadsheet cells", () => {
    expect(num(1234 as unknown as string).value).toBe(1234);
    expect(parseNumber(Number.NaN).kind).toBe("malformed");
  });
});

describe("rounding", () => {
  it("rounds half up as the plans do", () => {
    expect(thousandToMillion(4_500)).toBe(5);
    expect(thousandToMillion(43_900)).toBe(44);
    expect(thousandToMillion(313_790)).toBe(314);
    expect(thousandToMillion(10_149_498)).toBe(10_149);
    expect(thousandToMillion(2_553_503)).toBe(2_554);
    expect(roundHalfUp(-4_500, 1000)).toBe(-5);
    expect(roundHalfUp(-4_499, 1000)).toBe(-4);
  });

  it("largest remainder makes the parts add up to the rounded total", () => {
    // Seo-gu 2020, strategy 2: staff nudged 시비 10,149 -> 10,150 so the row adds up.
    expect(largestRemainder([33_882_292, 10_149_498, 14_473_128], 1000)).toEqual([33_882, 10_150, 14_473]);
    const parts = [1_400, 1_400, 1_400, 1_300];
    const rounded = largestRemainder(parts, 1000);
    expect(rounded.reduce((a, b) => a + b)).toBe(roundHalfUp(5_500, 1000));
    expect(largestRemainder([], 1000)).toEqual([]);
  });
});

describe("funding sources and split text", () => {
  it("resolves aliases to configured sources", () => {
    expect(resolveSource("시비", DEFAULT_SOURCES)?.key).toBe("province");
    expect(resolveSource("군구비", DEFAULT_SOURCES)?.key).toBe("municipal");
    expect(resolveSource("시·도비", DEFAULT_SOURCES)?.key).toBe("province");
    expect(resolveSource("국", DEFAULT_SOURCES)?.key).toBe("national");
    expect(resolveSource("기금", DEFAULT_SOURCES)).toBeUndefined();
  });

  it("reads the split forms of the plan documents", () => {
    expect(parseSplitText("(국 108,000, 구 46,000)", DEFAULT_SOURCES)).toEqual({ parts: { national: 108_000, municipal: 46_000 }, problems: [] });
    expect(parseSplitText("(국8,182,806, 시4,110,902, 구4,110,903)", DEFAULT_SOURCES).parts).toEqual({ national: 8_182_806, province: 4_110_902, municipal: 4_110_903 });
    // A comma is missing between the first two pieces in the real document.
    expect(parseSplitText("(국173,808 시121,704, 구121,704)", DEFAULT_SOURCES).parts).toEqual({ national: 173_808, province: 121_704, municipal: 121_704 });
    expect(parseSplitText("(전액 구비)", DEFAULT_SOURCES)).toEqual({ parts: {}, wholeFrom: "municipal", problems: [] });
    expect(parseSplitText("(전액구비)", DEFAULT_SOURCES).wholeFrom).toBe("municipal");
    expect(parseSplitText("민자 6,678억원", DEFAULT_SOURCES).parts).toEqual({ private: 667_800_000 });
  });

  it("reports pieces it cannot read", () => {
    const r = parseSplitText("(국 867,5000, 기금 100)", DEFAULT_SOURCES);
    expect(r.problems.map((p) => p.reason)).toEqual(["digit grouping", "unknown source"]);
    expect(r.problems[0].candidates?.[0]).toBe(867_500);
  });

  it("uses the configured sources of a county under a province", () => {
    const county: FundingSource[] = [
      { key: "national", label: "국비", labelEn: "National", aliases: ["국"] },
      { key: "do", label: "도비", labelEn: "Province", aliases: ["도"] },
      { key: "gun", label: "군비", labelEn: "County", aliases: ["군"] },
    ];
    expect(parseSplitText("(국 10, 도 20, 군 30)", county).parts).toEqual({ national: 10, do: 20, gun: 30 });
    expect(resolveSource("시비", county)).toBeUndefined();
  });
});
