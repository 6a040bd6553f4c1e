/** What every check needs: the plan, labels for messages, and a way to emit findings. */
import type { Finding, FindingCode, FindingLocation, Severity } from "../findings";
import type { Plan, SourceRef } from "../model";

export interface CheckContext {
  plan: Plan;
  findings: Finding[];
}

export function newContext(plan: Plan): CheckContext {
  return { plan, findings: [] };
}

export interface Emit {
  code: FindingCode;
  severity: Severity;
  ko: string;
  en: string;
  path: string[];
  table: FindingLocation["table"];
  field?: string;
  ref?: SourceRef;
  expected?: number | null;
  actual?: number | null;
  unit?: string;
}

export function emit(ctx: CheckContext, e: Emit): void {
  const location: FindingLocation = { path: e.path, table: e.table };
  if (e.field) location.field = e.field;
  if (e.ref?.sheet) location.sheet = e.ref.sheet;
  if (e.ref?.cell) location.cell = e.ref.cell;
  if (e.ref?.line !== undefined) location.line = e.ref.line;
  const f: Finding = { code: e.code, severity: e.severity, message: { ko: e.ko, en: e.en }, location };
  if (e.expected !== undefined) f.expected = e.expected;
  if (e.actual !== undefined) f.actual = e.actual;
  if (e.unit) f.unit = e.unit;
  ctx.findings.push(f);
}

/** Korean and English names of a field: 계, 일자리 목표, or a funding source. */
export function fieldLabel(ctx: CheckContext, field: string): { ko: string; en: string } {
  if (field === "total") return { ko: "계", en: "total" };
  if (field === "target") return { ko: "일자리 목표", en: "job target" };
  const src = ctx.plan.settings.sources.find((s) => s.key === field);
  return src ? { ko: src.label, en: src.labelEn } : { ko: field, en: field };
}

/** 1234567 -> "1,234,567"; negative numbers keep their sign. */
export function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined) return "-";
  return n.toLocaleString("en-US");
}

export function signed(n: number): string {
  return (n > 0 ? "+" : "") + fmt(n);
}
