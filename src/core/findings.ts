import type { SourceRef } from "./model";

export type Severity = "error" | "warning" | "info";

/** What kind of inconsistency a finding reports. */
export type FindingCode =
  | "split" // total differs from the sum of its sources
  | "split-rounding" // same, in a rounded summary row, by an amount rounding explains
  | "rollup" // children do not add up to their parent (projects -> task, ...)
  | "summary-mismatch" // summary figure differs from the detail after conversion
  | "summary-rounding" // same, but half-up rounding or a ±1 끝수 nudge explains it
  | "summary-excludes-private" // summary leaves out 민자 that the detail has
  | "derived" // 달성률, 증감률, 구성비 do not match their inputs
  | "project-missing-in-summary"
  | "project-missing-in-detail"
  | "name-differs" // same item, spelled differently in two tables
  | "malformed-number"
  | "unit-precision" // amount not a whole number of the table's unit
  | "approximate" // a figure written as an approximation (약 300백만원)
  | "unreadable" // a piece of input the reader could not understand
  | "missing-table"
  | "missing-column"
  | "duplicate-name"
  | "headcount-rollup" // project head counts vs the task's job target
  | "unmatched"; // a row that matches nothing on the other side

/** Which table of the plan a figure belongs to. */
export type PlanTable =
  | "project"
  | "task-plan"
  | "summary-by-task"
  | "summary-by-strategy"
  | "plan-budget"
  | "common-targets"
  | "schedule"
  | "document";

export interface FindingLocation extends SourceRef {
  /** Strategy / task / project names, as deep as the finding goes. */
  path: string[];
  table?: PlanTable;
  /** "total", a source key, "target", "headcount", "projects", ... */
  field?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: { ko: string; en: string };
  location: FindingLocation;
  /** Plain numbers in the row's unit (천원 for detail rows, 백만원 for summary rows). */
  expected?: number | null;
  actual?: number | null;
  unit?: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/** "청년 행복 일자리 확대 › 청년 일자리 발굴 (line 640)": a human-readable place. */
export function formatLocation(loc: FindingLocation): string {
  const where: string[] = [];
  if (loc.sheet) where.push(loc.cell ? `${loc.sheet}!${loc.cell}` : loc.sheet);
  else if (loc.cell) where.push(loc.cell);
  if (loc.line !== undefined) where.push(`line ${loc.line}`);
  const path = loc.path.join(" › ");
  return where.length ? `${path}${path ? " " : ""}(${where.join(", ")})` : path;
}
