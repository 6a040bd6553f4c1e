/**
 * Korean-formatted numbers and amounts, parsed exactly.
 *
 * A number is held as an integer `scaled` with `decimals` digits after the point, so
 * `44.1` is {scaled: 441, decimals: 1}; amounts in a unit are then converted with integer
 * arithmetic only.
 */
import type { FundingSource, Unit } from "./model";
import { sumParts } from "./rollup";

export interface ParsedNumber {
  kind: "number";
  /** The value as a JS number (exact for every integer amount a plan holds). */
  value: number;
  scaled: number;
  decimals: number;
  unit?: Unit;
  /** Other unit-like suffix seen (명, %, %p, 개 ...). */
  suffix?: string;
}

export interface EmptyNumber {
  kind: "empty";
}

export interface MalformedNumber {
  kind: "malformed";
  raw: string;
  reason: string;
  /** Readings a person could have meant, most likely first. */
  candidates: number[];
  unit?: Unit;
}

export type NumberReading = ParsedNumber | EmptyNumber | MalformedNumber;

/** 천원 per unit, or the inverse for 원. */
const THOUSAND_WON_PER_UNIT: Record<Unit, number> = { 원: 0, 천원: 1, 백만원: 1000, 억원: 100000 };

const UNIT_SUFFIXES: Array<[string, Unit]> = [
  ["백만원", "백만원"],
  ["천원", "천원"],
  ["억원", "억원"],
  ["억", "억원"],
  ["원", "원"],
];

const OTHER_SUFFIXES = ["명", "%p", "%", "개", "회", "건", "시간", "팀", "인"];

/** Full-width and look-alike characters folded to ASCII; spaces removed. */
export function normalizeNumberText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else if (ch === "，") out += ",";
    else if (ch === "．") out += ".";
    else if (ch === "％") out += "%";
    else if (ch === "－" || ch === "−" || ch === "–" || ch === "—") out += "-";
    else if (ch === "▲" || ch === "▵") out += "△";
    else if (/\s/u.test(ch) || ch === "\u200b") continue;
    else out += ch;
  }
  return out;
}

const EMPTY_MARKS = new Set(["", "-", "--", "‐", "·", "×", "해당없음", "없음"]);

/**
 * Reads one number as written in a plan: `1,234`, `-` (none), `△1,234` (minus),
 * `6,678억원`, `100,000천원`, `44.1`, `１２３`. A wrong digit grouping such as `867,5000` is
 * reported as malformed with the readings it could stand for; it is never guessed silently.
 */
export function parseNumber(text: string | number | null | undefined): NumberReading {
  if (text === null || text === undefined) return { kind: "empty" };
  if (typeof text === "number") {
    if (!Number.isFinite(text)) return { kind: "malformed", raw: String(text), reason: "not a finite number", candidates: [] };
    const decimals = decimalsOf(text);
    return { kind: "number", value: text, scaled: Math.round(text * 10 ** decimals), decimals };
  }
  let s = normalizeNumberText(text);
  if (EMPTY_MARKS.has(s)) return { kind: "empty" };

  let unit: Unit | undefined;
  let suffix: string | undefined;
  for (const [sfx, u] of UNIT_SUFFIXES) {
    if (s.endsWith(sfx)) {
      unit = u;
      s = s.slice(0, -sfx.length);
      break;
    }
  }
  if (!unit) {
    for (const sfx of OTHER_SUFFIXES) {
      if (s.endsWith(sfx)) {
        suffix = sfx;
        s = s.slice(0, -sfx.length);
        break;
      }
    }
  }
  if (s === "" || s === "-") return unit || suffix ? { kind: "empty" } : { kind: "empty" };

  let negative = false;
  if (s.startsWith("△") || s.startsWith("-")) {
    negative = true;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }

  const m = /^(\d[\d,]*)(?:\.(\d+))?$/.exec(s);
  if (!m) {
    return { kind: "malformed", raw: text.trim(), reason: "not a number", candidates: [], unit };
  }
  const intText = m[1];
  const fracText = m[2] ?? "";
  const groups = intText.split(",");
  const groupingOk =
    groups.length === 1 ||
    (groups[0].length >= 1 &&
      groups[0].length <= 3 &&
      groups.slice(1).every((g) => g.length === 3));
  const digits = groups.join("");
  const sign = negative ? -1 : 1;
  if (!groupingOk) {
    return {
      kind: "malformed",
      raw: text.trim(),
      reason: "digit grouping",
      candidates: groupingCandidates(groups, fracText).map((v) => sign * v),
      unit,
    };
  }
  const decimals = fracText.length;
  const scaled = sign * Number(digits + fracText);
  const result: ParsedNumber = { kind: "number", value: scaled / 10 ** decimals, scaled, decimals };
  if (unit) result.unit = unit;
  if (suffix) result.suffix = suffix;
  return result;
}

/**
 * What a badly grouped number may have meant: one digit too many in a group (`867,5000` for
 * 867,500) or a misplaced separator (8,675,000).
 */
function groupingCandidates(groups: string[], fracText: string): number[] {
  const out: number[] = [];
  const push = (digits: string) => {
    const v = Number(digits + (fracText ? "." + fracText : ""));
    if (Number.isFinite(v) && !out.includes(v)) out.push(v);
  };
  const bad = groups.findIndex((g, i) => (i === 0 ? g.length > 3 || g.length === 0 : g.length !== 3));
  if (bad > 0 && groups[bad].length > 3) {
    const trimmed = [...groups];
    trimmed[bad] = groups[bad].slice(0, 3);
    push(trimmed.join(""));
    const trimmedEnd = [...groups];
    trimmedEnd[bad] = groups[bad].slice(groups[bad].length - 3);
    push(trimmedEnd.join(""));
  }
  push(groups.join(""));
  return out;
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const e = s.indexOf("e-");
  if (e >= 0) return Number(s.slice(e + 2));
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * Converts an exact value from one money unit to another. Returns null when the result is
 * not a whole number of the target unit (e.g. 1,500원 in 천원), so callers can report it.
 */
export function convertAmount(scaled: number, decimals: number, from: Unit, to: Unit): number | null {
  // Work in 원 as integers: 억원 = 10^8 원. Plan amounts stay far below 2^53 원.
  const wonPer: Record<Unit, number> = { 원: 1, 천원: 1e3, 백만원: 1e6, 억원: 1e8 };
  const divisor = 10 ** decimals;
  const wonTimesDivisor = scaled * wonPer[from];
  if (wonTimesDivisor % divisor !== 0) return null;
  const won = wonTimesDivisor / divisor;
  if (won % wonPer[to] !== 0) return null;
  return won / wonPer[to];
}

/** A parsed amount in 천원, or null when it is not a whole number of 천원. */
export function toThousandWon(n: ParsedNumber, defaultUnit: Unit = "천원"): number | null {
  return convertAmount(n.scaled, n.decimals, n.unit ?? defaultUnit, "천원");
}

/** 천원 per unit, for callers that convert whole amounts. 원 has none (use convertAmount). */
export function thousandWonPer(unit: Exclude<Unit, "원">): number {
  return THOUSAND_WON_PER_UNIT[unit];
}

/** Integer division rounded half away from zero: 4,500천원 / 1,000 -> 5. */
export function roundHalfUp(value: number, divisor: number): number {
  const q = Math.floor(Math.abs(value) / divisor);
  const r = Math.abs(value) - q * divisor;
  const rounded = r * 2 >= divisor ? q + 1 : q;
  return value < 0 ? -rounded : rounded;
}

/** 천원 -> 백만원, rounded half up. */
export function thousandToMillion(thousandWon: number): number {
  return roundHalfUp(thousandWon, 1000);
}

/**
 * Rounds parts so that they add up exactly to the half-up rounded total (largest-remainder
 * or Hamilton rounding; the 끝수 조정 staff do by hand). Ties go to the earlier part.
 */
export function largestRemainder(parts: readonly number[], divisor: number): number[] {
  const total = parts.reduce((a, b) => a + b, 0);
  const target = roundHalfUp(total, divisor);
  const floors = parts.map((p) => Math.floor(p / divisor));
  const remainders = parts.map((p, i) => p - floors[i] * divisor);
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = parts.map((_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  const out = [...floors];
  for (let k = 0; missing > 0 && k < order.length; k++, missing--) out[order[k]] += 1;
  // Only reachable with negative parts, whose floors overshoot: take units back.
  for (let k = order.length - 1; missing < 0 && k >= 0; k--, missing++) out[order[k]] -= 1;
  return out;
}

// ---------------------------------------------------------------------------------------
// Funding-source labels and split text such as `(국 108,000, 구 46,000)` or `(전액구비)`.

function foldLabel(label: string): string {
  return normalizeNumberText(label).replace(/[·ㆍ.,:：()]/g, "");
}

/** The source a label such as `시비`, `구 `, `군구비`, `지방비(시도비)` stands for. */
export function resolveSource(label: string, sources: readonly FundingSource[]): FundingSource | undefined {
  const folded = foldLabel(label);
  if (!folded) return undefined;
  for (const s of sources) {
    if (foldLabel(s.label) === folded || s.key === folded) return s;
    if (s.aliases.some((a) => foldLabel(a) === folded)) return s;
  }
  return undefined;
}

export interface SplitText {
  /** Parts by source key, in the unit given to parseSplitText. */
  parts: Record<string, number>;
  /** Set for `(전액구비)`: the whole budget comes from this source. */
  wholeFrom?: string;
  /** Pieces that could not be read, for findings. */
  problems: Array<{ text: string; reason: string; candidates?: number[] }>;
}

/**
 * Reads the split in parentheses after a budget: `국 108,000, 구 46,000`,
 * `국8,182,806, 시4,110,902, 구4,110,903`, `국173,808 시121,704, 구121,704`, `전액 구비`.
 * Amounts are taken in `unit` unless a piece names its own unit.
 */
export function parseSplitText(text: string, sources: readonly FundingSource[], unit: Unit = "천원"): SplitText {
  const inner = text.trim().replace(/^[(（]/, "").replace(/[)）]$/, "");
  const result: SplitText = { parts: {}, problems: [] };
  const compact = normalizeNumberText(inner);
  const whole = /^전액(.+)$/.exec(compact);
  if (whole) {
    const src = resolveSource(whole[1], sources);
    if (src) result.wholeFrom = src.key;
    else result.problems.push({ text: inner, reason: "unknown source" });
    return result;
  }
  // A piece is a label followed by a number; separators are commas or spaces, and a comma
  // may also be missing between pieces, so scan label/number pairs instead of splitting.
  const pieceRe = /([^\d\s,，△△-]+?)\s*(△?[-]?[\d０-９][\d０-９,，.]*\s*(?:백만원|천원|억원|억|원)?)/gu;
  let m: RegExpExecArray | null;
  let consumed = "";
  while ((m = pieceRe.exec(inner)) !== null) {
    consumed += m[0];
    const label = m[1].replace(/^[,，\s]+/, "");
    let numText = m[2].trim();
    // A trailing comma is the separator before the next piece, not part of the number.
    numText = numText.replace(/[,，]+$/, "");
    const src = resolveSource(label, sources);
    if (!src) {
      result.problems.push({ text: m[0].trim(), reason: "unknown source" });
      continue;
    }
    const n = parseNumber(numText);
    if (n.kind !== "number") {
      result.problems.push({
        text: m[0].trim(),
        reason: n.kind === "malformed" ? n.reason : "empty",
        candidates: n.kind === "malformed" ? n.candidates : undefined,
      });
      continue;
    }
    const amount = convertAmount(n.scaled, n.decimals, n.unit ?? unit, unit);
    if (amount === null) {
      result.problems.push({ text: m[0].trim(), reason: "not a whole amount" });
      continue;
    }
    result.parts[src.key] = (result.parts[src.key] ?? 0) + amount;
  }
  if (!consumed && compact) result.problems.push({ text: inner, reason: "no split found" });
  return result;
}

/**
 * The likely value of a malformed figure in a split: the candidate that makes
 * total = sum of parts when exactly one does, else the first candidate. The importer and
 * the workbook reader both use it, so a figure reads the same from text and from a cell.
 *
 * `total` and `parts` hold the other figures of the row, already read; `field` is the
 * malformed one ("total" or a source key).
 */
export function likelyValue(
  candidates: readonly number[],
  field: string,
  total: number | null,
  parts: Record<string, number>,
): number | null {
  if (candidates.length === 0) return null;
  const all = sumParts(parts);
  const fits = candidates.filter((c) => {
    if (field === "total") return all === c;
    if (total === null) return false;
    return all - (parts[field] ?? 0) + c === total;
  });
  return fits.length === 1 ? fits[0] : candidates[0];
}
