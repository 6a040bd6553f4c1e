import { parseNumber } from "../../src/core/amounts";
import { plainInteger } from "../../src/core/cells";
import { readFigure } from "../../src/functions/figures";
import { recogniseHeader } from "../../src/functions/headers";
import { parseTable } from "../../src/functions/table";
import { groupThousands } from "../../src/functions/splitcheck";

test("plainInteger agrees with core's parseNumber on plain integers and declines the rest", () => {
  for (const s of ["0", "7", "1,234", " 43,900 ", "-5", "△1,500", "12345", "1,234,567", "999,999,999,999"]) {
    const n = parseNumber(s);
    expect(n.kind).toBe("number");
    expect(plainInteger(s)).toBe((n as { value: number }).value);
  }
  for (const s of ["", " ", "-", "1,23", "867,5000", "12,", ",123", "1.5", "1,234천원", "１２３", "abc", "1 234"]) {
    expect(plainInteger(s)).toBeUndefined();
  }
});

test("groupThousands", () => {
  expect(groupThousands(0)).toBe("0");
  expect(groupThousands(1234)).toBe("1,234");
  expect(groupThousands(-1234567.25)).toBe("-1,234,567.25");
  expect(groupThousands(999)).toBe("999");
});

test("header spellings: Korean, English, units and 지방비 prefixes", () => {
  expect(recogniseHeader("지방비(시도비)")).toBe("src:province");
  expect(recogniseHeader("지방비 · 시군구비")).toBe("src:municipal");
  expect(recogniseHeader("사업예산(백만원)")).toBe("total");
  expect(recogniseHeader("Job target")).toBe("target");
  expect(recogniseHeader("National")).toBe("src:national");
  expect(recogniseHeader("비고")).toBeUndefined();
});

test("template tables: computed (산출) and status columns of a summary are not read as figures", () => {
  const t = parseTable(
    [
      ["추진전략", "목표 인원(공표)", "합계(공표, 백만원)", "국비(공표, 백만원)", "목표 인원(산출)", "합계(산출, 백만원)", "국비(산출, 백만원)", "상태"],
      ["A", 1, 2, 3, 4, 5, 6, "OK"],
    ],
    { label: "summary", defaultUnit: "백만원", role: "summary" },
  );
  if ("kind" in t && t.kind === "summary") {
    expect(t.cols.fields.target).toBe(1);
    expect(t.cols.fields.total).toBe(2);
    expect(t.cols.sources).toEqual([{ key: "national", col: 3 }]);
    expect(readFigure(t, 1, 2)).toBe(2);
  } else throw new Error("not parsed");
});
