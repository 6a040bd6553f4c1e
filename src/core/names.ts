/**
 * Matching names that the same plan spells differently in different tables: spacing
 * (`청년 취업 역량 강화` / `청년 취업역량 강화`), middle dots, bold marks, a trailing `사업`,
 * a parenthetical note, or a typo (`노동권의` / `노동권익`).
 */

/** A key that ignores spacing, punctuation, bold marks, parentheticals and case. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\*\*/g, "")
    .replace(/\([^)]*\)|\[[^\]]*\]|（[^）]*）/g, "")
    .replace(/[\s·ㆍ•‧・.,:;'"“”‘’\-–—_/&+]/g, "")
    .toLowerCase();
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
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return "same";
  if (!ka || !kb) return "none";
  const la = looseKey(a);
  const lb = looseKey(b);
  if (la === lb) return "variant";
  const shorter = la.length <= lb.length ? la : lb;
  const longer = la.length <= lb.length ? lb : la;
  if (shorter.length >= 4 && longer.includes(shorter)) return "variant";
  return similarity(a, b) >= 0.75 ? "variant" : "none";
}

/**
 * Pairs each name on the left with at most one on the right: exact keys first, then the
 * most similar remaining variant. Returns, for each left index, the matched right index.
 */
export function matchNames(left: readonly string[], right: readonly string[]): Array<number | undefined> {
  const out: Array<number | undefined> = new Array(left.length).fill(undefined);
  const taken = new Set<number>();
  const byKey = new Map<string, number[]>();
  right.forEach((r, j) => {
    const k = nameKey(r);
    const list = byKey.get(k);
    if (list) list.push(j);
    else byKey.set(k, [j]);
  });
  left.forEach((l, i) => {
    const list = byKey.get(nameKey(l));
    const j = list?.find((x) => !taken.has(x));
    if (j !== undefined) {
      out[i] = j;
      taken.add(j);
    }
  });
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
