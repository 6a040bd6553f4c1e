/**
 * Findings the importer raises. The importer reports what it could not read; checking
 * that figures agree is left to src/core's checks.
 */
import type { Finding, FindingLocation, PlanTable, Severity } from "../core/findings";
import { withParticle } from "../core/particles";

export class FindingSink {
  readonly findings: Finding[] = [];

  add(finding: Finding): void {
    this.findings.push(finding);
  }

  unreadable(
    line: number,
    path: string[],
    text: string,
    table?: PlanTable,
    why?: { ko: string; en: string },
    severity: Severity = "warning",
  ): void {
    const shown = text.length > 80 ? text.slice(0, 77) + "..." : text;
    this.add({
      code: "unreadable",
      severity,
      message: {
        ko: `읽을 수 없는 내용: "${shown}"${why ? ` (${why.ko})` : ""}`,
        en: `Could not read: "${shown}"${why ? ` (${why.en})` : ""}`,
      },
      location: loc(line, path, table),
    });
  }

  malformedNumber(args: {
    line: number;
    path: string[];
    table: PlanTable;
    field: string;
    raw: string;
    likely: number | null;
    unit: string;
  }): void {
    const likely = args.likely === null ? null : args.likely.toLocaleString("en-US");
    this.add({
      code: "malformed-number",
      severity: "error",
      message: {
        ko:
          likely === null
            ? `잘못된 숫자 "${args.raw}": 읽을 수 없어 빈 값으로 두었습니다`
            : `잘못된 숫자 "${args.raw}": ${withParticle(`${likely}${args.unit}`, "으로/로")} 읽었습니다`,
        en:
          likely === null
            ? `Malformed number "${args.raw}": left empty`
            : `Malformed number "${args.raw}": read as ${likely} ${args.unit} (likely value)`,
      },
      location: { ...loc(args.line, args.path, args.table), field: args.field },
      expected: args.likely,
      actual: null,
      unit: args.unit,
    });
  }

  unitPrecision(args: {
    line: number;
    path: string[];
    table: PlanTable;
    field: string;
    raw: string;
    unit: string;
    rounded: number | null;
  }): void {
    this.add({
      code: "unit-precision",
      severity: "warning",
      message: {
        ko: `${withParticle(`"${args.raw}"`, "은/는")} ${args.unit} 단위의 정수가 아닙니다`,
        en: `"${args.raw}" is not a whole number of ${args.unit}`,
      },
      location: { ...loc(args.line, args.path, args.table), field: args.field },
      expected: args.rounded,
      actual: null,
      unit: args.unit,
    });
  }

  missingTable(what: { ko: string; en: string }, table: PlanTable): void {
    this.add({
      code: "missing-table",
      severity: "warning",
      message: { ko: `표를 찾을 수 없습니다: ${what.ko}`, en: `Table not found: ${what.en}` },
      location: { path: [], table },
    });
  }

  unmatched(line: number | undefined, path: string[], message: { ko: string; en: string }, table: PlanTable): void {
    this.add({ code: "unmatched", severity: "warning", message, location: { ...loc(line, path, table) } });
  }
}

function loc(line: number | undefined, path: string[], table?: PlanTable): FindingLocation {
  const out: FindingLocation = { path };
  if (line !== undefined) out.line = line;
  if (table) out.table = table;
  return out;
}
