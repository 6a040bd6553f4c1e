/**
 * Reads a plan back from the tables of a workbook, whatever wrote it (jobplan, a person, an
 * export). This module only finds the tables (locate-tables.ts) and hands their rows to the
 * core plan builder, which reads every cell; the settings sheet (sources, plan facts) is read
 * here. Every figure keeps its {sheet, cell}, so that findings point at cells. Pure.
 */
import { a1 } from "../core/a1";
import { buildPlan, sourceField, type Field, type RowsTable } from "../core/plan-builder";
import { ReadingSink } from "../core/plan-builder/row-reader";
import { readCell } from "../core/cells";
import type { Finding } from "../core/findings";
import type { FundingSource, PlanSettings, Unit } from "../core/model";
import { defaultSettings } from "../core/model";
import { unitInHeader, type TableKind } from "../core/vocabulary";
import { classifyTable, locate, taskPlanCandidate, unmerge, type InputTable, type LocatedTable } from "./locate-tables";
import { roundingModeOf } from "./sheet-words";
import { withParticle } from "../core/particles";

export { classifyTable, type InputTable, type LocatedTable, type MergedRange, type TableKind } from "./locate-tables";

export interface ReadResult {
  plan: ReturnType<typeof buildPlan>["plan"];
  findings: Finding[];
  tables: Partial<Record<TableKind, LocatedTable>>;
}

const KIND_LABEL: Record<TableKind, { ko: string; en: string }> = {
  taskPlans: { ko: "추진계획", en: "task plans" },
  projects: { ko: "세부사업", en: "projects" },
  summaryByTask: { ko: "요약", en: "summary by task" },
  summaryByStrategy: { ko: "분야별 목표", en: "summary by strategy" },
  commonTargets: { ko: "공통목표", en: "common targets" },
  schedule: { ko: "추진일정", en: "schedule" },
  findings: { ko: "검증", en: "findings" },
  planInfo: { ko: "설정(계획 정보)", en: "plan info" },
  sourceList: { ko: "설정(재원)", en: "funding sources" },
  strategyList: { ko: "설정(추진전략 목록)", en: "strategy list" },
  taskList: { ko: "설정(실천과제 목록)", en: "task list" },
};

/** The builder field of a template column key, per table kind (generated columns are not read). */
function fieldOf(kind: TableKind, key: string): Field | undefined {
  switch (kind) {
    case "taskPlans":
    case "projects":
      return key === "counted" ? undefined : key;
    case "summaryByTask":
      if (key === "declaredTarget") return "target";
      if (key === "declaredBudget") return "total";
      return key === "strategy" || key === "task" || key === "projects" ? key : undefined;
    case "summaryByStrategy":
      if (key === "declaredTarget") return "target";
      if (key === "declaredTotal") return "total";
      if (key.startsWith("declared:")) return key.slice("declared:".length);
      return key === "strategy" ? key : undefined;
    case "commonTargets":
    case "schedule":
      return key;
    default:
      return undefined;
  }
}

const ROLE_OF: Partial<Record<TableKind, RowsTable["role"]>> = {
  taskPlans: "taskPlans",
  projects: "projects",
  summaryByTask: "summaryByTask",
  summaryByStrategy: "summaryByStrategy",
  commonTargets: "commonTargets",
  schedule: "schedule",
};

/** A located table's body as builder rows, cells addressed on the sheet. */
function rowsOf(t: LocatedTable): RowsTable | undefined {
  const role = ROLE_OF[t.kind];
  if (!role) return undefined;
  const { sheet, origin, values } = t.input;
  const columns: Record<Field, number> = {};
  const units: Record<Field, Unit> = {};
  const headers: Record<Field, string> = {};
  for (const [key, col] of Object.entries(t.index)) {
    const field = fieldOf(t.kind, key);
    if (field === undefined) continue;
    columns[field] = col;
    const header = values[0]?.[col];
    if (typeof header === "string" && header.trim()) headers[field] = header.trim();
    const unit = unitInHeader(header);
    if (unit) units[field] = unit;
  }
  const names: Record<Field, { ko: string; en: string }> = {};
  for (const c of t.columns) {
    const field = fieldOf(t.kind, c.key);
    if (field !== undefined) names[field] = c.header;
  }
  const body = values.slice(1);
  return {
    names,
    role,
    columns,
    units,
    headers,
    rows: body,
    totalsRows: t.input.hasTotalsRow && body.length ? [body.length - 1] : undefined,
    at: (r, c) => ({ sheet, cell: a1(origin.row + 1 + r, origin.col + c) }),
    where: { sheet, cell: a1(origin.row, origin.col) },
    label: KIND_LABEL[t.kind],
  };
}

/** Reads a plan from workbook tables. `settings` is used when the workbook has no SourceList. */
export function readPlanFromTables(inputs: InputTable[], settings?: PlanSettings): ReadResult {
  const sink = new ReadingSink();
  const base = settings ?? defaultSettings();
  const byKind: Partial<Record<TableKind, InputTable>> = {};
  // Work on copies: unmerging writes into the values.
  const copies = inputs.map((t) => ({ ...t, values: t.values.map((r) => [...r]) }));
  for (const t of copies) {
    const kind = classifyTable(t, base);
    if (!kind) continue;
    if (byKind[kind]) {
      sink.add(
        "duplicate-name",
        "warning",
        { ko: `${KIND_LABEL[kind].ko} 표가 두 번 있습니다 (${t.sheet}). 첫 번째 표만 읽었습니다.`, en: `A second ${KIND_LABEL[kind].en} table (${t.sheet}); only the first one was read.` },
        { sheet: t.sheet, cell: a1(t.origin.row, t.origin.col) },
      );
      continue;
    }
    byKind[kind] = t;
  }
  if (!byKind.taskPlans) {
    const classified = new Set(Object.values(byKind));
    const candidate = taskPlanCandidate(copies.filter((t) => !classified.has(t)), base);
    if (candidate) byKind.taskPlans = candidate;
  }
  for (const kind of Object.keys(byKind) as TableKind[]) if (kind !== "findings") unmerge(byKind[kind]!, sink);

  const tables: Partial<Record<TableKind, LocatedTable>> = {};
  if (byKind.sourceList) tables.sourceList = locate("sourceList", byKind.sourceList, base);
  const { settings: planSettings, sourceKeys } = readSettings(tables.sourceList, base);
  for (const kind of Object.keys(byKind) as TableKind[]) {
    // Located again with the workbook's own sources (a 군 plan: 도비, 군비).
    if (kind !== "sourceList") tables[kind] = locate(kind, byKind[kind]!, planSettings, sourceKeys);
  }
  const info = tables.planInfo ? readPlanInfo(tables.planInfo, planSettings.sources, sink) : undefined;
  if (info?.rounding) planSettings.roundingMode = info.rounding;
  const rows = Object.values(tables)
    .map((t) => rowsOf(t!))
    .filter((t): t is RowsTable => !!t);
  if (info?.budget) rows.push(info.budget);
  const built = buildPlan({ settings: planSettings, name: info?.name, region: info?.region, year: info?.year, sourceKeys, tables: rows });
  const findings = [...sink.findings, ...built.findings];
  if (!byKind.taskPlans) {
    findings.push({
      code: "missing-table",
      severity: "error",
      message: {
        ko: "추진계획 표(추진전략, 실천과제, 일자리 목표, 계, 재원별 금액)를 찾지 못했습니다.",
        en: "No task plan table (strategy, task, job target, total, amounts by source) was found.",
      },
      location: { path: [], table: "task-plan" },
    });
  }
  return { plan: built.plan, findings, tables };
}

const YES = /^(y|yes|예|o|true|1|포함)$/i;

function cellOf(t: LocatedTable, r: number, key: string): unknown {
  const c = t.index[key];
  return c === undefined ? undefined : t.input.values[r]?.[c];
}

function textOf(t: LocatedTable, r: number, key: string): string | null {
  const v = cellOf(t, r, key);
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
}

/** The funding sources of the SourceList table, and which of them the summaries show. */
function readSettings(t: LocatedTable | undefined, base: PlanSettings): { settings: PlanSettings; sourceKeys?: string[] } {
  if (!t) return { settings: { ...base } };
  const sources: FundingSource[] = [];
  const inSummary: string[] = [];
  let anyInSummary = false;
  for (let r = 1; r < t.input.values.length; r++) {
    const key = textOf(t, r, "key");
    const label = textOf(t, r, "label");
    if (!key || !label) continue;
    const src: FundingSource = {
      key,
      label,
      labelEn: textOf(t, r, "labelEn") ?? key,
      aliases: (textOf(t, r, "aliases") ?? "").split(/[,，]/).map((s) => s.trim()).filter(Boolean),
    };
    if (YES.test(textOf(t, r, "private") ?? "")) src.isPrivate = true;
    sources.push(src);
    const inc = textOf(t, r, "inSummary");
    if (inc !== null) anyInSummary = true;
    if (inc !== null && YES.test(inc)) inSummary.push(key);
  }
  if (!sources.length) return { settings: { ...base } };
  return { settings: { ...base, sources }, sourceKeys: anyInSummary ? inSummary : undefined };
}

interface PlanInfo {
  name?: string;
  region?: string;
  year?: number;
  rounding?: PlanSettings["roundingMode"];
  /** The plan-wide budget and headline targets, as one builder row of value cells. */
  budget?: RowsTable;
}

/** Plan facts kept as key / value rows (PlanInfo): name, region, year, rounding, budget, headline. */
function readPlanInfo(t: LocatedTable, sources: readonly FundingSource[], sink: ReadingSink): PlanInfo {
  const info: PlanInfo = {};
  const { sheet, origin } = t.input;
  const valueCol = t.index.value ?? 1;
  const at = (r: number) => ({ sheet, cell: a1(origin.row + r, origin.col + valueCol) });
  const budgetCells: unknown[] = [];
  const budgetRefs: Array<ReturnType<typeof at>> = [];
  const columns: Record<Field, number> = {};
  const addBudgetCell = (field: Field, r: number) => {
    const v = cellOf(t, r, "value");
    // Only stated figures: a source left blank is not a column of the published table.
    if (v === null || v === undefined || v === "") return;
    columns[field] = budgetCells.length;
    budgetCells.push(cellOf(t, r, "value"));
    budgetRefs.push(at(r));
  };
  for (let r = 1; r < t.input.values.length; r++) {
    const key = textOf(t, r, "key");
    if (!key) continue;
    const str = textOf(t, r, "value");
    if (key === "name") info.name = str ?? "";
    else if (key === "region") {
      if (str) info.region = str;
    } else if (key === "year") {
      const y = readCell(cellOf(t, r, "value"), { kind: "count" });
      if (y.kind === "value") info.year = y.value;
      else if (y.kind !== "blank" && y.kind !== "none")
        sink.add("unreadable", "warning", { ko: `연도 ${withParticle(`'${str}'`, "을/를")} 읽을 수 없습니다.`, en: `Cannot read the year '${str}'.` }, at(r), { table: "document", field: "year" });
    } else if (key === "rounding") {
      const mode = roundingModeOf(str);
      if (mode) info.rounding = mode;
      else if (str)
        sink.add("unreadable", "warning", { ko: `끝수 처리 ${withParticle(`'${str}'`, "을/를")} 알 수 없습니다 (half-up 또는 largest-remainder).`, en: `Unknown rounding '${str}' (half-up or largest-remainder).` }, at(r), { table: "document", field: "rounding" });
    } else if (key === "planBudget.total") addBudgetCell("total", r);
    else if (key.startsWith("planBudget.")) {
      const k = key.slice("planBudget.".length);
      if (sources.some((s) => s.key === k)) addBudgetCell(sourceField(k), r);
    } else if (key === "headline.insuredTarget") addBudgetCell("insuredTarget", r);
    else if (key === "headline.employmentRateTarget") addBudgetCell("employmentRateTarget", r);
  }
  if (budgetCells.length) {
    info.budget = {
      role: "planBudget",
      columns,
      rows: [budgetCells],
      at: (_r, c) => budgetRefs[c],
      where: { sheet, cell: a1(origin.row, origin.col) },
    };
  }
  return info;
}
