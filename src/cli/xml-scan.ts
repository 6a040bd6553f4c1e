/**
 * A streaming XML tokenizer for the parts of an .xlsx: elements, attributes, text with the
 * five named entities and character references, comments, CDATA and processing
 * instructions, with a check that tags nest and the document ends. No DTDs (an .xlsx has
 * none; a DOCTYPE is refused). It exists because the general SAX parsers spent most of
 * `check`'s time on a 10,000-project workbook (bench/xlsx-parsers.ts prints the comparison);
 * test/cli/xml-scan.test.ts checks it event for event against saxes on generated documents.
 */
import { XlsxReadError } from "./errors";

/**
 * The attributes of the element just opened, read on demand from the tag's text (most
 * elements of a sheet are opened for their name alone). Valid only during `open`.
 */
export class Attrs {
  s = "";
  from = 0;
  to = 0;

  /** The value of attribute `name` (exact, prefix included), decoded. */
  get(name: string): string | undefined {
    const { s, to } = this;
    let i = this.from;
    for (;;) {
      const k = s.indexOf(name, i);
      if (k < 0 || k >= to) return undefined;
      i = k + name.length;
      const before = s.charCodeAt(k - 1);
      if (before > 32 || s.charCodeAt(i) !== 61 /* = */) continue;
      const q = s[i + 1];
      if (q !== '"' && q !== "'") continue;
      const end = s.indexOf(q, i + 2);
      if (end < 0 || end > to) return undefined;
      return attrValue(s.slice(i + 2, end));
    }
  }

  /** Every attribute, as written (prefixes kept). */
  all(): Record<string, string> {
    return parseAttrs(this.s, this.from, this.to);
  }
}

export interface ScanHandlers {
  /** An element opens; `name` without its namespace prefix. */
  open?(name: string, attrs: Attrs): void;
  text?(text: string): void;
  close?(name: string): void;
  /**
   * Optional fast path for a sheet: a whole `<c>` element inside a `<row>` whose children are
   * at most an `<f>` and a `<v>`, handed over in one call (raw attribute text, formula text
   * and value text, not decoded) instead of as events. Anything else comes as events.
   */
  cell?(attrs: string, fAttrs: string | undefined, fText: string | undefined, vText: string | undefined): void;
}

const ATTRS = `((?:\\s+[A-Za-z_][\\w.-]*\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*`;
const SIMPLE_CELL = new RegExp(`<c${ATTRS}(?:/>|>(?:<f${ATTRS}(?:/>|>([^<]*)</f>))?(?:<v>([^<]*)</v>|<v(/)>)?</c>)`, "y");

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function fail(message: string): never {
  throw new XlsxReadError(`XML: ${message}`);
}

/** The five named entities by the character after `&` and their length with `&` and `;`. */
const QUICK: Record<string, [string, string]> = { q: ["&quot;", '"'], a: ["&amp;", "&"], l: ["&lt;", "<"], g: ["&gt;", ">"] };

/** One reference at `amp` (`&name;` or `&#…;`): its text and length. */
function entityAt(s: string, amp: number): [string, number] {
  const quick = QUICK[s[amp + 1]];
  if (quick && s.startsWith(quick[0], amp)) return [quick[1], quick[0].length];
  if (s.startsWith("&apos;", amp)) return ["'", 6];
  let end = amp + 1;
  for (; end < s.length; end++) {
    const c = s.charCodeAt(end);
    if (c === 59 /* ; */ || c === 38 /* & */ || c <= 32) break;
  }
  const m = s.slice(amp, end + 1);
  if (s.charCodeAt(end) !== 59) fail(`unterminated entity "${s.slice(amp, end).slice(0, 20)}"`);
  const body = s.slice(amp + 1, end);
  if (body[0] === "#") {
    const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code < 1 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|[0-9]+)$/i.test(body)) fail(`bad character reference "${m}"`);
    return [String.fromCodePoint(code), m.length];
  }
  const named = NAMED[body];
  if (named === undefined) fail(`undefined entity "${m}"`);
  return [named, m.length];
}

/** Decodes entity and character references. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let from = 0;
  while (amp >= 0) {
    const [text, length] = entityAt(s, amp);
    out += s.slice(from, amp) + text;
    from = amp + length;
    amp = s.indexOf("&", from);
  }
  return out + s.slice(from);
}

/** An attribute value as XML reads it: line breaks and tabs are spaces, then references decoded. */
function attrValue(raw: string): string {
  let plain = true;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  const v = raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ");
  return v.indexOf("&") < 0 ? v : decodeEntities(v);
}

/** The element names of a sheet, interned: the same string object every time, nothing allocated. */
const SHORT = new Map<string, string>(["c", "v", "f", "t", "r", "is", "si", "row", "rPh", "rPr", "col"].map((n) => [n, n]));

function shortName(s: string, from: number, to: number): string {
  const cut = s.slice(from, to);
  return SHORT.get(cut) ?? cut;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Attributes of a tag between `from` and `to` (exclusive): name="value" or name='value'. */
function parseAttrs(s: string, from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  let i = from;
  while (i < to) {
    const eq = s.indexOf("=", i);
    if (eq < 0 || eq >= to) break;
    const name = s.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && s.charCodeAt(q) <= 32) q++;
    const quote = s[q];
    if (quote !== '"' && quote !== "'") fail(`attribute ${name} without a quoted value`);
    const end = s.indexOf(quote, q + 1);
    if (end < 0 || end >= to) fail(`attribute ${name} without a closing quote`);
    out[name] = attrValue(s.slice(q + 1, end));
    i = end + 1;
  }
  return out;
}

/** Index of the `>` closing a tag that starts at `from`, skipping quoted attribute values; -1 if not in `s` yet. */
function tagEnd(s: string, from: number): number {
  let i = from;
  for (;;) {
    const gt = s.indexOf(">", i);
    if (gt < 0) return -1;
    // A quote before the `>` opens an attribute value that may hold `>`.
    let q = -1;
    for (let k = i; k < gt; k++) {
      const c = s.charCodeAt(k);
      if (c === 34 || c === 39) {
        q = k;
        break;
      }
    }
    if (q < 0) return gt;
    const close = s.indexOf(s[q], q + 1);
    if (close < 0) return -1;
    i = close + 1;
  }
}

export class XmlScanner {
  private buf = "";
  private readonly stack: string[] = [];
  private seenRoot = false;

  private readonly attrs = new Attrs();

  constructor(private readonly h: ScanHandlers) {}

  write(chunk: string): void {
    const s = this.buf ? this.buf + chunk : chunk;
    let i = 0;
    const n = s.length;
    const h = this.h;
    while (i < n) {
      const lt = s.indexOf("<", i);
      if (lt < 0) {
        // Text may end in a half entity: keep it for the next chunk.
        const amp = s.lastIndexOf("&");
        const cut = amp >= i && s.indexOf(";", amp) < 0 ? amp : n;
        this.emitText(s.slice(i, cut));
        i = cut;
        break;
      }
      if (lt > i) this.emitText(s.slice(i, lt));
      i = lt;
      const c1 = s.charCodeAt(i + 1);
      if (c1 === 99 /* c */ && h.cell && this.stack[this.stack.length - 1] === "row") {
        SIMPLE_CELL.lastIndex = i;
        const m = SIMPLE_CELL.exec(s);
        if (m) {
          h.cell(m[1], m[2], m[3], m[4] ?? (m[5] ? "" : undefined));
          i = SIMPLE_CELL.lastIndex;
          continue;
        }
      }
      if (c1 === 33 /* ! */) {
        if (s.startsWith("<!--", i)) {
          const end = s.indexOf("-->", i + 4);
          if (end < 0) break;
          i = end + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", i)) {
          const end = s.indexOf("]]>", i + 9);
          if (end < 0) break;
          if (h.text && this.stack.length) h.text(s.slice(i + 9, end));
          i = end + 3;
          continue;
        }
        if (n - i < 9) break;
        fail("DOCTYPE or unknown markup declaration");
      }
      if (c1 === 63 /* ? */) {
        const end = s.indexOf("?>", i + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      const gt = tagEnd(s, i + 1);
      if (gt < 0) break;
      if (c1 === 47 /* / */) {
        const open = this.stack.pop();
        // The usual case compared in place, without cutting the name out.
        if (open === undefined || !s.startsWith(open, i + 2) || s.slice(i + 2 + open.length, gt).trim() !== "") {
          const name = s.slice(i + 2, gt).trim();
          fail(open === undefined ? `closing tag </${name}> without an opening tag` : `</${name}> closes <${open}>`);
        }
        h.close?.(localName(open));
      } else {
        const selfClosing = s.charCodeAt(gt - 1) === 47;
        const end = selfClosing ? gt - 1 : gt;
        let sp = i + 1;
        while (sp < end && s.charCodeAt(sp) > 32) sp++;
        const name = sp - i - 1 <= 3 ? shortName(s, i + 1, sp) : s.slice(i + 1, sp);
        if (!name) fail("empty tag name");
        if (!this.stack.length) {
          if (this.seenRoot) fail("a second root element");
          this.seenRoot = true;
        }
        const local = localName(name);
        if (h.open) {
          const a = this.attrs;
          a.s = s;
          a.from = sp;
          a.to = end;
          h.open(local, a);
        }
        if (selfClosing) h.close?.(local);
        else this.stack.push(name);
      }
      i = gt + 1;
    }
    this.buf = i < n ? s.slice(i) : "";
  }

  private emitText(t: string): void {
    if (!this.stack.length) {
      if (t.trim()) fail("text outside the root element");
      return;
    }
    // Entities are checked even when no one wants the text: a bad one is a damaged file.
    const decoded = decodeEntities(t.indexOf("\r") < 0 ? t : t.replace(/\r\n?/g, "\n"));
    if (this.h.text) this.h.text(decoded);
  }

  close(): void {
    if (this.buf.trim()) fail("the document ends inside a tag");
    if (!this.seenRoot) fail("no root element");
    if (this.stack.length) fail(`the document ends before </${this.stack[this.stack.length - 1]}>`);
  }
}
