/**
 * Reading amounts and counts out of cells, with malformed numbers resolved loudly.
 */
import { convertAmount, parseNumber, roundHalfUp, type NumberReading } from "../core/amounts";
import type { Unit } from "../core/model";

/** One cell read as an amount in a target unit. */
export type AmountCell =
  | { kind: "value"; value: number }
  | { kind: "empty" }
  | { kind: "malformed"; raw: string; candidates: number[] }
  | { kind: "imprecise"; raw: string; rounded: number }
  | { kind: "unreadable"; raw: string };

/**
 * Reads `text` as an amount and converts it to `target`. Bare numbers are in `defaultUnit`;
 * `6,678억원` names its own unit. Malformed numbers keep their candidate readings, converted.
 */
export function readAmount(text: string, defaultUnit: Unit, target: Unit): AmountCell {
  return amountFromReading(parseNumber(text), text, defaultUnit, target);
}

export function amountFromReading(n: NumberReading, raw: string, defaultUnit: Unit, target: Unit): AmountCell {
  if (n.kind === "empty") return { kind: "empty" };
  if (n.kind === "malformed") {
    if (n.candidates.length === 0) return { kind: "unreadable", raw: raw.trim() };
    const unit = n.unit ?? defaultUnit;
    const candidates = n.candidates
      .map((c) => convertAmount(c, 0, unit, target))
      .filter((c): c is number => c !== null);
    return { kind: "malformed", raw: n.raw, candidates };
  }
  if (n.suffix && n.suffix !== "명") {
    // `%` or `개` where money is expected is not an amount.
    return { kind: "unreadable", raw: raw.trim() };
  }
  const unit = n.unit ?? defaultUnit;
  const value = convertAmount(n.scaled, n.decimals, unit, target);
  if (value === null) {
    const won = convertAmount(n.scaled, n.decimals, unit, "원");
    const per: Record<Unit, number> = { 원: 1, 천원: 1e3, 백만원: 1e6, 억원: 1e8 };
    const rounded = won === null ? Math.round(n.value) : roundHalfUp(Math.round(won), per[target]);
    return { kind: "imprecise", raw: raw.trim(), rounded };
  }
  return { kind: "value", value };
}

/** A count of persons (`28명`, `6,039`); `-` or empty is null. */
export type CountCell = { kind: "value"; value: number } | { kind: "empty" } | { kind: "malformed"; raw: string; candidates: number[] } | { kind: "unreadable"; raw: string };

export function readCount(text: string): CountCell {
  const n = parseNumber(text);
  if (n.kind === "empty") return { kind: "empty" };
  if (n.kind === "malformed") {
    return n.candidates.length ? { kind: "malformed", raw: n.raw, candidates: n.candidates } : { kind: "unreadable", raw: text.trim() };
  }
  if (n.unit || (n.suffix && n.suffix !== "명" && n.suffix !== "인") || n.decimals > 0) return { kind: "unreadable", raw: text.trim() };
  return { kind: "value", value: n.value };
}

// The rule lives in core so that the workbook reader resolves a malformed cell the same way.
export { likelyValue } from "../core/amounts";

export function sumParts(parts: Record<string, number>): number {
  return Object.values(parts).reduce((a, b) => a + b, 0);
}
