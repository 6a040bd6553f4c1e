/**
 * A plan document's text from the bytes of a file: the encoding detected (UTF-8 with or
 * without BOM, UTF-16 LE/BE with or without BOM, CP949/EUC-KR), and files that are no
 * plan text told apart (empty, binary, a zip/Office/PDF file) so the CLI can say why.
 */
import type { Plan } from "../core/model";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "euc-kr";

export type NotText = "empty" | "zip" | "ole" | "pdf" | "binary";

export type Decoded = { text: string; encoding: TextEncoding } | { notText: NotText };

function decode(bytes: Uint8Array, label: string, fatal = true): string | undefined {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Share of characters a Korean plan text is made of: Hangul, ASCII, CJK punctuation and symbols. */
function plausibility(text: string): number {
  if (!text.length) return 0;
  let good = 0;
  let n = 0;
  for (let i = 0; i < text.length && n < 65_536; i++, n++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3000 && c <= 0x33ff) || (c >= 0x2000 && c <= 0x27bf) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x4e00 && c <= 0x9fff)) good++;
  }
  return good / n;
}

/**
 * UTF-16 without a BOM: the reading, little or big endian, whose characters look like a
 * Korean text (digits, spaces and line breaks are ASCII; Hangul is one block).
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: TextEncoding } | undefined {
  if (bytes.length < 4 || bytes.length % 2) return undefined;
  let best: { text: string; encoding: TextEncoding; score: number } | undefined;
  for (const enc of ["utf-16le", "utf-16be"] as const) {
    const text = decode(bytes, enc);
    if (text === undefined) continue;
    const score = plausibility(text);
    if (score >= 0.95 && (!best || score > best.score)) best = { text, encoding: enc, score };
  }
  return best && { text: best.text, encoding: best.encoding };
}

function hasControlBytes(text: string): boolean {
  // NUL and C0 controls other than tab, LF, VT, FF, CR, ESC do not occur in a document's text.
  let bad = 0;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 && c !== 27) bad++;
  }
  return bad > 0;
}

function starts(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

export function decodePlanBytes(bytes: Uint8Array): Decoded {
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0x50, 0x4b, 0x05, 0x06)) return { notText: "zip" };
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return { notText: "ole" };
  if (starts(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return { notText: "pdf" };
  let found: { text: string; encoding: TextEncoding } | undefined;
  if (starts(bytes, 0xef, 0xbb, 0xbf)) {
    const t = decode(bytes.subarray(3), "utf-8");
    if (t !== undefined) found = { text: t, encoding: "utf-8-bom" };
  } else if (starts(bytes, 0xff, 0xfe) && !starts(bytes, 0xff, 0xfe, 0, 0)) {
    const t = decode(bytes.subarray(2), "utf-16le");
    if (t !== undefined) found = { text: t, encoding: "utf-16le" };
  } else if (starts(bytes, 0xfe, 0xff)) {
    const t = decode(bytes.subarray(2), "utf-16be");
    if (t !== undefined) found = { text: t, encoding: "utf-16be" };
  }
  if (!found) {
    const t8 = decode(bytes, "utf-8");
    // An ASCII text is valid UTF-8 and never has NUL bytes; UTF-16 has them or fails UTF-8.
    if (t8 !== undefined && !t8.includes("\u0000")) found = { text: t8, encoding: "utf-8" };
  }
  if (!found) found = utf16WithoutBom(bytes);
  if (!found) {
    const tk = decode(bytes, "euc-kr");
    if (tk !== undefined && plausibility(tk) >= 0.95) found = { text: tk, encoding: "euc-kr" };
  }
  if (!found || hasControlBytes(found.text)) return bytes.length && found?.text.trim() !== "" ? { notText: "binary" } : { notText: "empty" };
  if (!found.text.trim()) return { notText: "empty" };
  return found;
}

/** Whether the importer found nothing of a plan at all (no table, no heading it knows). */
export function foundNoPlan(plan: Plan): boolean {
  return !plan.strategies.length && !Object.keys(plan.summary).length && !plan.commonTargets.length && !plan.schedule.length && !plan.headline;
}
