/**
 * One pass over a worksheet part's XML, cell by cell, without building the sheet: the
 * caller says which cells it wants (by position, before their text is collected) and gets
 * their values; merged ranges are passed on as they come. Memory is the caller's.
 *
 * Cell values follow the readers' conventions: a number, a string, a boolean, an Excel error
 * as its text (`#REF!`), a date-formatted number as its ISO date (as ExcelJS shows it), a
 * formula's cached value, or `{ formula }` for a formula without one. Shared strings are
 * left as SharedRef for a later pass over the shared strings part.
 */
import { columnIndex } from "../core/a1";
import { Attrs, decodeEntities } from "./xml-scan";
import { CELL_TEXT_LIMIT, xmlReader, type XmlReader } from "./xml-stream";

/** Text of a value or formula element as the tokenizer gives it: line ends normalised, references decoded. */
function textOf(raw: string): string {
  return decodeEntities(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
}

/** A shared string by index, resolved later. */
export class SharedRef {
  constructor(readonly index: number) {}
}

/** Text over Excel's 32,767-character cell limit: the file is not one Excel wrote. */
export class Overlong {
  constructor(readonly length: number) {}
}

export type RawValue = string | number | boolean | { formula: string } | SharedRef | Overlong;

export interface SheetSink {
  /** A row starts (0-based); throw StopReading to end the pass. */
  row?(row: number): void;
  /** Whether the cell's value is wanted. */
  wants(row: number, col: number): boolean;
  cell(row: number, col: number, value: RawValue): void;
  merge?(ref: string): void;
}

export interface ScanContext {
  dateStyles: Set<number>;
  date1904: boolean;
}

/** "B12" -> [11, 1]; undefined for anything else. */
function cellPos(ref: string): [number, number] | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  let row = 0;
  const digitsFrom = i;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return digitsFrom === 0 || digitsFrom === ref.length || row < 1 ? undefined : [row - 1, col - 1];
}

/** Excel serial date to yyyy-mm-dd, as ExcelJS's excelToDate then toISOString. */
export function serialToIso(serial: number, date1904: boolean): string | undefined {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/**
 * A shared formula's text for a cell other than its master: relative references moved by
 * the offset (Excel stores the text once, on the master).
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  const parts = formula.split('"');
  for (let i = 0; i < parts.length; i += 2) {
    parts[i] = parts[i].replace(/(^|[^A-Za-z0-9_.\]])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g, (m, pre, ca, letters, ra, digits) => {
      const col = ca ? columnIndex(letters) : columnIndex(letters) + dCol;
      const row = ra ? Number(digits) : Number(digits) + dRow;
      if (col < 0 || row < 1) return m;
      let name = "";
      for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
      return `${pre}${ca}${name}${ra}${row}`;
    });
  }
  return parts.join('"');
}

/** r, t and s of the last `<c>` tag read by cellAttrs. */
const plain: { r?: string; t?: string; s?: string } = {};

/**
 * Reads r, t and s from a `<c>` tag's attribute text (as the fast path's regular expression
 * matched it) in one pass; false when a value holds a reference to decode (the general path
 * reads those).
 */
function cellAttrs(s: string): boolean {
  plain.r = plain.t = plain.s = undefined;
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && s.charCodeAt(i) <= 32) i++;
    const eq = s.indexOf("=", i);
    if (eq < 0) break;
    let nameEnd = eq;
    while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
    let q = eq + 1;
    while (q < n && s.charCodeAt(q) <= 32) q++;
    const end = s.indexOf(s[q], q + 1);
    if (end < 0) return false;
    if (nameEnd - i === 1) {
      const c = s.charCodeAt(i);
      if (c === 114 || c === 116 || c === 115) {
        const v = s.slice(q + 1, end);
        if (v.includes("&")) return false;
        if (c === 114) plain.r = v;
        else if (c === 116) plain.t = v;
        else plain.s = v;
      }
    }
    i = end + 1;
  }
  return true;
}

/** A reader for one worksheet part; feed it the part's text. */
export function sheetScanner(sink: SheetSink, ctx: ScanContext, fastCells = true): XmlReader {
  let row = -1;
  let col = -1;
  let wanted = false;
  let type = "n";
  let style = 0;
  let text = "";
  let formula: string | undefined;
  let sharedIndex: string | undefined;
  let inV = false;
  let inF = false;
  let inIs = false;
  let inPhonetic = false;
  let inT = false;
  let hasV = false;
  const masters = new Map<string, { formula: string; row: number; col: number }>();

  function value(): RawValue | undefined {
    const raw = text;
    if (!hasV) {
      if (formula === undefined) return undefined;
      const f = formula;
      if (f || sharedIndex === undefined) return { formula: f };
      const m = masters.get(sharedIndex);
      return { formula: m ? shiftFormula(m.formula, row - m.row, col - m.col) : "" };
    }
    if (raw.length > CELL_TEXT_LIMIT) return new Overlong(raw.length);
    switch (type) {
      case "s": {
        const i = raw.trim() === "" ? NaN : Number(raw);
        return Number.isInteger(i) && i >= 0 ? new SharedRef(i) : undefined;
      }
      case "str":
      case "inlineStr":
        return raw;
      case "b":
        return raw === "1" || raw === "true";
      case "e":
        return raw;
      case "d":
        return raw.slice(0, 10);
      default: {
        if (raw.trim() === "") return undefined;
        const n = Number(raw);
        if (Number.isNaN(n)) return raw;
        if (ctx.dateStyles.has(style)) return serialToIso(n, ctx.date1904) ?? n;
        return n;
      }
    }
  }

  function startCell(a: Attrs): void {
    startCellWith(a.get("r"), a.get("t"), a.get("s"));
  }

  function startCellWith(ref: string | undefined, t: string | undefined, s: string | undefined): void {
    const pos = ref ? cellPos(ref) : undefined;
    if (pos) [row, col] = pos;
    else col++;
    wanted = sink.wants(row, col);
    formula = undefined;
    sharedIndex = undefined;
    if (!wanted) return;
    type = t ?? "n";
    style = Number(s ?? 0);
    text = "";
    hasV = false;
  }

  /** Whether the formula's text is wanted: a shared formula's master is kept even outside the wanted cells (its text serves the others). */
  function startFormula(a: Attrs): boolean {
    const ft = a.get("t");
    if (!wanted && ft !== "shared") return false;
    formula = "";
    if (ft === "shared") sharedIndex = a.get("si");
    return true;
  }

  function endFormula(): void {
    if (sharedIndex !== undefined && formula) masters.set(sharedIndex, { formula, row, col });
  }

  function endCell(): void {
    if (!wanted) return;
    wanted = false;
    const v = value();
    if (v !== undefined) sink.cell(row, col, v);
  }

  const tagAttrs = new Attrs();

  return xmlReader({
    open(name, a) {
      switch (name) {
        case "row": {
          const r = a.get("r");
          row = r ? Number(r) - 1 : row + 1;
          col = -1;
          sink.row?.(row);
          return;
        }
        case "c":
          startCell(a);
          return;
        case "v":
          if (wanted) {
            inV = true;
            hasV = true;
          }
          return;
        case "f":
          inF = startFormula(a);
          return;
        case "is":
          if (wanted) {
            inIs = true;
            hasV = true;
          }
          return;
        case "rPh":
          inPhonetic = true;
          return;
        case "t":
          inT = inIs && !inPhonetic;
          return;
        case "mergeCell": {
          const mref = a.get("ref");
          if (mref) sink.merge?.(mref);
          return;
        }
      }
    },
    text(s) {
      if (inV || inT) text += s;
      else if (inF) formula += s;
    },
    close(name) {
      switch (name) {
        case "v":
          inV = false;
          return;
        case "f":
          inF = false;
          endFormula();
          return;
        case "t":
          inT = false;
          return;
        case "rPh":
          inPhonetic = false;
          return;
        case "is":
          inIs = false;
          if (type !== "inlineStr") type = "inlineStr";
          return;
        case "c":
          endCell();
          return;
      }
    },
    cell: fastCells ? simpleCell : undefined,
  });

  /** A whole simple <c> element at once (xml-scan's fast path): the same steps as the events. */
  function simpleCell(attrs: string, fAttrs: string | undefined, fText: string | undefined, vText: string | undefined): void {
    if (cellAttrs(attrs)) startCellWith(plain.r, plain.t, plain.s);
    else {
      tagAttrs.s = attrs;
      tagAttrs.from = 0;
      tagAttrs.to = attrs.length;
      startCell(tagAttrs);
    }
    if (fAttrs !== undefined) {
      tagAttrs.s = fAttrs;
      tagAttrs.from = 0;
      tagAttrs.to = fAttrs.length;
      // A formula with a cached value is read for its value; its text only serves a shared formula's other cells.
      if (startFormula(tagAttrs) && fText && (vText === undefined || sharedIndex !== undefined)) formula += textOf(fText);
      endFormula();
    }
    if (vText !== undefined && wanted) {
      hasV = true;
      text = textOf(vText);
    }
    endCell();
  }
}
