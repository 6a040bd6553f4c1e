/**
 * Streaming XML for the parts of an .xlsx: the tokenizer of xml-scan.ts behind a guard that
 * bounds memory whatever the file holds.
 *
 * A tokenizer keeps an unfinished tag or text node until it ends, so one 300-million-character
 * shared string would be held whole. The guard cuts every run of characters between two markup
 * delimiters (`<`, `>`) to MAX_RUN before the parser sees it. An Excel cell holds at most
 * 32,767 characters and an entity stands for at most 10 raw characters, so any text longer
 * than MAX_RUN raw characters is over Excel's limit both before and after the cut: readers
 * see a text longer than CELL_TEXT_LIMIT and can say so, and nothing legitimate is cut.
 */
import { XmlScanner } from "./xml-scan";

/** Excel's limit on the characters of one cell. */
export const CELL_TEXT_LIMIT = 32_767;
/** Longest run of raw characters passed on (see above). */
export const MAX_RUN = 10 * CELL_TEXT_LIMIT + 64;

export type { ScanHandlers as XmlHandlers, Attrs } from "./xml-scan";
import type { ScanHandlers as XmlHandlers } from "./xml-scan";

export interface XmlReader {
  write(chunk: string): void;
  close(): void;
}

/** Cuts runs without `<` or `>` to MAX_RUN characters, never inside an entity. */
export class RunGuard {
  private run = 0;

  cut(chunk: string): string {
    const lt = chunk.indexOf("<");
    const gt = chunk.indexOf(">");
    const first = lt < 0 ? gt : gt < 0 ? lt : Math.min(lt, gt);
    if (first < 0) {
      const kept = this.keep(chunk);
      this.run += chunk.length;
      return kept;
    }
    if (this.run + first <= MAX_RUN && chunk.length <= MAX_RUN) {
      this.run = chunk.length - Math.max(chunk.lastIndexOf("<"), chunk.lastIndexOf(">")) - 1;
      return chunk;
    }
    const head = this.keep(chunk.slice(0, first));
    this.run = 0;
    let rest = chunk.slice(first);
    // Runs inside one chunk can be long only when the chunk is.
    if (rest.length > MAX_RUN) rest = this.cutInside(rest);
    const last = Math.max(rest.lastIndexOf("<"), rest.lastIndexOf(">"));
    this.run = rest.length - last - 1;
    return head + rest;
  }

  /** The part of a run continuation that still fits. */
  private keep(part: string): string {
    const room = MAX_RUN - this.run;
    if (part.length <= room) return part;
    if (room <= 0) return "";
    return safeEnd(part.slice(0, room));
  }

  private cutInside(s: string): string {
    const out: string[] = [];
    let i = 0;
    while (i < s.length) {
      let j = i;
      while (j < s.length && s[j] !== "<" && s[j] !== ">") j++;
      out.push(j - i > MAX_RUN ? safeEnd(s.slice(i, i + MAX_RUN)) : s.slice(i, j));
      if (j < s.length) out.push(s[j]);
      i = j + 1;
    }
    return out.join("");
  }
}

/** Drops an entity cut in half at the end (`&am`). */
function safeEnd(s: string): string {
  const amp = s.lastIndexOf("&");
  return amp >= 0 && s.indexOf(";", amp) < 0 ? s.slice(0, amp) : s;
}

/**
 * A streaming reader calling `h` for each element and text; errors (XlsxReadError) are
 * thrown from write and close. Attributes are parsed for the `withAttrs` element names only.
 */
export function xmlReader(h: XmlHandlers): XmlReader {
  const scanner = new XmlScanner(h);
  const guard = new RunGuard();
  return {
    write: (chunk) => scanner.write(guard.cut(chunk)),
    close: () => scanner.close(),
  };
}

/** A small part parsed whole. */
export function parseXml(text: string, h: XmlHandlers): void {
  const r = xmlReader(h);
  r.write(text);
  r.close();
}

/** The value of an attribute whatever its prefix (`r:id`, `ns1:id`), by local name. */
export function attrByLocal(attrs: Record<string, string>, localName: string, except: string[] = []): string | undefined {
  for (const k of Object.keys(attrs)) {
    if (except.includes(k)) continue;
    if (k === localName || k.endsWith(":" + localName)) return attrs[k];
  }
  return undefined;
}

/** Small parts: handlers given every attribute as a record. */
export function parseXmlRecords(text: string, open: (name: string, attrs: Record<string, string>) => void, close?: (name: string) => void): void {
  parseXml(text, { open: (name, a) => open(name, a.all()), close });
}
