/**
 * Where the template puts its tables, for tests that name cells: the first body row (the
 * 합계 row) of 요약 and 분야별 목표, and which cells are generated (formulas and the hidden
 * value columns they read).
 */
import { SUMMARY_ORIGIN, TITLED_ORIGIN } from "../../../src/workbook/template-layout";

/** 1-based sheet row of the 합계 row (the first body row) of 요약. */
export const SUMMARY_FIRST = SUMMARY_ORIGIN.row + 2;
/** 1-based sheet row of the 총계 row (the first body row) of 분야별 목표. */
export const STRATEGY_FIRST = TITLED_ORIGIN.row + 2;

/**
 * Generated cells: body rows of 요약 F..K and 분야별 목표 G..Q (formulas, then the hidden value
 * columns), and 추진계획's 요약 반영액 (I) below its header.
 */
export function isGenerated(key: string): boolean {
  const m = /^(요약|분야별 목표|추진계획)!([A-Z]+)(\d+)$/.exec(key);
  if (!m) return false;
  const [, sheet, col, row] = m;
  if (sheet === "추진계획") return col === "I" && Number(row) > 1;
  if (sheet === "요약") return /^[F-K]$/.test(col) && Number(row) >= SUMMARY_FIRST;
  return /^[G-Q]$/.test(col) && Number(row) >= STRATEGY_FIRST;
}
