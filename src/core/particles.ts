/**
 * Korean particles chosen by the final sound of the word before them: 과/와, 으로/로, 이/가,
 * 을/를, 은/는. Numbers are read as Sino-Korean numerals ("314" ends in 사: "314와";
 * "1,000" in 천: "1,000과"; "10" in 십), Latin letters as their names (L 엘, M 엠, N 엔,
 * R 알), closing quotes and brackets are looked through. Pure.
 */

/** The pairs: the form after a final consonant, then the one after a vowel. */
export type Particle = "과/와" | "으로/로" | "이/가" | "을/를" | "은/는";

/** Final sound of a word: none (vowel), "ㄹ", another consonant, or unknown. */
type Final = "none" | "rieul" | "other" | "unknown";

const DIGIT_FINAL: Final[] = ["other", "rieul", "none", "other", "none", "none", "other", "rieul", "rieul", "none"];
// 십 백 천 만 (ten, hundred, thousand, ten thousand) and 억 (10^8), 조 (10^12).
const UNIT_FINAL: Array<[number, Final]> = [
  [12, "none"],
  [8, "other"],
  [4, "other"],
  [3, "other"],
  [2, "other"],
  [1, "other"],
];
const LETTER_FINAL: Record<string, Final> = { l: "rieul", r: "rieul", m: "other", n: "other" };
const CLOSERS = /["'’”)\]}>」』〉》\s]+$/u;

function numberFinal(digits: string): Final {
  const int = digits.replace(/^0+(?=\d)/, "");
  const last = Number(int[int.length - 1]);
  if (last !== 0 || int === "0") return DIGIT_FINAL[last];
  const zeros = int.length - int.replace(/0+$/, "").length;
  for (const [n, f] of UNIT_FINAL) if (zeros >= n) return f;
  return "other";
}

function finalOf(word: string): Final {
  const w = word.replace(CLOSERS, "");
  if (!w) return "unknown";
  const num = /(\d[\d,]*)(?:\.(\d+))?%?$/.exec(w);
  if (num && num.index + num[0].length === w.length) {
    if (w.endsWith("%")) return "none"; // 퍼센트
    if (num[2]) return DIGIT_FINAL[Number(num[2][num[2].length - 1])];
    return numberFinal(num[1].replace(/,/g, ""));
  }
  const code = w.charCodeAt(w.length - 1);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? "none" : jong === 8 ? "rieul" : "other";
  }
  const ch = w[w.length - 1].toLowerCase();
  if (/[a-z]/.test(ch)) return LETTER_FINAL[ch] ?? "none";
  return "unknown";
}

/** The particle alone, for the word before it. */
export function particle(word: string, pair: Particle): string {
  const [afterConsonant, afterVowel] = pair.split("/");
  const f = finalOf(word);
  if (f === "unknown") return pair === "으로/로" ? "(으)로" : `${afterConsonant}(${afterVowel})`;
  if (pair === "으로/로") return f === "other" ? "으로" : "로";
  return f === "none" ? afterVowel : afterConsonant;
}

/** The word followed by its particle: withParticle("314", "과/와") === "314와". */
export function withParticle(word: string, pair: Particle): string {
  return word + particle(word, pair);
}
