/**
 * The .xlsx XML tokenizer against saxes: on generated documents (prefixes, attributes with
 * entities and `>` in quotes, comments, CDATA, self-closing tags) cut into chunks anywhere,
 * it reports the same elements, attributes and text; malformed documents are errors.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { XmlScanner } from "../../src/cli/xml-scan";
import { RunGuard, MAX_RUN, xmlReader } from "../../src/cli/xml-stream";
import { XlsxReadError } from "../../src/cli/errors";

type Ev = string;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

interface Node {
  name: string;
  attrs: Array<[string, string]>;
  children: Array<Node | { text: string } | { cdata: string } | { comment: string }>;
}

const name = fc.constantFrom("c", "v", "row", "x:c", "t", "si", "r", "is");
const text = fc.string({ unit: fc.constantFrom("a", "1", " ", "가", "&", "<", ">", '"', "'", "\n", "é"), maxLength: 12 });
const node: fc.Arbitrary<Node> = fc.letrec((tie) => ({
  node: fc.record({
    name,
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom("r", "t", "s", "ref", "r:id"), text), { selector: (a) => a[0], maxLength: 3 }),
    children: fc.array(
      fc.oneof(
        { maxDepth: 4, depthIdentifier: "xml" },
        { weight: 3, arbitrary: text.filter((t) => t.length > 0).map((t) => ({ text: t })) },
        { weight: 2, arbitrary: tie("node") as fc.Arbitrary<Node> },
        { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "<", "&", " "), maxLength: 6 }).map((t) => ({ cdata: t })) },
        { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("a", "<", ">", " "), maxLength: 6 }).map((t) => ({ comment: t })) },
      ),
      { maxLength: 4 },
    ),
  }),
})).node;

function render(n: Node): string {
  const attrs = n.attrs.map(([k, v]) => (v.includes('"') ? ` ${k}='${v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/'/g, "&apos;")}'` : ` ${k}="${esc(v)}"`)).join("");
  if (!n.children.length) return `<${n.name}${attrs}/>`;
  const body = n.children
    .map((c) => ("name" in c ? render(c) : "text" in c ? esc(c.text).replace(/>/g, "&gt;") : "cdata" in c ? `<![CDATA[${c.cdata}]]>` : `<!--${c.comment.replace(/-/g, "")}-->`))
    .join("");
  return `<${n.name}${attrs}>${body}</${n.name}>`;
}

function merged(events: Ev[]): Ev[] {
  const out: Ev[] = [];
  for (const e of events) {
    if (e.startsWith("T") && out.length && out[out.length - 1].startsWith("T")) out[out.length - 1] += e.slice(1);
    else out.push(e);
  }
  return out.filter((e) => e !== "T");
}

const local = (n: string) => n.slice(n.indexOf(":") + 1);

function viaSaxes(doc: string): Ev[] {
  const ev: Ev[] = [];
  const p = new SaxesParser();
  let depth = 0;
  p.on("opentag", (t) => {
    depth++;
    ev.push(`O${local(t.name)} ${JSON.stringify(Object.entries(t.attributes).sort())}`);
  });
  p.on("closetag", (t) => {
    depth--;
    ev.push(`C${local(t.name)}`);
  });
  p.on("text", (t) => depth && ev.push(`T${t}`));
  p.on("cdata", (t) => ev.push(`T${t}`));
  p.write(doc).close();
  return merged(ev);
}

function viaScanner(chunks: string[]): Ev[] {
  const ev: Ev[] = [];
  const s = new XmlScanner({
    open: (n, a) => ev.push(`O${n} ${JSON.stringify(Object.entries(a.all()).sort())}`),
    close: (n) => ev.push(`C${n}`),
    text: (t) => ev.push(`T${t}`),
  });
  for (const c of chunks) s.write(c);
  s.close();
  return merged(ev);
}

function cut(doc: string, at: number[]): string[] {
  const points = [...new Set(at.map((x) => Math.floor(x * doc.length)))].sort((a, b) => a - b);
  const out: string[] = [];
  let last = 0;
  for (const p of points) {
    out.push(doc.slice(last, p));
    last = p;
  }
  out.push(doc.slice(last));
  return out;
}

describe("XML tokenizer", () => {
  test("reports what saxes reports, however the document is cut into chunks", () => {
    fc.assert(
      fc.property(node, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), (root, at) => {
        const doc = `<?xml version="1.0"?>\n${render(root)}`;
        expect(viaScanner(cut(doc, at))).toEqual(viaSaxes(doc));
      }),
      { numRuns: 400 },
    );
  });

  test("an attribute read on demand: exact names, prefixes kept, entities decoded", () => {
    const got: Array<[string | undefined, string | undefined, string | undefined]> = [];
    const s = new XmlScanner({ open: (_n, a) => got.push([a.get("r"), a.get("r:id"), a.get("t")]) });
    s.write(`<sheet xr:r="no" r="A&amp;1" r:id="rId3" name="a t=&quot;x&quot;"/>`);
    s.close();
    expect(got).toEqual([["A&1", "rId3", undefined]]);
  });

  test.each([
    ["a closing tag that does not match", "<a><b></a></b>"],
    ["a document cut off inside an element", "<a><b>text"],
    ["text after the root", "<a/>tail"],
    ["a second root", "<a/><b/>"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY x "y">]><a/>'],
    ["nothing at all", "   "],
  ])("%s is an error", (_name, doc) => {
    const r = xmlReader({});
    expect(() => {
      r.write(doc);
      r.close();
    }).toThrow(XlsxReadError);
  });

  test("a text run longer than the guard's limit is cut, never held whole, and still reads as too long", () => {
    const guard = new RunGuard();
    const kept = [guard.cut("<t>"), ...Array.from({ length: 40 }, () => guard.cut("x".repeat(100_000))), guard.cut("</t>")].join("");
    expect(kept.length).toBe(3 + MAX_RUN + 4);
    let length = 0;
    const r = xmlReader({ text: (t) => void (length += t.length) });
    r.write(kept);
    r.close();
    expect(length).toBe(MAX_RUN);
    expect(length).toBeGreaterThan(32_767);
  });

  test("the guard never cuts inside an entity", () => {
    const guard = new RunGuard();
    const body = "&amp;".repeat(MAX_RUN / 5 + 10);
    const kept = guard.cut(`<t>${body}</t>`);
    let text = "";
    const r = xmlReader({ text: (t) => void (text += t) });
    r.write(kept);
    r.close();
    expect(text).toMatch(/^&+$/);
  });
});
