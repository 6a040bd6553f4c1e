/**
 * Other spellings of jobplan's column headers than the template's own (columns.ts): the words
 * documents and hand-made workbooks use (`사업예산(백만원)`, `지방비(시도비)`, English), for
 * every reader that recognises a header row: the workbook reader and the custom functions.
 */
import type { FundingSource } from "../core/model";
import { DEFAULT_SOURCES } from "../core/model";
import { unitInHeader } from "../core/vocabulary";

/** Fields a PLAN.* function reads; funding sources are added by key from the settings. */
export type FieldKey = "strategy" | "task" | "project" | "target" | "headcount" | "total" | "projects";

/** Header spellings, compared after {@link foldHeader}. Source columns come from the sources. */
export const FIELD_ALIASES: Record<FieldKey, string[]> = {
  strategy: ["추진전략", "전략", "추진 전략", "분야", "strategy", "strategies", "strategy name"],
  task: ["실천과제", "과제", "실천 과제", "task", "tasks", "task name", "action task"],
  project: ["세부사업", "세부 사업", "사업명", "단위사업", "세부사업명", "project", "projects", "project name"],
  target: [
    "일자리 목표",
    "일자리목표",
    "목표",
    "목표 인원",
    "목표인원",
    "일자리 창출 성과목표",
    "일자리 창출 목표",
    "성과목표",
    "job target",
    "jobs target",
    "target",
    "jobs",
  ],
  headcount: ["인원", "인원수", "참여인원", "참여 인원", "headcount", "head count", "persons", "people"],
  projects: [],
  total: [
    "계",
    "합계",
    "총계",
    "사업비",
    "사업비 계",
    "사업예산",
    "예산",
    "총사업비",
    "total",
    "budget",
    "total budget",
    "sum",
  ],
};

/** Header text folded for matching: NFC, lower case, no spaces or punctuation, no unit suffix. */
export function foldHeader(text: string): string {
  return String(text)
    .normalize("NFC")
    .toLowerCase()
    .replace(/\((?:천원|백만원|억원|원|명|%|persons?|people|thousand(?: won)?|million(?: won)?|krw[^)]*|₩[^)]*)\)/g, "")
    .replace(/[\s·ㆍ.,:：_\-/]+/g, "");
}

/** The money unit a header names: `계(천원)`, `사업예산(백만원)`, `Total (million won)`. */
export const headerUnit = unitInHeader;

function sourceAliases(s: FundingSource): string[] {
  return [s.label, s.key, s.labelEn, `${s.labelEn} funds`, ...s.aliases];
}

/** Header alias index: folded spelling -> field or source key. Built once per source list. */
const indexCache = new WeakMap<readonly FundingSource[], Map<string, string>>();
function aliasIndex(sources: readonly FundingSource[]): Map<string, string> {
  let idx = indexCache.get(sources);
  if (idx) return idx;
  idx = new Map();
  for (const [key, aliases] of Object.entries(FIELD_ALIASES)) for (const a of aliases) idx.set(foldHeader(a), key);
  for (const s of sources) for (const a of sourceAliases(s)) if (!idx.has(foldHeader(a))) idx.set(foldHeader(a), `src:${s.key}`);
  indexCache.set(sources, idx);
  return idx;
}

/** Which field a header cell names: `field`, `src:<key>`, or undefined. */
export function recogniseHeader(text: unknown, sources: readonly FundingSource[] = DEFAULT_SOURCES): string | undefined {
  if (typeof text !== "string" || !text.trim()) return undefined;
  const idx = aliasIndex(sources);
  const folded = foldHeader(text);
  const direct = idx.get(folded);
  if (direct) return direct;
  // `지방비(시도비)`, `지방비 · 시군구비`, `민자(천원)`: try the inner part, then without 지방비.
  const inner = /\(([^)]*)\)/.exec(text);
  if (inner) {
    const hit = idx.get(foldHeader(inner[1]));
    if (hit && hit.startsWith("src:")) return hit;
    const outer = idx.get(foldHeader(text.replace(/\([^)]*\)/g, "")));
    if (outer) return outer;
  }
  if (folded.startsWith("지방비") && folded.length > 3) return idx.get(folded.slice(3));
  return undefined;
}

