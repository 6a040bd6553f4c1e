/**
 * A short label per finding code, in Korean and English, for the 종류 column of the 검증
 * sheet (the code itself stays in its own narrow column, for reports and searches).
 */
import type { FindingCode } from "../core/findings";
import type { Lang } from "../core/vocabulary";

export const FINDING_LABELS: Record<FindingCode, Record<Lang, string>> = {
  split: { ko: "재원 합계 불일치", en: "Split does not add up" },
  "split-rounding": { ko: "재원 합계 끝수 차이", en: "Split off by rounding" },
  rollup: { ko: "하위 합계 불일치", en: "Parts do not add up" },
  "summary-mismatch": { ko: "요약·세부 불일치", en: "Summary differs from detail" },
  "summary-rounding": { ko: "요약 끝수 차이", en: "Summary off by rounding" },
  "summary-excludes-private": { ko: "요약에서 빠진 민자", en: "Private money left out" },
  derived: { ko: "비율 계산 불일치", en: "Rate does not match" },
  "project-missing-in-summary": { ko: "요약에 없는 세부사업", en: "Project missing in summary" },
  "project-missing-in-detail": { ko: "세부계획에 없는 세부사업", en: "Project missing in detail" },
  "name-differs": { ko: "이름 표기 차이", en: "Name spelled differently" },
  "malformed-number": { ko: "잘못된 숫자", en: "Malformed number" },
  "unit-precision": { ko: "단위 자릿수", en: "Unit precision" },
  approximate: { ko: "어림값", en: "Approximate figure" },
  unreadable: { ko: "읽을 수 없는 내용", en: "Unreadable" },
  "missing-table": { ko: "표 없음", en: "Table missing" },
  "missing-column": { ko: "열 없음", en: "Column missing" },
  "duplicate-name": { ko: "중복된 이름", en: "Duplicate name" },
  "headcount-rollup": { ko: "인원 합계 차이", en: "Head counts differ" },
  unmatched: { ko: "짝이 없는 행", en: "Unmatched row" },
};

/** The label of a code; the code itself for one this table does not know yet. */
export function findingLabel(code: string, lang: Lang): string {
  return (FINDING_LABELS as Record<string, Record<Lang, string>>)[code]?.[lang] ?? code;
}
