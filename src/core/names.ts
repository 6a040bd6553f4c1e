/**
 * Matching names that the same plan spells differently in different tables: spacing
 * (`청년 취업 역량 강화` / `청년 취업역량 강화`), middle dots, bold marks, a trailing `사업`,
 * a parenthetical note, or a typo (`노동권의` / `노동권익`).
 */

/**
 * Keys already made: a plan keys the same names in several places (the builder, the checks,
 * the matching of summary rows), so each name is keyed once. Bounded: cleared when full.
 */
const keys = new Map<string, string>();
const MAX_KEYS = 200_000;

/** A key that ignores spacing, punctuation, bold marks, parentheticals and case. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = plainNameKey(name) ?? fullNameKey(name);
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(name, key);
  }
  return key;
}

function fullNameKey(name: string): string {
  // NFKC folds full-width letters; it is slow, so only strings that need it pay for it.
  const text = /[^ -~\uac00-\ud7a3]/.test(name) ? name.normalize("NFKC") : name;
  return text
    .replace(/\*\*/g, "")
    .replace(/\([^)]*\)|\[[^\]]*\]|（[^）]*）/g, "")
    .replace(/[\s·ㆍ•‧・.,:;'"“”‘’\-–—_/&+]/g, "")
    .toLowerCase();
}

/** ASCII marks the key drops: space . , : ; ' " - _ / & + (as fullNameKey does). */
const DROPPED = new Set([32, 46, 44, 58, 59, 39, 34, 45, 95, 47, 38, 43]);
const DROPPED_MARKS = /[ .,:;'"\-_/&+]/g;

/**
 * The key of a name made only of Hangul syllables, ASCII letters, digits and the marks the
 * key drops (most names), without the regular expressions: tables of 10,000 rows key every
 * name. Undefined when the name holds anything else (brackets, other scripts, `**`).
 */
function plainNameKey(name: string): string | undefined {
  let dropped = false;
  let upper = false;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 48 && c <= 57) || (c >= 97 && c <= 122)) continue;
    if (DROPPED.has(c)) dropped = true;
    else if (c >= 65 && c <= 90) upper = true;
    else return undefined;
  }
  const key = dropped ? name.replace(DROPPED_MARKS, "") : name;
  return upper ? key.toLowerCase() : key;
}

/** The key without a generic ending (사업, 추진, 운영) that tables add or drop. */
function looseKey(name: string): string {
  return nameKey(name).replace(/(사업|추진|운영|지원사업)$/u, "");
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams, 0..1. */
export function similarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return 1;
  if (ka.length < 2 || kb.length < 2) return 0;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (ka.length - 1 + kb.length - 1);
}

export type NameMatch = "same" | "variant" | "none";

/**
 * Whether two names stand for the same item: "same" when only spacing or punctuation
 * differ, "variant" when one contains the other or they are close (a typo or a prefix),
 * else "none".
 */
export function compareNames(a: string, b: string): NameMatch {
  if (a === b) return "same";
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return "same";
  if (!ka || !kb) return "none";
  const la = looseKey(a);
  const lb = looseKey(b);
  if (la === lb) return "variant";
  if (contains(ka, kb) || contains(la, lb)) return "variant";
  const shortest = Math.min(ka.length, kb.length);
  if (shortest >= 4 && editDistance(ka, kb, 2) <= (shortest >= 10 ? 2 : 1)) return "variant";
  return similarity(a, b) >= 0.75 ? "variant" : "none";
}

/** One key holds the other, and the shorter is long enough to mean something. */
function contains(x: string, y: string): boolean {
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return shorter.length >= 4 && longer.includes(shorter);
}

/** Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Pairs each name on the left with at most one on the right: exact keys first, then the
 * most similar remaining variant. Returns, for each left index, the matched right index.
 */
export function matchNames(left: readonly string[], right: readonly string[]): Array<number | undefined> {
  const out: Array<number | undefined> = new Array(left.length).fill(undefined);
  const taken = new Set<number>();
  // Identical strings first (the common case, and cheap), then equal keys, then variants.
  const passes: Array<(s: string) => string> = [(s) => s, nameKey];
  for (const keyOf of passes) {
    const byKey = new Map<string, number[]>();
    right.forEach((r, j) => {
      if (taken.has(j)) return;
      const k = keyOf(r);
      const list = byKey.get(k);
      if (list) list.push(j);
      else byKey.set(k, [j]);
    });
    if (byKey.size === 0) break;
    left.forEach((l, i) => {
      if (out[i] !== undefined) return;
      const list = byKey.get(keyOf(l));
      const j = list?.find((x) => !taken.has(x));
      if (j !== undefined) {
        out[i] = j;
        taken.add(j);
      }
    });
    if (taken.size === right.length) return out;
  }
  left.forEach((l, i) => {
    if (out[i] !== undefined) return;
    let best: number | undefined;
    let bestScore = 0;
    right.forEach((r, j) => {
      if (taken.has(j) || compareNames(l, r) === "none") return;
      const score = similarity(l, r) + 0.001; // a containment match may score low on bigrams
      if (score > bestScore) {
        best = j;
        bestScore = score;
      }
    });
    if (best !== undefined) {
      out[i] = best;
      taken.add(best);
    }
  });
  return out;
}
