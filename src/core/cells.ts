/**
 * One reading of a cell, for every surface: a line of a plan document cut into cells, a
 * cell of an .xlsx file, a cell of a range Excel passes to a custom function. Whatever the
 * source, the same raw value in the same kind of column gives the same figure or the same
 * problem; no reader parses numbers itself.
 *
 * Raw values are what the readers hand over: a string, a number, a boolean, null; an Excel
 * error value as its text (`#REF!`) or as an error object; a formula cell with no computed
 * value as `{ formula }`.
 */
import { convertAmount, normalizeNumberText, parseNumber, roundHalfUp, type ParsedNumber } from "./amounts";
import type { Unit } from "./model";

/** What a column holds: money (in a unit), a count of persons, or a printed measure (rate). */
export type CellRule =
  | {
      kind: "amount";
      /** Unit of a bare number in this column. */
      unit: Unit;
      /** Unit the figure is held in; the column's unit when absent. */
      to?: Unit;
    }
  | { kind: "count" }
  | { kind: "measure" };

export type Unreadable =
  /** Words where a figure belongs. */
  | "text"
  /** An Excel error value (#REF!, #DIV/0!, ...). */
  | "error-value"
  /** A formula whose result was never computed (saved without calculation). */
  | "no-value"
  /** Beyond 2^53: it cannot be held exactly, so it is refused rather than rounded. */
  | "too-large"
  /** A unit that does not belong in the column (`%` in an amount, `천원` in a head count). */
  | "wrong-unit"
  /** A range (`1~2억원`): no single figure to take. */
  | "range"
  /** A fraction where a whole count belongs. */
  | "fraction";

export type CellReading =
  | {
      kind: "value";
      value: number;
      /** Digits after the point as written (rates keep them for their checks). */
      decimals: number;
      /** The unit the cell named itself when it differs from the column's (`6,678억원`). */
      ownUnit?: Unit;
      /** Written as an approximation (`약 300백만원`): the text as written. */
      approximate?: string;
    }
  /** An empty cell. */
  | { kind: "blank" }
  /** `-`, `―`, `해당없음`: the document states none (zero for amounts, "not stated" for rates). */
  | { kind: "none"; raw: string }
  /** A wrong digit grouping (`867,5000`): the readings it may stand for, in the figure's unit. */
  | { kind: "malformed"; raw: string; candidates: number[] }
  /** Not a whole number of the figure's unit (`43,900원` in 천원): rounded half up. */
  | { kind: "imprecise"; raw: string; rounded: number; unit: Unit }
  | { kind: "unreadable"; raw: string; reason: Unreadable };

const ERROR_VALUES = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

const NONE_MARKS = new Set(["-", "--", "‐", "―", "·", "×", "해당없음", "없음", "n/a", "na"]);

/** Money units a count or measure column may not carry. */
function isMoney(unit: Unit | undefined): unit is Unit {
  return unit !== undefined;
}

/** The text of an Excel error value, or undefined: a string `#REF!` or an error object. */
export function errorValueText(raw: unknown): string | undefined {
  if (typeof raw === "string") return ERROR_VALUES.test(raw.trim()) ? raw.trim().toUpperCase() : undefined;
  if (raw instanceof Error) return raw.message || "#VALUE!";
  if (raw && typeof raw === "object") {
    const o = raw as Record<string, unknown>;
    // CustomFunctions.Error passes `code` (#REF! as "ErrorCode"), ExcelJS `{ error }`, Office.js values `errorCode`.
    for (const k of ["error", "errorCode", "code"]) {
      const v = o[k];
      if (typeof v === "string") return v.startsWith("#") ? v : `#${v}`;
    }
  }
  return undefined;
}

/** A formula cell saved without its result, as `{ formula }`. */
export function isUncomputedFormula(raw: unknown): raw is { formula: string } {
  return !!raw && typeof raw === "object" && typeof (raw as { formula?: unknown }).formula === "string" && !("result" in (raw as object));
}

/** Whether a raw cell is empty: null, undefined, or only spaces. */
export function isBlankCell(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  return typeof raw === "string" && raw.trim() === "";
}

/** A raw cell as text, for messages and names. Non-text values that carry no text give "". */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return "";
  if (typeof raw === "string") return raw.trim();
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  const err = errorValueText(raw);
  if (err) return err;
  if (isUncomputedFormula(raw)) return `=${raw.formula}`;
  return "";
}

/**
 * A plain integer as text (`1,234`, ` 43,900 `, `-5`, `△500`), or undefined for anything
 * else (decimals, units, bad grouping): the full parser handles those. Hand-written because
 * it runs once per cell of a 10,000-row range.
 */
export function plainInteger(raw: string): number | undefined {
  let i = 0;
  let end = raw.length;
  while (i < end && raw.charCodeAt(i) === 32) i++;
  while (end > i && raw.charCodeAt(end - 1) === 32) end--;
  if (i === end) return undefined;
  let neg = false;
  const first = raw.charCodeAt(i);
  if (first === 45 /* - */ || first === 0x25b3 /* △ */) {
    neg = true;
    i++;
  }
  let value = 0;
  let digitsInGroup = 0;
  let groups = 0;
  for (let k = i; k < end; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digitsInGroup++;
    } else if (c === 44 /* , */) {
      if (digitsInGroup === 0 || (groups === 0 ? digitsInGroup > 3 : digitsInGroup !== 3)) return undefined;
      groups++;
      digitsInGroup = 0;
    } else return undefined;
  }
  if (digitsInGroup === 0 || (groups > 0 && digitsInGroup !== 3)) return undefined;
  if (value > Number.MAX_SAFE_INTEGER) return undefined;
  return neg ? -value : value;
}

const BLANK: CellReading = { kind: "blank" };

/**
 * Reads a raw cell under a column's rule. Never throws: whatever the cell holds becomes a
 * figure, "none", or a problem that the caller reports at the cell.
 */
export function readCell(raw: unknown, rule: CellRule): CellReading {
  if (raw === null || raw === undefined || raw === "") return BLANK;
  if (typeof raw === "number") return readNumber(raw, rule);
  if (typeof raw === "string") {
    // Most cells: a plain integer in the column's own unit.
    const plain = plainInteger(raw);
    if (plain !== undefined && (rule.kind !== "amount" || rule.to === undefined || rule.to === rule.unit)) {
      return { kind: "value", value: plain, decimals: 0 };
    }
    return readText(raw, rule);
  }
  const err = errorValueText(raw);
  if (err) return { kind: "unreadable", raw: err, reason: "error-value" };
  if (isUncomputedFormula(raw)) return { kind: "unreadable", raw: `=${raw.formula}`, reason: "no-value" };
  return { kind: "unreadable", raw: String(raw), reason: "text" };
}

function readNumber(n: number, rule: CellRule): CellReading {
  if (!Number.isFinite(n)) return { kind: "unreadable", raw: String(n), reason: "text" };
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return { kind: "unreadable", raw: String(n), reason: "too-large" };
  const parsed = parseNumber(n);
  if (parsed.kind !== "number") return { kind: "unreadable", raw: String(n), reason: "text" };
  return fromParsed(parsed, String(n), rule);
}

function readText(text: string, rule: CellRule): CellReading {
  const raw = text.trim();
  let compact = normalizeNumberText(raw);
  if (compact === "") return BLANK;
  if (NONE_MARKS.has(compact.toLowerCase())) return { kind: "none", raw };
  if (ERROR_VALUES.test(compact)) return { kind: "unreadable", raw, reason: "error-value" };
  let approximate = false;
  if (compact.startsWith("약")) {
    approximate = true;
    compact = compact.slice(1);
  }
  if (/^[△-]?\d[\d,.]*\s*(?:[~∼～〜]|-(?=\d))\s*\d/.test(compact)) return { kind: "unreadable", raw, reason: "range" };
  const parsed = parseNumber(compact);
  if (parsed.kind === "empty") return { kind: "none", raw };
  if (parsed.kind === "malformed") {
    if (parsed.candidates.length === 0) return { kind: "unreadable", raw, reason: "text" };
    const candidates = malformedCandidates(parsed.candidates, parsed.unit, rule);
    return candidates.length ? { kind: "malformed", raw, candidates } : { kind: "unreadable", raw, reason: "wrong-unit" };
  }
  const out = fromParsed(parsed, raw, rule);
  if (approximate && out.kind === "value") out.approximate = raw;
  return out;
}

function malformedCandidates(candidates: number[], ownUnit: Unit | undefined, rule: CellRule): number[] {
  if (rule.kind !== "amount") return ownUnit ? [] : candidates.filter(Number.isSafeInteger);
  const from = ownUnit ?? rule.unit;
  const to = rule.to ?? rule.unit;
  return candidates
    .map((c) => (Number.isSafeInteger(c) ? convertAmount(c, 0, from, to) : null))
    .filter((c): c is number => c !== null && Number.isSafeInteger(c));
}

function fromParsed(n: ParsedNumber, raw: string, rule: CellRule): CellReading {
  if (!Number.isSafeInteger(n.scaled)) return { kind: "unreadable", raw, reason: "too-large" };
  switch (rule.kind) {
    case "count": {
      if (isMoney(n.unit) || (n.suffix && n.suffix !== "명" && n.suffix !== "인")) return { kind: "unreadable", raw, reason: "wrong-unit" };
      if (n.decimals > 0) return { kind: "unreadable", raw, reason: "fraction" };
      return { kind: "value", value: n.value, decimals: 0 };
    }
    case "measure": {
      if (isMoney(n.unit)) return { kind: "unreadable", raw, reason: "wrong-unit" };
      return { kind: "value", value: n.value, decimals: n.decimals };
    }
    case "amount": {
      if (n.suffix) return { kind: "unreadable", raw, reason: "wrong-unit" };
      const from = n.unit ?? rule.unit;
      const to = rule.to ?? rule.unit;
      const value = convertAmount(n.scaled, n.decimals, from, to);
      const ownUnit = n.unit && n.unit !== rule.unit ? n.unit : undefined;
      if (value === null) {
        // A fraction of a 원 cannot be held in integers: round it away first.
        const won = convertAmount(n.scaled, n.decimals, from, "원") ?? Math.round((n.value * WON_PER[from]));
        if (!Number.isSafeInteger(won)) return { kind: "unreadable", raw, reason: "too-large" };
        return { kind: "imprecise", raw, rounded: roundHalfUp(won, WON_PER[to]), unit: to };
      }
      if (!Number.isSafeInteger(value)) return { kind: "unreadable", raw, reason: "too-large" };
      return ownUnit ? { kind: "value", value, decimals: 0, ownUnit } : { kind: "value", value, decimals: 0 };
    }
  }
}

const WON_PER: Record<Unit, number> = { 원: 1, 천원: 1e3, 백만원: 1e6, 억원: 1e8 };

/** The figure a reading stands for in the checks: values, rounded values, none as zero-less null. */
export function figureOf(r: CellReading): number | null {
  switch (r.kind) {
    case "value":
      return r.value;
    case "imprecise":
      return r.rounded;
    default:
      return null;
  }
}
