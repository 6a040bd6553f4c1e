/**
 * Cells as jobplan writes and reads them through Office.js: how a spec cell becomes
 * `formulas` input (text always text), how a cell read back is restored exactly, the
 * canonical form of a formula that survives Excel's rewriting, and the A1 helpers the
 * adapter needs on top of core/a1.
 */
import type { CellSpec } from "../workbook/workbook-model";
import { a1, parseA1, splitAddress } from "../core/a1";

/** FNV-1a, 32 bits, base 36: enough to tell whether a cell changed. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * A formula in a form that survives Excel's own rewriting: `T[[#This Row],[col]]`,
 * `T[@col]` and `[@[col]]` all become `[@col]`; case outside text literals is folded.
 */
export function canonicalFormula(input: unknown): string {
  if (input === null || input === undefined) return "";
  if (typeof input !== "string") return String(input);
  let s = input.trim();
  if (!s.startsWith("=")) return s;
  s = s.replace(/([A-Za-z_\\][\w.]*)?\[\[#This Row\],\s*\[((?:[^\]']|'.)*)\]\]/gi, "[@$2]");
  s = s.replace(/([A-Za-z_\\][\w.]*)?\[@\[((?:[^\]']|'.)*)\]\]/g, "[@$2]");
  s = s.replace(/([A-Za-z_\\][\w.]*)\[@((?:[^\]['"]|'.)*)\]/g, "[@$2]");
  // Fold case outside "..." literals and [...] column names.
  let out = "";
  let inStr = false;
  let depth = 0;
  for (const ch of s) {
    if (ch === '"' && depth === 0) inStr = !inStr;
    else if (!inStr && ch === "[") depth++;
    else if (!inStr && ch === "]") depth = Math.max(0, depth - 1);
    out += inStr || depth > 0 ? ch : ch.toUpperCase();
  }
  return out;
}


/** A function's results by argument, for arguments that repeat (one formula on 10,000 rows). */
export function memo<A, R>(fn: (a: A) => R): (a: A) => R {
  const seen = new Map<A, R>();
  return (a) => {
    let r = seen.get(a);
    if (r === undefined && !seen.has(a)) seen.set(a, (r = fn(a)));
    return r as R;
  };
}

/** A cell address as written by jobplan; a bad one is a bug, not a user error. */
export function cellAt(cell: string): { row: number; col: number } {
  const at = parseA1(cell);
  if (!at) throw new Error(`bad cell ${cell}`);
  return at;
}

export function rangeA1(row: number, col: number, rows: number, cols: number): string {
  const a = a1(row, col);
  return rows === 1 && cols === 1 ? a : `${a}:${a1(row + rows - 1, col + cols - 1)}`;
}

/** "'Sheet 1'!B3:C4" -> {sheet, row, col} of the top-left cell. */
export function parseAddress(address: string): { sheet: string; row: number; col: number } {
  const { sheet, ref } = splitAddress(address);
  return { sheet: sheet ?? "", ...cellAt(ref.split(":")[0]) };
}

export function argbToHex(color: string): string {
  const c = color.replace(/^#/, "");
  return "#" + (c.length === 8 ? c.slice(2) : c);
}

export type WriteValue = string | number | boolean;

/** A spec cell as Office.js `formulas` input: text is always text, never a formula. */
export function encodeCell(cell: CellSpec | undefined): WriteValue {
  if (!cell) return "";
  if (cell.formula !== undefined && cell.formula !== null) return "=" + cell.formula.replace(/^=/, "");
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : "'" + v;
  return v;
}

/** A cell read back (formulas + values) as what to write to restore it exactly. */
export function restoreContent(formula: unknown, value: unknown): WriteValue {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return formula;
  if (typeof value === "string") return value === "" ? "" : "'" + value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return "";
}

/**
 * Whether copying a formula to other rows leaves its text unchanged: true for formulas
 * whose references are structured ([@col], Table[col]) and absolute; false as soon as a
 * relative A1 reference appears (Excel would shift it).
 */
export function copiesVerbatim(formula: string): boolean {
  let outside = "";
  let inStr = false;
  let depth = 0;
  for (const ch of formula) {
    if (ch === '"' && depth === 0) inStr = !inStr;
    else if (!inStr && ch === "[") depth++;
    else if (!inStr && ch === "]") depth = Math.max(0, depth - 1);
    else if (!inStr && depth === 0) outside += ch;
  }
  // Strip sheet-qualified and whole references that are absolute in both parts.
  return !/(^|[^A-Za-z0-9_$.])\$?[A-Za-z]{1,3}\$?\d+(?![\w(])/.test(outside.replace(/\$[A-Za-z]{1,3}\$\d+/g, ""));
}

export function key(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}
