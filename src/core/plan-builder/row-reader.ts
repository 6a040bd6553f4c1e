/**
 * Reading the cells of one row of a {@link RowsTable}: names, counts, rates and budgets, each
 * through core/cells, each problem reported once at its cell. The same row gives the same
 * figures and findings whichever reader handed it over.
 */
import { likelyValue } from "../amounts";
import { cellText, errorValueText, isUncomputedFormula, readCell, type CellReading, type CellRule } from "../cells";
import type { Finding, FindingCode, PlanTable, Severity } from "../findings";
import type { Budget, FundingSource, Measure, SourceRef, Unit } from "../model";
import { FIELD_LABEL, ROLE_TABLE, ROLE_UNIT, sourceField, type Field, type RowsTable } from "./input";
import { withParticle } from "../particles";

/** Findings of the reading itself, in the order the cells were read. */
export class ReadingSink {
  readonly findings: Finding[] = [];

  add(code: FindingCode, severity: Severity, message: { ko: string; en: string }, ref: SourceRef, extra: { path?: string[]; table?: PlanTable; field?: string; expected?: number | null; actual?: number | null; unit?: string } = {}): void {
    const location: Finding["location"] = { path: extra.path ?? [] };
    if (ref.sheet !== undefined) location.sheet = ref.sheet;
    if (ref.cell !== undefined) location.cell = ref.cell;
    if (ref.line !== undefined) location.line = ref.line;
    if (ref.raw !== undefined) location.raw = ref.raw;
    if (extra.table) location.table = extra.table;
    if (extra.field) location.field = extra.field;
    const f: Finding = { code, severity, message, location };
    if (extra.expected !== undefined) f.expected = extra.expected;
    if (extra.actual !== undefined) f.actual = extra.actual;
    if (extra.unit) f.unit = extra.unit;
    this.findings.push(f);
  }
}

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * A field's name in messages: the source's or field's own label, so that a cell's problem
 * reads the same from a document and from a workbook; the table's header only for a field
 * without a label of its own.
 */
function fieldName(t: RowsTable, field: Field, sources: readonly FundingSource[]): { ko: string; en: string } {
  const src = sources.find((s) => sourceField(s.key) === field);
  if (src) return { ko: src.label, en: src.labelEn };
  const header = t.headers?.[field];
  return FIELD_LABEL[field] ?? (header ? { ko: header, en: header } : { ko: field, en: field });
}

/** A row of a table being read, with the names of the row for findings. */
export class RowCursor {
  /** Strategy / task / project names of the row, once known. */
  path: string[] = [];
  private readonly table: PlanTable;

  constructor(
    readonly t: RowsTable,
    readonly r: number,
    private readonly sink: ReadingSink,
    private readonly sources: readonly FundingSource[],
  ) {
    this.table = ROLE_TABLE[t.role];
  }

  has(field: Field): boolean {
    return this.t.columns[field] !== undefined;
  }

  raw(field: Field): unknown {
    const c = this.t.columns[field];
    return c === undefined ? undefined : this.t.rows[this.r]?.[c];
  }

  /** Refs made for this row, by column (made on first use: most cells never need one twice). */
  private refs: SourceRef[] | undefined;

  /**
   * Where a field's cell is (the row's first cell when the table has no such column). The
   * same object for the same field: a problem found in the cell leaves its text (`raw`) on
   * the ref the plan keeps, so that writers put the text back.
   */
  ref(field: Field): SourceRef {
    const c = this.t.columns[field] ?? 0;
    const refs = (this.refs ??= []);
    return (refs[c] ??= this.t.at(this.r, c));
  }

  /** Whether every cell of the fields the table has is empty. */
  isBlank(): boolean {
    const row = this.t.rows[this.r] ?? [];
    for (const f in this.t.columns) {
      const v = row[this.t.columns[f]];
      if (v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "")) return false;
    }
    return true;
  }

  /**
   * A name cell as text, whitespace (tabs, line breaks) collapsed; null when empty. An Excel
   * error or an uncomputed formula is reported at the cell and reads as empty.
   */
  name(field: Field): string | null {
    const raw = this.raw(field);
    if (raw === null || raw === undefined) return null;
    if (typeof raw === "string") {
      const s = collapse(raw);
      if (!errorValueText(s)) return s === "" ? null : s;
    }
    if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
    this.reportUnreadableName(field, raw);
    return null;
  }

  /** A text cell (list of projects, units, months) as written, or null. */
  text(field: Field): string | null {
    const raw = this.raw(field);
    if (isUncomputedFormula(raw) || errorValueText(raw)) {
      this.reportUnreadableName(field, raw);
      return null;
    }
    const s = cellText(raw);
    return s === "" ? null : s;
  }

  private reportUnreadableName(field: Field, raw: unknown): void {
    const what = fieldName(this.t, field, this.sources);
    const shown = cellText(raw);
    const why = isUncomputedFormula(raw)
      ? { ko: "수식의 계산 결과가 저장되어 있지 않습니다. Excel에서 다시 계산한 뒤 저장하세요", en: "the formula's result was never saved; recalculate in Excel and save" }
      : { ko: "Excel 오류 값입니다. 수식이나 참조를 고치세요", en: "an Excel error value; fix the formula or its reference" };
    this.sink.add(
      "unreadable",
      "error",
      { ko: `${what.ko} 칸을 읽을 수 없습니다 — '${shown}': ${why.ko}.`, en: `Cannot read the ${what.en} cell '${shown}': ${why.en}.` },
      this.ref(field),
      { path: this.path, table: this.table, field },
    );
  }

  /** The reading of a figure cell, nothing reported yet. */
  reading(field: Field, rule: CellRule): CellReading {
    return readCell(this.raw(field), rule);
  }

  /** A count of persons; problems reported; malformed counts read as their first reading. */
  count(field: Field): number | null {
    const r = this.reading(field, { kind: "count" });
    switch (r.kind) {
      case "value":
        return r.value;
      case "malformed":
        this.ref(field).raw = r.raw;
        this.report(field, r, r.candidates[0] ?? null, "명");
        return r.candidates[0] ?? null;
      case "blank":
      case "none":
        return null;
      default:
        if ("raw" in r) this.ref(field).raw = r.raw;
        this.report(field, r, null, "명");
        return null;
    }
  }

  /** A printed figure with its decimals (rates, counts of the common targets). */
  measure(field: Field): Measure | null {
    const r = this.reading(field, { kind: "measure" });
    switch (r.kind) {
      case "value":
        return { value: r.value, decimals: r.decimals, ref: this.ref(field) };
      case "malformed": {
        const likely = r.candidates[0] ?? null;
        this.ref(field).raw = r.raw;
        this.report(field, r, likely);
        return likely === null ? null : { value: likely, decimals: 0, ref: this.ref(field) };
      }
      case "blank":
      case "none":
        return null;
      default:
        if ("raw" in r) this.ref(field).raw = r.raw;
        this.report(field, r, null);
        return null;
    }
  }

  /**
   * The budget of the row: `total` and one part per source the table has a column for, in
   * `to` (bare numbers in the column's unit). A malformed figure is resolved after the
   * readable ones, with the reading that makes the row add up (likelyValue).
   */
  budget(totalField: Field | null, sources: readonly FundingSource[], to: Unit): { budget: Budget; stated: boolean } {
    const budget: Budget = { total: null, parts: {}, refs: {} };
    let stated = false;
    const cells = budgetCells(this.t, totalField, sources, to);
    let pending: Array<{ key: string; field: Field; r: Extract<CellReading, { kind: "malformed" }> }> | undefined;
    const set = (key: string, v: number) => {
      if (key === "total") budget.total = v;
      else budget.parts[key] = v;
    };
    const row = this.t.rows[this.r];
    for (const c of cells) {
      const raw = row?.[c.col];
      // Most cells: blank, or a number in the column's own unit.
      if (raw === null || raw === undefined || raw === "") {
        budget.refs![c.key] = this.ref(c.field);
        continue;
      }
      if (c.plain && typeof raw === "number" && Number.isSafeInteger(raw)) {
        budget.refs![c.key] = this.ref(c.field);
        set(c.key, raw);
        stated = true;
        continue;
      }
      const r = readCell(raw, c.rule);
      const ref = this.ref(c.field);
      budget.refs![c.key] = ref;
      switch (r.kind) {
        case "value":
          set(c.key, r.value);
          stated = true;
          // The workbook keeps what the document wrote (`약 300백만원`), not a figure of its own.
          if (r.approximate) {
            ref.raw = r.approximate;
            this.report(c.field, r, r.value, to);
          }
          break;
        case "none":
          stated = true;
          break;
        case "blank":
          break;
        case "malformed":
          ref.raw = r.raw;
          (pending ??= []).push({ key: c.key, field: c.field, r });
          stated = true;
          break;
        case "imprecise":
          ref.raw = r.raw;
          set(c.key, r.rounded);
          stated = true;
          this.report(c.field, r, r.rounded, to, c.key);
          break;
        case "unreadable":
          ref.raw = r.raw;
          stated = true;
          this.report(c.field, r, null, to, c.key);
          break;
      }
    }
    if (!pending) return { budget, stated };
    const totalRaw = totalField ? this.raw(totalField) : undefined;
    const wholeFrom = pending.filter((p) => p.key !== "total" && typeof totalRaw === "string" && this.raw(p.field) === totalRaw);
    for (const p of pending) {
      if (wholeFrom.includes(p)) continue;
      const likely = likelyValue(p.r.candidates, p.key, budget.total, budget.parts);
      if (likely !== null) set(p.key, likely);
      this.report(p.field, p.r, likely, to, p.key);
    }
    // A source written with the 계's very text (`(전액 구비)`) is the whole budget: one
    // mistake in that text is reported once, at 계, and the source takes its reading.
    for (const p of wholeFrom) if (budget.total !== null) set(p.key, budget.total);
    return { budget, stated };
  }

  /** Reports a reading that is not a plain figure, at its cell. `likely` is the figure taken. */
  report(field: Field, r: CellReading, likely: number | null, unit?: string, modelField: string = field): void {
    const what = fieldName(this.t, field, this.sources);
    const at = this.ref(field);
    const extra = { path: this.path, table: this.table, field: modelField, unit };
    const u = unit ?? "";
    switch (r.kind) {
      case "malformed": {
        const readings = r.candidates.map(fmt).join(" / ");
        this.sink.add(
          "malformed-number",
          "error",
          likely === null
            ? { ko: `${what.ko}: 잘못 쓴 숫자 '${r.raw}'. 읽지 않고 비워 두었습니다. 셀을 고쳐 주세요.`, en: `${what.en}: malformed number '${r.raw}', left empty. Fix the cell.` }
            : {
                ko: `${what.ko}: 잘못 쓴 숫자 '${r.raw}' — 가능한 값 ${readings}, 읽은 값 ${fmt(likely)}${u}. 셀을 고쳐 주세요.`,
                en: `${what.en}: malformed number '${r.raw}' — could be ${readings}; read as ${fmt(likely)}${u ? " " + u : ""}. Fix the cell.`,
              },
          at,
          { ...extra, expected: likely, actual: null },
        );
        return;
      }
      case "imprecise":
        this.sink.add(
          "unit-precision",
          "warning",
          { ko: `${what.ko}: ${withParticle(`'${r.raw}'`, "은/는")} ${r.unit} 단위로 떨어지지 않습니다 — 반올림해 읽은 값 ${fmt(r.rounded)}${r.unit}.`, en: `${what.en}: '${r.raw}' is not a whole number of ${r.unit}; read as ${fmt(r.rounded)} (rounded).` },
          at,
          { ...extra, expected: r.rounded, actual: null, unit: r.unit },
        );
        return;
      case "value":
        if (r.approximate) {
          this.sink.add(
            "approximate",
            "info",
            { ko: `${what.ko}: '약'이 붙은 어림값 — 읽은 값 ${fmt(r.value)}${u}. 정확한 금액을 적어 주세요.`, en: `${what.en}: an approximate figure, read as ${fmt(r.value)}${u ? " " + u : ""}. State the exact amount.` },
            at,
            { ...extra, expected: r.value, actual: null },
          );
        }
        return;
      case "unreadable": {
        const why = UNREADABLE[r.reason];
        this.sink.add(
          r.reason === "fraction" ? "unit-precision" : "unreadable",
          r.reason === "range" ? "warning" : "error",
          { ko: `${what.ko} 칸의 '${r.raw}': ${why.ko}`, en: `${what.en} cell '${r.raw}': ${why.en}` },
          at,
          extra,
        );
        return;
      }
      default:
        return;
    }
  }
}

const UNREADABLE: Record<Extract<CellReading, { kind: "unreadable" }>["reason"], { ko: string; en: string }> = {
  text: { ko: "숫자가 아니어서 읽지 않았습니다.", en: "not a number; left out." },
  "error-value": { ko: "Excel 오류 값이어서 읽지 않았습니다. 수식이나 참조를 고치세요.", en: "an Excel error value, left out; fix the formula or its reference." },
  "no-value": { ko: "수식의 계산 결과가 파일에 없습니다. Excel에서 다시 계산한 뒤 저장하세요.", en: "the formula's result is not in the file; recalculate in Excel and save." },
  "too-large": { ko: "정확히 다룰 수 있는 범위(2^53)를 넘는 수여서 읽지 않았습니다.", en: "too large to hold exactly (above 2^53); left out." },
  "wrong-unit": { ko: "이 칸에 맞지 않는 단위여서 읽지 않았습니다.", en: "a unit that does not belong in this column; left out." },
  range: { ko: "범위로 적힌 값이어서 하나의 금액으로 읽을 수 없습니다. 확정된 금액을 적어 주세요.", en: "a range, not one figure; left out. State the amount." },
  fraction: { ko: "정수가 아닌 인원이어서 읽지 않았습니다.", en: "a head count that is not a whole number; left out." },
};

/** Whitespace runs (tabs, line breaks, non-breaking spaces) as one space, trimmed. */
export function collapse(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 33 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff) {
      if (c !== 32 || i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 32) {
        plain = false;
        break;
      }
    }
  }
  return plain ? s : s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, " ").trim();
}

interface BudgetCell {
  /** "total" or a source key. */
  key: string;
  field: Field;
  col: number;
  rule: CellRule;
  /** A bare number is already in `to`. */
  plain: boolean;
}

/** The budget columns of a table and how each is read, worked out once per table and call site. */
const budgetCellsOf = new WeakMap<RowsTable, Array<{ totalField: Field | null; sources: readonly FundingSource[]; to: Unit; cells: BudgetCell[] }>>();

function budgetCells(t: RowsTable, totalField: Field | null, sources: readonly FundingSource[], to: Unit): BudgetCell[] {
  let known = budgetCellsOf.get(t);
  if (!known) budgetCellsOf.set(t, (known = []));
  for (const k of known) if (k.totalField === totalField && k.sources === sources && k.to === to) return k.cells;
  const cells: BudgetCell[] = [];
  const add = (k: string, field: Field) => {
    const col = t.columns[field];
    if (col === undefined) return;
    // A unit written once in the table (`계(백만원)` only) holds for its source columns too.
    const unit = t.units?.[field] ?? (k !== "total" ? t.units?.total : undefined) ?? ROLE_UNIT[t.role] ?? to;
    cells.push({ key: k, field, col, rule: { kind: "amount", unit, to }, plain: unit === to });
  };
  if (totalField) add("total", totalField);
  for (const s of sources) add(s.key, sourceField(s.key));
  known.push({ totalField, sources, to, cells });
  return cells;
}
