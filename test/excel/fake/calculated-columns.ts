/**
 * Excel's calculated columns, as they happen to writes through the API. With the AutoCorrect
 * option "Fill formulas in tables to create calculated columns" on (the default), Excel
 * applies to API writes what it applies to typing (office-js #2093, closed "by design"):
 *
 * - **mixed formulas**: one write that puts different formulas into the body of one table
 *   column turns the column into a calculated column and overwrites the rows with one of
 *   them (office-js #5909 on the web and Mac, #1916, #2093; `TableRowCollection.add` with
 *   values does it too, #6745, where every row ends with the bottom-most formula). The double
 *   takes the bottom-most formula written, as #6745 reports, and writes it into every body
 *   cell of the column that is empty or holds a formula (a constant stays, as an exception).
 * - **edited calculated column**: a column whose body holds one formula on every row is a
 *   calculated column; writing another single formula into some of its rows changes all of
 *   them ("Use calculated columns in an Excel table": "edit just one copy of the formula.
 *   The change propagates to all rows"). A column with exceptions does not propagate.
 * - **new calculated column**: a formula entered into an otherwise empty table column fills
 *   the rest of the column ("When you enter a formula into an empty table column, the column
 *   automatically fills the rest of the rows").
 * - **new row**: a row added to a table gets the formula of each calculated column
 *   ("calculated columns continue to adjust as you add or delete rows").
 *
 * Writing one formula into every body cell of a column in one write triggers none of these:
 * the column simply becomes a calculated column holding that formula.
 *
 * Formulas are compared as Excel compares them, in relative form: A1 references outside text
 * literals and structured references become row/column offsets, so `=B2*2` in row 2 and
 * `=B3*2` in row 3 are the same formula. Every autofill is recorded for tests.
 */
import { a1 } from "../../../src/core/a1";
import { key, type Box, type FakeCell, type SheetState, type TableState, type WorkbookState } from "./core";

export type AutofillRule = "mixed-formulas" | "edited-calculated-column" | "new-calculated-column" | "new-row";

export interface Autofill {
  rule: AutofillRule;
  table: string;
  /** Header text of the column. */
  column: string;
  /** The formula Excel wrote (as in the column's first changed cell). */
  formula: string;
  /** A1 addresses of the cells Excel changed. */
  cells: string[];
  /** Of those, the cells that held a formula or value before (content lost). */
  overwrote: string[];
}

const A1_REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/g;

/**
 * Applies `fn` to every A1 reference outside "..." literals, [...] structured references
 * and '...' sheet names; `fn` gets (column, row, colAbsolute, rowAbsolute) 0-based.
 */
function mapRefs(formula: string, fn: (col: number, row: number, absCol: boolean, absRow: boolean) => string): string {
  let out = "";
  let plain = "";
  const flush = () => {
    out += plain.replace(A1_REF, (m, dc: string, letters: string, dr: string, digits: string, offset: number, whole: string) => {
      const prev = offset > 0 ? whole[offset - 1] : "";
      if (/[\w.]/.test(prev)) return m;
      let col = 0;
      for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
      return fn(col - 1, Number(digits) - 1, dc === "$", dr === "$");
    });
    plain = "";
  };
  let depth = 0;
  let quote: string | null = null;
  for (const ch of formula) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (depth === 0 && (ch === '"' || ch === "'")) {
      flush();
      quote = ch;
      out += ch;
      continue;
    }
    if (ch === "[") {
      if (depth === 0) flush();
      depth++;
      out += ch;
      continue;
    }
    if (ch === "]" && depth > 0) {
      depth--;
      out += ch;
      continue;
    }
    if (depth > 0) out += ch;
    else plain += ch;
  }
  flush();
  return out;
}

/** Forms of formulas without A1 references (structured ones only): the same on every row. */
const placeFreeForms = new Map<string, string>();

/** The formula as Excel compares it in a column: relative references as offsets, case folded outside literals. */
export function relativeForm(formula: string, row: number, col: number): string {
  const known = placeFreeForms.get(formula);
  if (known !== undefined) return known;
  let refs = 0;
  const rel = mapRefs(formula, (c, r, absC, absR) => {
    refs++;
    return `R${absR ? r : `[${r - row}]`}C${absC ? c : `[${c - col}]`}`;
  });
  let out = "";
  let inStr = false;
  for (const ch of rel) {
    if (ch === '"') inStr = !inStr;
    out += inStr ? ch : ch.toUpperCase();
  }
  if (!refs) {
    if (placeFreeForms.size > 10_000) placeFreeForms.clear();
    placeFreeForms.set(formula, out);
  }
  return out;
}

/** `formula` written at (row, col) moved to (row + dRow, col + dCol), as Excel fills it. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (!dRow && !dCol) return formula;
  return mapRefs(formula, (c, r, absC, absR) => `${absC ? "$" : ""}${a1(0, absC ? c : c + dCol).replace(/\d+$/, "")}${absR ? "$" : ""}${(absR ? r : r + dRow) + 1}`);
}

interface Column {
  table: TableState;
  col: number;
  first: number;
  last: number;
}

function bodyRows(t: TableState): { first: number; last: number } {
  return { first: t.r0 + 1, last: t.totals ? t.r1 - 1 : t.r1 };
}

/** Table body columns the box crosses. */
function columnsCrossing(st: WorkbookState, box: Box): Column[] {
  const out: Column[] = [];
  for (const t of st.tables) {
    if (t.deleted || t.sheet !== box.sheet) continue;
    const { first, last } = bodyRows(t);
    if (box.r1 < first || box.r0 > last || box.c1 < t.c0 || box.c0 > t.c1) continue;
    for (let c = Math.max(t.c0, box.c0); c <= Math.min(t.c1, box.c1); c++) out.push({ table: t, col: c, first, last });
  }
  return out;
}

const isEmpty = (cell: FakeCell | undefined) => !cell || (cell.formula === undefined && cell.value === "");

function headerOf(sheet: SheetState, t: TableState, col: number): string {
  return String(sheet.cells.get(key(t.r0, col))?.value ?? "");
}

/** Writes `formula` (as written at `from`) into `rows` of a column; records what changed. */
function fill(st: WorkbookState, c: Column, rule: AutofillRule, formula: string, from: number, rows: number[]): void {
  const sheet = c.table.sheet;
  const cells: string[] = [];
  const overwrote: string[] = [];
  let written = "";
  for (const r of rows) {
    const k = key(r, c.col);
    const cell = sheet.cells.get(k) ?? { value: "" };
    const next = shiftFormula(formula, r - from, 0);
    if (cell.formula === next) continue;
    if (!isEmpty(cell)) overwrote.push(a1(r, c.col));
    cell.formula = next;
    cell.value = "";
    sheet.cells.set(k, cell);
    cells.push(a1(r, c.col));
    written ||= next;
  }
  if (cells.length) st.autofills.push({ rule, table: c.table.name, column: headerOf(sheet, c.table, c.col), formula: written, cells, overwrote });
}

/**
 * Runs a write of `box` (`apply`) and then does what Excel's calculated columns would do to
 * the table columns it touched.
 */
export function writeWithCalculatedColumns(st: WorkbookState, box: Box, apply: () => void): void {
  const columns = st.calculatedColumns ? columnsCrossing(st, box) : [];
  if (!columns.length) return apply();
  // Only the written cells change: remember their relative forms before.
  const before = columns.map((c) => {
    const forms = new Map<number, string | null>();
    for (let r = Math.max(c.first, box.r0); r <= Math.min(c.last, box.r1); r++) {
      const cell = c.table.sheet.cells.get(key(r, c.col));
      forms.set(r, isEmpty(cell) ? "" : cell!.formula !== undefined ? relativeForm(cell!.formula, r, c.col) : null);
    }
    return forms;
  });
  apply();
  columns.forEach((c, i) => afterWrite(st, c, box, before[i]));
}

/** The rules, for one column after a write of rows `box.r0..r1` (before: their forms, null = a constant). */
function afterWrite(st: WorkbookState, c: Column, box: Box, before: Map<number, string | null>): void {
  const sheet = c.table.sheet;
  const w0 = Math.max(c.first, box.r0);
  const w1 = Math.min(c.last, box.r1);
  const written: Array<{ r: number; formula: string; form: string }> = [];
  for (let r = w0; r <= w1; r++) {
    const cell = sheet.cells.get(key(r, c.col));
    if (cell?.formula !== undefined) written.push({ r, formula: cell.formula, form: relativeForm(cell.formula, r, c.col) });
  }
  if (!written.length) return;
  const forms = new Set(written.map((x) => x.form));
  const all: number[] = [];
  for (let r = c.first; r <= c.last; r++) all.push(r);
  const outside = all.filter((r) => r < w0 || r > w1);
  if (forms.size > 1) {
    const last = written[written.length - 1];
    const target = all.filter((r) => {
      const cell = sheet.cells.get(key(r, c.col));
      return isEmpty(cell) || cell!.formula !== undefined;
    });
    return fill(st, c, "mixed-formulas", last.formula, last.r, target);
  }
  const { formula, r: at, form } = written[0];
  if (!outside.length) return;
  // What the column held before the write: one formula everywhere (calculated), or nothing.
  const beforeForms = new Set<string | null>();
  for (const r of all) {
    if (r >= w0 && r <= w1) beforeForms.add(before.get(r) ?? "");
    else {
      const cell = sheet.cells.get(key(r, c.col));
      beforeForms.add(isEmpty(cell) ? "" : cell!.formula !== undefined ? relativeForm(cell!.formula, r, c.col) : null);
    }
    if (beforeForms.size > 2 || beforeForms.has(null)) return;
  }
  const old = [...beforeForms].filter((x) => x !== "");
  if (old.length === 1 && !beforeForms.has("") && old[0] !== form) {
    return fill(st, c, "edited-calculated-column", formula, at, outside);
  }
  const outsideEmpty = outside.every((r) => isEmpty(sheet.cells.get(key(r, c.col))));
  if (old.length === 0 && outsideEmpty) return fill(st, c, "new-calculated-column", formula, at, outside);
}

/** Rows just added to a table take the formula of each calculated column (rows `from..to`). */
export function fillNewRows(st: WorkbookState, t: TableState, from: number, to: number): void {
  if (!st.calculatedColumns) return;
  const { first, last } = bodyRows(t);
  for (let col = t.c0; col <= t.c1; col++) {
    let formula: string | undefined;
    let at = -1;
    let form: string | undefined;
    let calculated = true;
    for (let r = first; r <= last && calculated; r++) {
      if (r >= from && r <= to) continue;
      const cell = t.sheet.cells.get(key(r, col));
      if (cell?.formula === undefined) calculated = false;
      else if (form === undefined) {
        form = relativeForm(cell.formula, r, col);
        formula = cell.formula;
        at = r;
      } else if (relativeForm(cell.formula, r, col) !== form) calculated = false;
    }
    if (!calculated || formula === undefined) continue;
    const empty: number[] = [];
    for (let r = from; r <= to; r++) if (isEmpty(t.sheet.cells.get(key(r, col)))) empty.push(r);
    fill(st, { table: t, col, first, last }, "new-row", formula, at, empty);
  }
}
