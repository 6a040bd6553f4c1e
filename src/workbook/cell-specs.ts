/**
 * Small builders of CellSpecs shared by the template's sheets: plain values, formulas and
 * figures (a malformed figure keeps the text it was written as, with a note saying why the
 * sums leave it out). Pure.
 */
import type { SourceRef } from "../core/model";
import { AMOUNT_FORMAT } from "./columns";
import type { CellSpec, CellValue, ColumnSpec } from "./workbook-model";
import { withParticle } from "../core/particles";

export function v(value: CellValue | undefined, numberFormat?: string): CellSpec {
  const cell: CellSpec = { value: value === undefined ? null : value };
  if (numberFormat) cell.numberFormat = numberFormat;
  return cell;
}

export function f(formula: string, numberFormat?: string): CellSpec {
  return numberFormat ? { formula, numberFormat } : { formula };
}

/** The note on a cell that keeps a malformed figure's text: it is not counted until fixed. */
export function leftOutNote(raw: string, likely: number | null | undefined, lang: "ko" | "en" = "ko"): string {
  const guess = likely === null || likely === undefined ? "" : likely.toLocaleString("en-US");
  if (lang === "en") {
    return `'${raw}' is not a number, so it is left out of every sum (the computed columns).${guess ? ` It probably means ${guess}: type that number to count it.` : " Type the number to count it."}`;
  }
  return `${withParticle(`'${raw}'`, "은/는")} 숫자가 아니어서 모든 합계(산출 열)에서 빠집니다.${guess ? ` ${withParticle(guess, "으로/로")} 보입니다: 숫자로 고쳐 입력하면 반영됩니다.` : " 숫자로 고쳐 입력하면 반영됩니다."}`;
}

/**
 * A figure's cell: its value, or the text the source held where that was a malformed number
 * (`867,5000천원`). The text stays text, so the reader reports the cell again instead of
 * the workbook carrying a guess nobody typed; the format applies once someone fixes it.
 */
export function figure(value: number | null | undefined, ref: SourceRef | undefined, numberFormat: string = AMOUNT_FORMAT, lang: "ko" | "en" = "ko"): CellSpec {
  if (ref?.raw === undefined) return v(value ?? null, numberFormat);
  return { ...v(ref.raw, numberFormat), note: leftOutNote(ref.raw, value, lang), style: { fill: "FFFFC7CE", color: "FF9C0006" } };
}

/**
 * A published (공표) figure: as `figure`, and "-" where the document printed "-" (it was read
 * at a place but holds nothing), as the published table shows it; "-" reads back as empty.
 */
export function declared(value: number | null | undefined, ref: SourceRef | undefined, numberFormat: string, lang: "ko" | "en"): CellSpec {
  if ((value === null || value === undefined) && ref?.raw === undefined && ref?.line !== undefined) return { ...v("-", numberFormat), style: { horizontal: "right" } };
  return figure(value, ref, numberFormat, lang);
}

export function header(cols: ColumnSpec[], key: string): string {
  const c = cols.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.header.ko;
}

export function colIndex(cols: ColumnSpec[], key: string): number {
  return cols.findIndex((c) => c.key === key);
}
