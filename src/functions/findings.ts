/**
 * Pure logic of PLAN.FINDINGS: builds a Plan from the ranges (task plans, projects,
 * summary) and lists core's checkPlan findings as a table.
 *
 * Locations: a range passed to a custom function carries no address, so a figure's place is
 * given as `<argument>!<cell>` counted from the range's top-left corner (`detail!E3` is the
 * third row, fifth column of the detail argument).
 */
import { checkPlan } from "../core/validate";
import { formatLocation, type Finding } from "../core/findings";
import { SEVERITY_ORDER, SEVERITY_WORDS } from "../core/vocabulary";
import { buildPlan as buildPlanFromRows, sourceField, type RowsTable } from "../core/plan-builder";
import { defaultSettings, type Plan, type SourceRef, type Unit } from "../core/model";
import { recentResults } from "./recent";
import { invalid, ok, type FnError, type FnResult } from "./runtime";
import { isOmitted, scalarText } from "./select";
import { isError, parseTable, rangeCell, type ParsedTable } from "./table";

export type Language = "ko" | "en";

export const FINDINGS_HEADER: Record<Language, string[]> = {
  ko: ["심각도", "코드", "위치", "내용", "기대값", "실제값"],
  en: ["Severity", "Code", "Location", "Message", "Expected", "Actual"],
};


/**
 * Where a cell of a range argument is (`detail!E3`), its A1 address made only when asked:
 * a call reads every figure of 10,000 rows, and only the cells of findings are ever named.
 */
class RangeRef implements SourceRef {
  raw?: string;
  constructor(
    readonly sheet: string,
    private readonly row: number,
    private readonly col: number,
  ) {}

  get cell(): string {
    return rangeCell(this.row, this.col);
  }
}

/** A parsed range as rows for core's plan builder: every cell read there, as in the workbook. */
function rowsOf(t: ParsedTable, role: RowsTable["role"]): RowsTable {
  const columns: Record<string, number> = {};
  const units: Record<string, Unit> = {};
  const headers: Record<string, string> = {};
  const put = (field: string, col: number | undefined) => {
    if (col === undefined) return;
    columns[field] = col;
    const unit = t.cols.units[col];
    if (unit) units[field] = unit;
    if (t.cols.headers[col]) headers[field] = t.cols.headers[col];
  };
  const f = t.cols.fields;
  put("strategy", f.strategy);
  put("task", f.task);
  put("project", f.project);
  put("projects", f.projects);
  // A task table may count persons in a 인원 column instead of 일자리 목표.
  put("target", f.target ?? (role === "taskPlans" ? f.headcount : undefined));
  if (role === "projects") put("headcount", f.headcount);
  put("total", f.total);
  for (const s of t.cols.sources) put(sourceField(s.key), s.col);
  const first = t.headerRow + 1;
  return {
    role,
    columns,
    units,
    headers,
    rows: t.range.slice(first),
    at: (r, c) => new RangeRef(t.label, first + r, c),
    where: { sheet: t.label, cell: rangeCell(t.headerRow, 0) },
    label: { ko: t.label, en: t.label },
  };
}

/** The plan the ranges describe. Either detail argument may be the task plans or the projects table. */
export function buildPlan(detail: unknown, tasks?: unknown, summary?: unknown): FnResult<{ plan: Plan; readFindings: Finding[] }> {
  const tables: ParsedTable[] = [];
  for (const [arg, label] of [
    [detail, "detail"],
    [tasks, "tasks"],
  ] as const) {
    if (label !== "detail" && isBlankArg(arg)) continue;
    const t = parseTable(arg, { label, defaultUnit: "천원" });
    if (isError(t)) return t;
    tables.push(t);
  }
  const taskTable = tables.find((t) => t.kind === "tasks");
  const projectTable = tables.find((t) => t.kind === "projects");
  if (tables.length === 2 && (!taskTable || !projectTable)) {
    return invalid("detail, tasks: 추진계획표 하나와 세부사업표 하나를 넘기세요 / pass one task plan table and one projects table");
  }
  const rows: RowsTable[] = [];
  if (taskTable) rows.push(rowsOf(taskTable, "taskPlans"));
  if (projectTable) rows.push(rowsOf(projectTable, "projects"));
  if (!isBlankArg(summary)) {
    const st = parseTable(summary, { label: "summary", defaultUnit: "백만원", role: "summary" });
    if (isError(st)) return st;
    rows.push(rowsOf(st, st.cols.fields.task !== undefined ? "summaryByTask" : "summaryByStrategy"));
  }
  const built = buildPlanFromRows({ settings: defaultSettings(), name: "workbook", tables: rows, tasksFromProjects: true });
  return ok({ plan: built.plan, readFindings: built.findings });
}

/** An optional range argument left out: omitted, an empty cell, or an all-empty range. */
function isBlankArg(x: unknown): boolean {
  if (isOmitted(x)) return true;
  if (Array.isArray(x)) return x.every((r) => (Array.isArray(r) ? r.every((c) => isOmitted(c)) : isOmitted(r)));
  return false;
}

export function parseLanguage(x: unknown): Language | FnError {
  if (isOmitted(x)) return "ko";
  const s = (scalarText(x) ?? "").toLowerCase();
  if (["ko", "kr", "kor", "korean", "한국어", "한"].includes(s)) return "ko";
  if (["en", "eng", "english", "영어", "영"].includes(s)) return "en";
  return invalid(`언어 '${s}': ko 또는 en / language must be ko or en`);
}

/** One row of the findings table. */
export function findingRow(f: Finding, lang: Language): (string | number)[] {
  return [
    SEVERITY_WORDS[lang][f.severity],
    f.code,
    formatLocation(f.location),
    f.message[lang],
    f.expected ?? "",
    f.actual ?? "",
  ];
}

/** PLAN.FINDINGS: header row + one row per finding (errors first); a "no findings" row when clean. */
export function findings(detail: unknown, tasks?: unknown, summary?: unknown, language?: unknown): FnResult<(string | number)[][]> {
  const lang = parseLanguage(language);
  if (isError(lang)) return lang;
  const args = [detail, tasks, summary];
  const known = recentFindings.get(lang, args);
  if (known) return known;
  const result = findingsTable(detail, tasks, summary, lang);
  recentFindings.set(lang, args, result);
  return result;
}

/** The findings table of a call's ranges; shared between calls on equal ranges (recent.ts). */
const recentFindings = recentResults<FnResult<(string | number)[][]>>(2);

function findingsTable(detail: unknown, tasks: unknown, summary: unknown, lang: Language): FnResult<(string | number)[][]> {
  const built = buildPlan(detail, tasks, summary);
  if (isError(built)) return built;
  const all = [...built.value.readFindings, ...checkPlan(built.value.plan)];
  const sorted = all.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i);
  const out: (string | number)[][] = [FINDINGS_HEADER[lang]];
  for (const { f } of sorted) out.push(findingRow(f, lang));
  if (sorted.length === 0) out.push(["", "", "", lang === "ko" ? "발견 사항 없음" : "no findings", "", ""]);
  return ok(out);
}
