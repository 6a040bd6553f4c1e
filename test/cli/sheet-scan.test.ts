/**
 * The sheet scanner's fast path (a whole simple <c> element in one regular expression) gives
 * what the element-by-element path gives, on generated rows of every kind of cell, cut into
 * chunks anywhere.
 */
import fc from "fast-check";
import { sheetScanner, type RawValue } from "../../src/cli/sheet-scan";

const cellXml = fc.oneof(
  fc.integer({ min: -5, max: 100000 }).map((n) => (ref: string) => `<c r="${ref}"><v>${n}</v></c>`),
  fc.integer({ min: 0, max: 50 }).map((n) => (ref: string) => `<c r="${ref}" s="2" t="s"><v>${n}</v></c>`),
  fc.constantFrom("과제 &amp; 사업", "a&lt;b", "plain", "").map((t) => (ref: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`),
  fc.constantFrom("과제", "x &gt; y").map((t) => (ref: string) => `<c r="${ref}" t="str"><f>B1&amp;"x"</f><v>${t}</v></c>`),
  fc.constant((ref: string) => `<c r="${ref}"><f t="shared" ref="${ref}:${ref}" si="0">A1+1</f><v>3</v></c>`),
  fc.constant((ref: string) => `<c r="${ref}"><f t="shared" si="0"/></c>`),
  fc.constant((ref: string) => `<c r="${ref}"><f>SUM(A1:A3)</f></c>`),
  fc.constant((ref: string) => `<c r="${ref}" t="e"><v>#REF!</v></c>`),
  fc.constant((ref: string) => `<c r="${ref}" t="b"><v>1</v></c>`),
  fc.constant((ref: string) => `<c r="${ref}" s="3"/>`),
  fc.constant((ref: string) => `<c r="${ref}"><v/></c>`),
  fc.constant((ref: string) => `<c t="n" r="${ref}" ><v>7</v></c>`),
  fc.constant((ref: string) => `<c r="${ref}" x14ac:foo="1"><v>8</v></c>`),
  fc.constant((ref: string) => `<x:c r="${ref}"><x:v>9</x:v></x:c>`),
);

function run(xml: string, cuts: number[], fast: boolean): Array<[number, number, RawValue]> {
  const out: Array<[number, number, RawValue]> = [];
  const s = sheetScanner({ wants: (r) => r !== 2, cell: (r, c, v) => void out.push([r, c, v]) }, { dateStyles: new Set([2]), date1904: false }, fast);
  let last = 0;
  for (const p of [...cuts.map((x) => Math.floor(x * xml.length))].sort((a, b) => a - b)) {
    s.write(xml.slice(last, p));
    last = p;
  }
  s.write(xml.slice(last));
  s.close();
  return out;
}

test("the fast path and the element events give the same cells", () => {
  fc.assert(
    fc.property(fc.array(fc.array(cellXml, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 }), (rows, cuts) => {
      const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => c(`${String.fromCharCode(65 + i)}${r + 1}`)).join("")}</row>`).join("");
      const xml = `<worksheet xmlns:x14ac="x" xmlns:x="m"><sheetData>${body}</sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
      expect(run(xml, cuts, true)).toEqual(run(xml, cuts, false));
    }),
    { numRuns: 300 },
  );
});
