/**
 * The words jobplan writes into cells of its own tables in place of codes, and reads back:
 * schedule levels (추진전략 / 실천과제 / 세부사업), rounding modes (반올림 / 끝수 조정) and
 * yes / no (예 / 아니요). The Korean workbook shows Korean only; the codes still read.
 */
import type { RoundingMode, ScheduleRow } from "../core/model";
import type { Lang } from "../core/vocabulary";

type Level = ScheduleRow["level"];

export const LEVEL_WORDS: Record<Lang, Record<Level, string>> = {
  ko: { strategy: "추진전략", task: "실천과제", project: "세부사업" },
  en: { strategy: "strategy", task: "task", project: "project" },
};

export const ROUNDING_WORDS: Record<Lang, Record<RoundingMode, string>> = {
  ko: { "half-up": "반올림", "largest-remainder": "끝수 조정(최대 잔여)" },
  en: { "half-up": "half-up", "largest-remainder": "largest-remainder" },
};

export const YES_NO: Record<Lang, { yes: string; no: string }> = {
  ko: { yes: "예", no: "아니요" },
  en: { yes: "Y", no: "N" },
};

const fold = (text: string) => text.replace(/[\s()（）]/g, "").toLowerCase();

function lookup<K extends string>(words: Record<Lang, Record<K, string>>, text: string | null | undefined): K | undefined {
  if (!text) return undefined;
  const t = fold(text);
  for (const lang of ["ko", "en"] as const) {
    for (const [k, w] of Object.entries(words[lang]) as Array<[K, string]>) {
      if (fold(w) === t || fold(k) === t) return k;
    }
  }
  return undefined;
}

/** A schedule level from its word in either language (or its code); undefined when unknown. */
export function levelOf(text: string | null | undefined): Level | undefined {
  return lookup(LEVEL_WORDS, text);
}

/** A rounding mode from its word (반올림, 끝수 조정, half-up ...); undefined when unknown. */
export function roundingModeOf(text: string | null | undefined): RoundingMode | undefined {
  const exact = lookup(ROUNDING_WORDS, text);
  if (exact) return exact;
  // "끝수 조정" alone (without the parenthesis) is the same mode.
  return text && /끝수\s*조정|최대\s*잔여/.test(text) ? "largest-remainder" : undefined;
}
