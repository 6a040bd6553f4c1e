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

/**
 * UTF-16 without a BOM: plan texts hold digits, spaces and line breaks, ASCII characters
 * whose high byte is zero, so zero bytes pile up at one parity and not the other.
 */
function utf16Parity(bytes: Uint8Array): "le" | "be" | undefined {
  const n = Math.min(bytes.length, 65_536) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.1 && even < pairs * 0.01) return "le";
  if (even > pairs * 0.1 && odd < pairs * 0.01) return "be";
  return undefined;
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
    const parity = utf16Parity(bytes);
    const t16 = parity ? decode(bytes, `utf-16${parity}`) : undefined;
    if (parity && t16 !== undefined) found = { text: t16, encoding: `utf-16${parity}` };
  }
  if (!found) {
    const t8 = decode(bytes, "utf-8");
    if (t8 !== undefined) found = { text: t8, encoding: "utf-8" };
  }
  if (!found) {
    const tk = decode(bytes, "euc-kr");
    if (tk !== undefined) found = { text: tk, encoding: "euc-kr" };
  }
  if (!found || hasControlBytes(found.text)) return bytes.length && found?.text.trim() !== "" ? { notText: "binary" } : { notText: "empty" };
  if (!found.text.trim()) return { notText: "empty" };
  return found;
}

/** Whether the importer found nothing of a plan at all (no table, no heading it knows). */
export function foundNoPlan(plan: Plan): boolean {
  return !plan.strategies.length && !Object.keys(plan.summary).length && !plan.commonTargets.length && !plan.schedule.length && !plan.headline;
}
