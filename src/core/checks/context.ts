/** What every check needs: the plan, labels for messages, and a way to emit findings. */
import type { Finding, FindingCode, FindingLocation, Severity } from "../findings";
import type { Plan, SourceRef } from "../model";

export interface CheckContext {
  plan: Plan;
  findings: Finding[];
  /** The plan's source keys, the only keys a budget's parts hold. */
  sourceKeys: string[];
}

export function newContext(plan: Plan): CheckContext {
  return { plan, findings: [], sourceKeys: plan.settings.sources.map((s) => s.key) };
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

/**
 * A figure already reported as wrong, with what it likely should be. A later comparison
 * that fails only because of it passes when it takes its likely value: that comparison is
 * then noted as info that follows from the first finding, so one mistake is one error.
 */
export interface Suspect {
  /** Readings the figure may stand for (the projects' sum, the row's balance, ...). */
  alts: number[];
  /** The error the figure was reported in. */
  finding: Finding;
}

const suspectsOf = new WeakMap<CheckContext, WeakMap<object, Map<string, Suspect>>>();

function registry(ctx: CheckContext): WeakMap<object, Map<string, Suspect>> {
  let r = suspectsOf.get(ctx);
  if (!r) suspectsOf.set(ctx, (r = new WeakMap()));
  return r;
}

/** Marks `owner[field]` (a budget, a summary row) as reported in `finding`, likely `alts`. */
export function suspect(ctx: CheckContext, owner: object, field: string, finding: Finding, alts: number[]): void {
  const r = registry(ctx);
  let m = r.get(owner);
  if (!m) r.set(owner, (m = new Map()));
  const known = m.get(field);
  if (known) known.alts.push(...alts.filter((a) => !known.alts.includes(a)));
  else m.set(field, { alts: [...alts], finding });
}

export function suspectOf(ctx: CheckContext, owner: object, field: string): Suspect | undefined {
  return registry(ctx).get(owner)?.get(field);
}

/** The last finding emitted (emit does not return it). */
export function lastFinding(ctx: CheckContext): Finding {
  return ctx.findings[ctx.findings.length - 1];
}

/** "추진계획!E11", "1091행", or the names path: where a finding is, for "follows from" notes. */
export function placeOf(f: Finding): { ko: string; en: string } {
  const loc = f.location;
  if (loc.sheet && loc.cell) return { ko: `${loc.sheet}!${loc.cell}`, en: `${loc.sheet}!${loc.cell}` };
  if (loc.line !== undefined) return { ko: `${loc.line}행`, en: `line ${loc.line}` };
  const path = loc.path.filter(Boolean).join(" › ");
  return { ko: path || "합계", en: path || "plan total" };
}

/** "(X에서 비롯됨)": the note of a comparison that follows from an earlier finding. */
export function followsFrom(f: Finding): { ko: string; en: string } {
  const p = placeOf(f);
  return { ko: `${p.ko}의 오류에서 비롯됨`, en: `follows from the error at ${p.en}` };
}
