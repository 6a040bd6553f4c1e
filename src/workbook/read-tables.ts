/**
 * Reads a plan back from the tables of a workbook, whatever wrote it (jobplan, a person, an
 * export): tables are recognised by their headers in any sheet order, under any sheet name,
 * with extra columns and extra sheets ignored. Every figure gets a SourceRef {sheet, cell}
 * so that core findings point at cells. Problems become findings, never exceptions. Pure.
 */
import { convertAmount, likelyValue, parseNumber, toThousandWon } from "../core/amounts";
import type { Finding, FindingCode, PlanTable, Severity } from "../core/findings";
import type {
  Budget,
  CommonTarget,
  FundingSource,
  Measure,
  Plan,
  PlanSettings,
  Project,
  ScheduleRow,
  SourceRef,
  Strategy,
  SummaryStrategyRow,
  SummaryTaskRow,
  SummaryTotals,
  Task,
  Unit,
} from "../core/model";
import { defaultSettings, emptyPlan } from "../core/model";
import { nameKey } from "../core/names";
import {
  COMMON_TARGET_COLUMNS,
  FINDING_COLUMNS,
  matchHeaders,
  normalizeHeader,
  PLAN_INFO_COLUMNS,
  projectColumns,
  SCHEDULE_COLUMNS,
  SOURCE_LIST_COLUMNS,
  sourceColumnKey,
  STRATEGY_LIST_COLUMNS,
  summaryByStrategyColumns,
  summaryByTaskColumns,
  TASK_LIST_COLUMNS,
  taskPlanColumns,
} from "./columns";
import { levelOf, roundingModeOf } from "./sheet-words";
import { TABLE_NAMES } from "./summary-formulas";
import type { ColumnSpec } from "./workbook-model";
import { a1 } from "./workbook-model";

/** A merged range in sheet coordinates, 0-based, inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A table as found in a workbook: values start with the header row. */
export interface InputTable {
  sheet: string;
  /** Excel table name, if the block is an Excel table. */
  name?: string;
  /** Sheet position of the header row's first cell, 0-based. */
  origin: { row: number; col: number };
  values: unknown[][];
  /** The last row is the table's totals row. */
  hasTotalsRow?: boolean;
  /** Merged ranges of the sheet (those that touch the table are reported). */
  merged?: MergedRange[];
}

export type TableKind = keyof typeof TABLE_NAMES;

/** A table recognised as one of jobplan's. */
export interface LocatedTable {
  kind: TableKind;
  input: InputTable;
  columns: ColumnSpec[];
  /** Column key -> index within the table. */
  index: Record<string, number>;
}

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
  tables: Partial<Record<TableKind, LocatedTable>>;
}

const TOTAL_WORDS = new Set(["합계", "총계", "계", "total", "합", "소계"].map((w) => normalizeHeader(w)));

const KIND_TABLE: Record<TableKind, PlanTable | undefined> = {
  taskPlans: "task-plan",
  projects: "project",
  summaryByTask: "summary-by-task",
  summaryByStrategy: "summary-by-strategy",
  commonTargets: "common-targets",
  schedule: "schedule",
  findings: undefined,
  planInfo: "document",
  sourceList: "document",
  strategyList: "document",
  taskList: "document",
};

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

function columnsOf(kind: TableKind, settings: PlanSettings, sourceKeys?: string[]): ColumnSpec[] {
  switch (kind) {
    case "taskPlans":
      return taskPlanColumns(settings);
    case "projects":
      return projectColumns(settings);
    case "summaryByTask":
      return summaryByTaskColumns();
    case "summaryByStrategy":
      return summaryByStrategyColumns(settings, sourceKeys);
    case "commonTargets":
      return COMMON_TARGET_COLUMNS;
    case "schedule":
      return SCHEDULE_COLUMNS;
    case "findings":
      return FINDING_COLUMNS;
    case "planInfo":
      return PLAN_INFO_COLUMNS;
    case "sourceList":
      return SOURCE_LIST_COLUMNS;
    case "strategyList":
      return STRATEGY_LIST_COLUMNS;
    case "taskList":
      return TASK_LIST_COLUMNS;
  }
}

/** Whether a header row looks like a table of this kind (keys that must / must not match). */
function signatureOk(kind: TableKind, idx: Record<string, number>, header: unknown[]): boolean {
  const has = (...keys: string[]) => keys.every((k) => idx[k] !== undefined);
  const any = (...keys: string[]) => keys.some((k) => idx[k] !== undefined);
  const exact = (text: string) => header.some((h) => normalizeHeader(h) === normalizeHeader(text));
  switch (kind) {
    case "findings":
      return has("severity", "code", "message");
    case "planInfo":
      return has("key", "value");
    case "sourceList":
      return has("key", "label");
    case "schedule":
      return has("level", "name", "m1");
    case "strategyList":
      return exact("추진전략 목록") || exact("Strategies");
    case "taskList":
      return exact("실천과제 목록") || exact("Tasks");
    case "projects":
      return has("task", "project");
    case "taskPlans":
      return has("task", "total") && !exact("세부사업") && !exact("project");
    case "summaryByTask":
      return has("strategy", "task") && any("declaredBudget", "budget", "declaredTarget", "target") && !any("total") ;
    case "summaryByStrategy":
      return has("strategy") && any("declaredTotal", "total") && !exact("실천과제") && !exact("task");
    case "commonTargets":
      return has("name") && any("lastTarget", "lastResult", "achievementRate", "changeRate");
  }
}

const KIND_ORDER: TableKind[] = [
  "findings",
  "planInfo",
  "sourceList",
  "strategyList",
  "taskList",
  "schedule",
  "projects",
  "taskPlans",
  "summaryByTask",
  "summaryByStrategy",
  "commonTargets",
];

/** Which kind of table an input is: by Excel table name first, else by its headers. */
export function classifyTable(t: InputTable, settings: PlanSettings = defaultSettings()): TableKind | undefined {
  if (t.name) {
    const byName = (Object.keys(TABLE_NAMES) as TableKind[]).find((k) => TABLE_NAMES[k].toLowerCase() === t.name!.toLowerCase());
    if (byName) return byName;
  }
  const header = t.values[0] ?? [];
  let best: TableKind | undefined;
  let bestScore = 0;
  for (const kind of KIND_ORDER) {
    const m = matchHeaders(header, columnsOf(kind, settings));
    if (!signatureOk(kind, m.index, header)) continue;
    const score = Object.keys(m.index).length;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------

class Reader {
  findings: Finding[] = [];

  add(
    code: FindingCode,
    severity: Severity,
    ko: string,
    en: string,
    ref: SourceRef,
    table?: PlanTable,
    field?: string,
    path: string[] = [],
    figures?: Pick<Finding, "expected" | "actual" | "unit">,
  ): void {
    const location: Finding["location"] = { path, ...ref };
    if (table) location.table = table;
    if (field) location.field = field;
    this.findings.push({ code, severity, message: { ko, en }, location, ...figures });
  }
}

/** A cell read as a figure; a malformed one keeps its text and the readings it may stand for. */
type CellFigure =
  | { kind: "value"; value: number; decimals: number }
  | { kind: "empty" }
  | { kind: "malformed"; raw: string; candidates: number[] };

/** A body row of a located table, with cell access by column key. */
class RowView {
  /** Names (strategy, task, project) of the row, for findings; set once the row's names are read. */
  path: string[] = [];
  /** Text of the cells read as malformed figures, by column key. */
  private readonly malformedRaw = new Map<string, string>();

  constructor(
    readonly t: LocatedTable,
    readonly r: number,
    private readonly reader: Reader,
  ) {}

  has(key: string): boolean {
    return this.t.index[key] !== undefined;
  }

  raw(key: string): unknown {
    const c = this.t.index[key];
    if (c === undefined) return undefined;
    return this.t.input.values[this.r]?.[c];
  }

  ref(key: string): SourceRef {
    const c = this.t.index[key] ?? 0;
    const ref: SourceRef = { sheet: this.t.input.sheet, cell: a1(this.t.input.origin.row + this.r, this.t.input.origin.col + c) };
    // A malformed figure keeps its text, so that writing the plan again puts it back as it was.
    const raw = this.malformedRaw.get(key);
    if (raw !== undefined) ref.raw = raw;
    return ref;
  }

  text(key: string): string | null {
    const v = this.raw(key);
    if (v === null || v === undefined) return null;
    const s = String(v).trim();
    return s === "" ? null : s;
  }

  /**
   * The cell as a figure in `unit` (bare numbers are in it; `6,678억원` names its own). Nothing
   * is reported here: a malformed figure is resolved by the caller, which knows its row.
   */
  figure(key: string, unit?: Unit): CellFigure {
    const v = this.raw(key);
    if (v === null || v === undefined || v === "") return { kind: "empty" };
    const reading = parseNumber(typeof v === "number" ? v : String(v));
    if (reading.kind === "empty") return { kind: "empty" };
    if (reading.kind === "malformed") {
      const raw = String(v).trim();
      this.malformedRaw.set(key, raw);
      const from = reading.unit;
      const candidates =
        unit && from && from !== unit
          ? reading.candidates.map((c) => convertAmount(c, 0, from, unit)).filter((c): c is number => c !== null)
          : reading.candidates;
      return { kind: "malformed", raw, candidates };
    }
    if (unit && reading.unit && reading.unit !== unit) {
      const converted = unit === "천원" ? toThousandWon(reading) : null;
      if (converted !== null) return { kind: "value", value: converted, decimals: 0 };
    }
    return { kind: "value", value: reading.value, decimals: reading.decimals };
  }

  /**
   * Reports a malformed figure at its cell with the text, the readings and the value it was
   * read as (`likely`, chosen as the importer chooses it, so the checks see the same plan).
   */
  malformed(key: string, what: { ko: string; en: string }, f: Extract<CellFigure, { kind: "malformed" }>, likely: number | null, unit?: string, field = key): void {
    const col = this.t.columns.find((c) => c.key === key);
    const headerText = String(this.t.input.values[0]?.[this.t.index[key]] ?? col?.header.ko ?? key);
    const at = this.ref(key);
    const table = KIND_TABLE[this.t.kind];
    if (likely === null) {
      this.reader.add(
        "malformed-number",
        "error",
        `${what.ko} 칸 '${headerText}'에 숫자가 아닌 값 '${f.raw}'이(가) 있습니다.`,
        `${what.en} cell '${headerText}' holds '${f.raw}', which is not a number.`,
        at,
        table,
        field,
        this.path,
      );
      return;
    }
    const place = `${at.sheet}!${at.cell}`;
    const readings = f.candidates.map((c) => c.toLocaleString("en-US")).join(" / ");
    const read = likely.toLocaleString("en-US");
    const u = unit ?? "";
    this.reader.add(
      "malformed-number",
      "error",
      `잘못된 숫자 '${f.raw}' (${place}, ${headerText}): ${readings} 중 ${read}${u}(으)로 읽었습니다. 셀을 고쳐 주세요.`,
      `Malformed number '${f.raw}' (${place}, ${headerText}): could be ${readings}; read as ${read}${u ? " " + u : ""} (likely value). Fix the cell.`,
      at,
      table,
      field,
      this.path,
      { expected: likely, actual: null, ...(unit ? { unit } : {}) },
    );
  }

  /** A whole amount or count; text or fractions are findings, blanks and `-` are null. */
  whole(key: string, what: { ko: string; en: string }, unit?: Unit): number | null {
    const f = this.figure(key, unit);
    if (f.kind === "empty") return null;
    if (f.kind === "malformed") {
      // A lone figure has no row to fit: the first reading, as the importer takes it.
      const likely = f.candidates[0] ?? null;
      this.malformed(key, what, f, likely, unit ?? (what === COUNT ? "명" : undefined));
      return likely;
    }
    return this.checkWhole(key, what, f.value);
  }

  /** Reports a figure that is not a whole number (it is kept as read). */
  checkWhole(key: string, what: { ko: string; en: string }, value: number): number {
    if (!Number.isInteger(value)) {
      this.reader.add(
        "unit-precision",
        "error",
        `${what.ko} ${value}이(가) 정수가 아닙니다.`,
        `${what.en} ${value} is not a whole number.`,
        this.ref(key),
        KIND_TABLE[this.t.kind],
        key,
        this.path,
      );
    }
    return value;
  }

  measure(key: string, what: { ko: string; en: string }): Measure | null {
    const f = this.figure(key);
    if (f.kind === "empty") return null;
    if (f.kind === "malformed") {
      const likely = f.candidates[0] ?? null;
      this.malformed(key, what, f, likely);
      return likely === null ? null : { value: likely, decimals: 0, ref: this.ref(key) };
    }
    return { value: f.value, decimals: f.decimals, ref: this.ref(key) };
  }

  isBlank(): boolean {
    const row = this.t.input.values[this.r] ?? [];
    return Object.values(this.t.index).every((c) => {
      const v = row[c];
      return v === null || v === undefined || String(v).trim() === "";
    });
  }
}

const AMOUNT = { ko: "금액", en: "Amount" };
const COUNT = { ko: "인원", en: "Count" };

/** Body rows (1..n), without the totals row and blank rows. */
function bodyRows(t: LocatedTable, reader: Reader): { rows: RowView[]; totals?: RowView } {
  const n = t.input.values.length;
  const rows: RowView[] = [];
  let totals: RowView | undefined;
  for (let r = 1; r < n; r++) {
    const view = new RowView(t, r, reader);
    if (t.input.hasTotalsRow && r === n - 1) {
      totals = view;
      continue;
    }
    if (view.isBlank()) continue;
    rows.push(view);
  }
  return { rows, totals };
}

function isTotalRow(view: RowView): boolean {
  const s = view.text("strategy");
  return !!s && TOTAL_WORDS.has(normalizeHeader(s)) && !view.text("task");
}

/** Reports merged ranges that touch the table and copies the merged value into every cell. */
function unmerge(t: InputTable, reader: Reader): void {
  const rows = t.values.length;
  const cols = Math.max(0, ...t.values.map((r) => r.length));
  for (const m of t.merged ?? []) {
    const top = m.top - t.origin.row;
    const left = m.left - t.origin.col;
    const bottom = m.bottom - t.origin.row;
    const right = m.right - t.origin.col;
    if (bottom < 0 || right < 0 || top >= rows || left >= cols) continue;
    const range = `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
    reader.add(
      "unreadable",
      "warning",
      `병합된 셀 ${range}이(가) 표 안에 있습니다. 병합을 풀고 각 행에 값을 채우세요 (병합된 값을 각 셀에 채워 읽었습니다).`,
      `Merged cells ${range} inside a table. Unmerge them and fill every row (read with the merged value copied into each cell).`,
      { sheet: t.sheet, cell: a1(m.top, m.left) },
    );
    const value = t.values[Math.max(top, 0)]?.[Math.max(left, 0)];
    for (let r = Math.max(top, 0); r <= Math.min(bottom, rows - 1); r++) {
      for (let c = Math.max(left, 0); c <= Math.min(right, cols - 1); c++) {
        if (r === top && c === left) continue;
        if (r === 0) continue; // never copy into a header row
        t.values[r] = t.values[r] ?? [];
        t.values[r][c] = value;
      }
    }
  }
}

function locate(kind: TableKind, input: InputTable, settings: PlanSettings, reader: Reader, sourceKeys?: string[]): LocatedTable | undefined {
  const columns = columnsOf(kind, settings, sourceKeys);
  const header = input.values[0] ?? [];
  const m = matchHeaders(header, columns);
  const t: LocatedTable = { kind, input, columns, index: m.index };
  if (m.missing.length) {
    for (const c of m.missing) {
      reader.add(
        "missing-column",
        "error",
        `${KIND_LABEL[kind].ko} 표(${input.sheet}!${a1(input.origin.row, input.origin.col)})에 '${c.header.ko}' 열이 없습니다.`,
        `The ${KIND_LABEL[kind].en} table (${input.sheet}!${a1(input.origin.row, input.origin.col)}) has no '${c.header.en}' column.`,
        { sheet: input.sheet, cell: a1(input.origin.row, input.origin.col) },
        KIND_TABLE[kind],
        c.key,
      );
    }
    return undefined;
  }
  return t;
}

function readSettings(tables: Partial<Record<TableKind, LocatedTable>>, base: PlanSettings, reader: Reader): { settings: PlanSettings; sourceKeys?: string[] } {
  const t = tables.sourceList;
  if (!t) return { settings: base };
  const sources: FundingSource[] = [];
  const inSummary: string[] = [];
  let anyInSummary = false;
  for (const row of bodyRows(t, reader).rows) {
    const key = row.text("key");
    const label = row.text("label");
    if (!key || !label) continue;
    const yes = (s: string | null) => !!s && /^(y|yes|예|o|true|1|포함)$/i.test(s);
    const src: FundingSource = {
      key,
      label,
      labelEn: row.text("labelEn") ?? key,
      aliases: (row.text("aliases") ?? "").split(/[,，]/).map((s) => s.trim()).filter(Boolean),
    };
    if (yes(row.text("private"))) src.isPrivate = true;
    sources.push(src);
    const inc = row.text("inSummary");
    if (inc !== null) anyInSummary = true;
    if (yes(inc)) inSummary.push(key);
  }
  if (!sources.length) return { settings: base };
  return { settings: { ...base, sources }, sourceKeys: anyInSummary ? inSummary : undefined };
}

function budgetOf(row: RowView, settings: PlanSettings, keyOf: (sourceKey: string) => string, totalKey: string, unit: Unit | undefined): { budget: Budget; any: boolean } {
  const budget: Budget = { total: null, parts: {}, refs: {} };
  let any = false;
  const set = (field: string, value: number) => {
    if (field === "total") budget.total = value;
    else budget.parts[field] = value;
    any = true;
  };
  const cells = [
    ...(row.has(totalKey) ? [{ field: "total", key: totalKey }] : []),
    ...settings.sources.map((s) => ({ field: s.key, key: keyOf(s.key) })).filter((c) => row.has(c.key)),
  ];
  const pending: Array<{ field: string; key: string; f: Extract<CellFigure, { kind: "malformed" }> }> = [];
  for (const c of cells) {
    const f = row.figure(c.key, unit);
    budget.refs![c.field] = row.ref(c.key);
    if (f.kind === "value") set(c.field, row.checkWhole(c.key, AMOUNT, f.value));
    else if (f.kind === "malformed") pending.push({ ...c, f });
  }
  // After the readable figures, as the importer does, so that the row tells which reading fits.
  for (const p of pending) {
    const likely = likelyValue(p.f.candidates, p.field, budget.total, budget.parts);
    row.malformed(p.key, AMOUNT, p.f, likely, unit, p.field);
    if (likely !== null) set(p.field, likely);
  }
  return { budget, any };
}

/** Reads a plan from workbook tables. `settings` is used when the workbook has no SourceList. */
export function readPlanFromTables(inputs: InputTable[], settings?: PlanSettings): ReadResult {
  const reader = new Reader();
  const base = settings ?? defaultSettings();
  const tables: Partial<Record<TableKind, LocatedTable>> = {};
  const inputsByKind: Partial<Record<TableKind, InputTable>> = {};
  // Work on copies: unmerging writes into the values.
  const copies = inputs.map((t) => ({ ...t, values: t.values.map((r) => [...r]) }));
  for (const t of copies) {
    const kind = classifyTable(t, base);
    if (!kind) continue;
    if (inputsByKind[kind]) {
      reader.add(
        "duplicate-name",
        "warning",
        `${KIND_LABEL[kind].ko} 표가 두 번 있습니다 (${t.sheet}). 첫 번째 표만 읽었습니다.`,
        `A second ${KIND_LABEL[kind].en} table (${t.sheet}); only the first one was read.`,
        { sheet: t.sheet, cell: a1(t.origin.row, t.origin.col) },
      );
      continue;
    }
    inputsByKind[kind] = t;
  }
  if (!inputsByKind.taskPlans) {
    // A table that looks like a task plan but lacks a required column: say which.
    const classified = new Set(Object.values(inputsByKind));
    const candidate = copies.find((t) => {
      if (classified.has(t)) return false;
      const m = matchHeaders(t.values[0] ?? [], taskPlanColumns(base));
      return m.index.task !== undefined && Object.keys(m.index).length >= 3;
    });
    if (candidate) inputsByKind.taskPlans = candidate;
  }
  for (const kind of Object.keys(inputsByKind) as TableKind[]) {
    if (kind !== "findings") unmerge(inputsByKind[kind]!, reader);
  }
  // Settings first: source columns depend on them.
  if (inputsByKind.sourceList) {
    const t = locate("sourceList", inputsByKind.sourceList, base, reader);
    if (t) tables.sourceList = t;
  }
  const { settings: readSettingsResult, sourceKeys } = readSettings(tables, base, reader);
  const plan = emptyPlan();
  plan.settings = readSettingsResult;
  if (sourceKeys) plan.summary.sourceKeys = sourceKeys;
  for (const kind of Object.keys(inputsByKind) as TableKind[]) {
    if (kind === "sourceList") continue;
    // Re-classify with the workbook's own sources (a 군 plan: 도비, 군비).
    const t = locate(kind, inputsByKind[kind]!, plan.settings, reader, plan.summary.sourceKeys);
    if (t) tables[kind] = t;
  }

  readPlanInfo(tables.planInfo, plan, reader);
  readTaskPlans(tables, inputsByKind, plan, reader);
  readProjects(tables.projects, plan, reader);
  readSummaryByTask(tables.summaryByTask, plan, reader);
  readSummaryByStrategy(tables.summaryByStrategy, plan, reader);
  readCommonTargets(tables.commonTargets, plan, reader);
  readSchedule(tables.schedule, plan, reader);
  return { plan, findings: reader.findings, tables };
}

function readPlanInfo(t: LocatedTable | undefined, plan: Plan, reader: Reader): void {
  if (!t) return;
  const pb: Budget = { total: null, parts: {}, refs: {} };
  let anyBudget = false;
  for (const row of bodyRows(t, reader).rows) {
    const key = row.text("key");
    if (!key) continue;
    const value = row.raw("value");
    const str = row.text("value");
    if (key === "name") plan.name = str ?? "";
    else if (key === "region") {
      if (str) plan.region = str;
    } else if (key === "year") {
      const y = row.whole("value", { ko: "연도", en: "Year" });
      if (y !== null) plan.year = y;
    } else if (key === "rounding") {
      const mode = roundingModeOf(str);
      if (mode) plan.settings.roundingMode = mode;
      else if (str)
        reader.add("unreadable", "warning", `끝수 처리 '${str}'을(를) 알 수 없습니다 (half-up 또는 largest-remainder).`, `Unknown rounding '${str}' (half-up or largest-remainder).`, row.ref("value"), "document", "rounding");
    } else if (key.startsWith("planBudget.")) {
      const k = key.slice("planBudget.".length);
      const n = row.whole("value", AMOUNT);
      if (k === "total") {
        pb.total = n;
        pb.refs!.total = row.ref("value");
      } else {
        pb.refs![k] = row.ref("value");
        if (n !== null) pb.parts[k] = n;
      }
      if (n !== null) anyBudget = true;
    } else if (key.startsWith("headline.")) {
      const m = row.measure("value", { ko: "목표", en: "Target" });
      if (m) {
        plan.headline = plan.headline ?? {};
        if (key === "headline.insuredTarget") plan.headline.insuredTarget = m;
        if (key === "headline.employmentRateTarget") plan.headline.employmentRateTarget = m;
      }
    }
    void value;
  }
  if (anyBudget) plan.summary.planBudget = pb;
}

function emptyTableFinding(t: LocatedTable, reader: Reader): void {
  reader.add(
    "missing-table",
    "warning",
    `${KIND_LABEL[t.kind].ko} 표(${t.input.sheet})가 비어 있습니다.`,
    `The ${KIND_LABEL[t.kind].en} table (${t.input.sheet}) is empty.`,
    { sheet: t.input.sheet, cell: a1(t.input.origin.row, t.input.origin.col) },
    KIND_TABLE[t.kind],
  );
}

function readTaskPlans(tables: Partial<Record<TableKind, LocatedTable>>, inputs: Partial<Record<TableKind, InputTable>>, plan: Plan, reader: Reader): void {
  const t = tables.taskPlans;
  if (!t) {
    if (!inputs.taskPlans) {
      reader.add(
        "missing-table",
        "error",
        "추진계획 표(추진전략, 실천과제, 일자리 목표, 계, 재원별 금액)를 찾지 못했습니다.",
        "No task plan table (strategy, task, job target, total, amounts by source) was found.",
        {},
        "task-plan",
      );
    }
    return;
  }
  const { rows } = bodyRows(t, reader);
  if (!rows.length) emptyTableFinding(t, reader);
  const seen = new Map<string, SourceRef>();
  let lastStrategy: string | null = null;
  for (const row of rows) {
    const strategyName: string | null = row.text("strategy") ?? lastStrategy;
    const taskName = row.text("task");
    if (!strategyName || !taskName) {
      reader.add(
        "unreadable",
        "error",
        `추진계획 행에 ${!strategyName ? "추진전략" : "실천과제"} 이름이 없습니다.`,
        `A task plan row has no ${!strategyName ? "strategy" : "task"} name.`,
        row.ref(!strategyName ? "strategy" : "task"),
        "task-plan",
      );
      continue;
    }
    lastStrategy = strategyName;
    const dupKey = nameKey(strategyName) + "\u0000" + nameKey(taskName);
    const first = seen.get(dupKey);
    if (first) {
      reader.add(
        "duplicate-name",
        "error",
        `실천과제 '${taskName}'이(가) 추진전략 '${strategyName}' 아래에 두 번 있습니다 (처음: ${first.sheet}!${first.cell}).`,
        `Task '${taskName}' appears twice under strategy '${strategyName}' (first at ${first.sheet}!${first.cell}).`,
        row.ref("task"),
        "task-plan",
        "task",
        [strategyName, taskName],
      );
    } else seen.set(dupKey, row.ref("task"));
    const strategy = findOrAddStrategy(plan, strategyName, row.ref("strategy"));
    row.path = [strategyName, taskName];
    const { budget } = budgetOf(row, plan.settings, sourceColumnKey, "total", "천원");
    const task: Task = {
      name: taskName,
      target: row.whole("target", COUNT),
      targetRef: row.ref("target"),
      budget,
      projects: [],
      ref: row.ref("task"),
    };
    strategy.tasks.push(task);
  }
}

function findOrAddStrategy(plan: Plan, name: string, ref: SourceRef): Strategy {
  let s = plan.strategies.find((x) => x.name === name);
  if (!s) {
    s = { name, tasks: [], ref };
    plan.strategies.push(s);
  }
  return s;
}

function readProjects(t: LocatedTable | undefined, plan: Plan, reader: Reader): void {
  if (!t) return;
  const { rows } = bodyRows(t, reader);
  const index = {
    byBoth: new Map<string, Task>(),
    byTask: new Map<string, Task>(),
    add(strategy: string, task: Task) {
      const k = nameKey(task.name);
      const both = nameKey(strategy) + "\u0000" + k;
      if (!this.byBoth.has(both)) this.byBoth.set(both, task);
      if (!this.byTask.has(k)) this.byTask.set(k, task);
    },
  };
  for (const s of plan.strategies) for (const task of s.tasks) index.add(s.name, task);
  let lastStrategy: string | null = null;
  let lastTask: string | null = null;
  for (const row of rows) {
    const strategyName: string | null = row.text("strategy") ?? lastStrategy;
    const taskName: string | null = row.text("task") ?? lastTask;
    const name = row.text("project");
    if (!name) {
      reader.add("unreadable", "error", "세부사업 행에 사업명이 없습니다.", "A project row has no project name.", row.ref("project"), "project");
      continue;
    }
    if (!taskName) {
      reader.add("unreadable", "error", `세부사업 '${name}'의 실천과제가 없습니다.`, `Project '${name}' has no task.`, row.ref("task"), "project");
      continue;
    }
    lastStrategy = strategyName;
    lastTask = taskName;
    const taskKey = nameKey(taskName);
    let task = (strategyName ? index.byBoth.get(nameKey(strategyName) + "\u0000" + taskKey) : undefined) ?? index.byTask.get(taskKey);
    if (!task) {
      reader.add(
        "unmatched",
        "warning",
        `세부사업 '${name}'의 실천과제 '${taskName}'이(가) 추진계획 표에 없습니다.`,
        `Task '${taskName}' of project '${name}' is not in the task plan table.`,
        row.ref("task"),
        "project",
        "task",
        [strategyName ?? "", taskName],
      );
      const strategy = findOrAddStrategy(plan, strategyName ?? "", row.ref("strategy"));
      task = { name: taskName, target: null, budget: { total: null, parts: {} }, projects: [], ref: row.ref("task") };
      strategy.tasks.push(task);
      index.add(strategy.name, task);
    }
    const project: Project = { name, ref: row.ref("project") };
    row.path = [strategyName ?? "", taskName, name];
    const { budget, any } = budgetOf(row, plan.settings, sourceColumnKey, "total", "천원");
    if (any) project.budget = budget;
    if (row.has("headcount")) {
      const h = row.whole("headcount", COUNT);
      if (h !== null) {
        project.headcount = h;
        project.headcountRef = row.ref("headcount");
      }
    }
    task.projects.push(project);
  }
}

function splitProjects(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((s) => s.replace(/^[\s▷▶•]+/, "").trim())
    .filter(Boolean);
}

function readSummaryByTask(t: LocatedTable | undefined, plan: Plan, reader: Reader): void {
  if (!t) return;
  const { rows, totals } = bodyRows(t, reader);
  const out: SummaryTaskRow[] = [];
  let total: SummaryTotals | undefined;
  let lastStrategy: string | null = null;
  const totalOf = (row: RowView): SummaryTotals | undefined => {
    row.path = [row.text("strategy") ?? ""];
    const target = row.whole("declaredTarget", COUNT);
    const budget = row.whole("declaredBudget", AMOUNT);
    if (target === null && budget === null) return undefined;
    return {
      target,
      budget: { total: budget, parts: {}, refs: { total: row.ref("declaredBudget") } },
      ref: row.ref("strategy"),
      targetRef: row.ref("declaredTarget"),
    };
  };
  for (const row of rows) {
    if (isTotalRow(row)) {
      total = totalOf(row) ?? total;
      continue;
    }
    const strategy: string = row.text("strategy") ?? lastStrategy ?? "";
    lastStrategy = strategy;
    const task = row.text("task") ?? "";
    const projects = splitProjects(row.text("projects"));
    row.path = [strategy, task];
    const target = row.whole("declaredTarget", COUNT);
    const budget = row.whole("declaredBudget", AMOUNT);
    if (!projects.length && target === null && budget === null) continue;
    out.push({
      strategy,
      task,
      projects,
      target,
      budget,
      ref: row.ref("task"),
      refs: { target: row.ref("declaredTarget"), budget: row.ref("declaredBudget"), projects: row.ref("projects") },
    });
  }
  if (totals) total = totalOf(totals) ?? total;
  if (out.length || total) {
    plan.summary.byTask = { rows: out };
    if (total) plan.summary.byTask.total = total;
  }
}

function readSummaryByStrategy(t: LocatedTable | undefined, plan: Plan, reader: Reader): void {
  if (!t) return;
  const { rows, totals } = bodyRows(t, reader);
  const out: SummaryStrategyRow[] = [];
  let total: SummaryTotals | undefined;
  const declaredOf = (row: RowView) => {
    row.path = [row.text("strategy") ?? ""];
    const target = row.whole("declaredTarget", COUNT);
    const { budget, any } = budgetOf(row, plan.settings, (k) => "declared:" + sourceColumnKey(k), "declaredTotal", undefined);
    return { target, budget, any: any || target !== null };
  };
  for (const row of [...rows, ...(totals ? [totals] : [])]) {
    const d = declaredOf(row);
    if (!d.any) continue;
    if (row === totals || isTotalRow(row)) {
      total = { target: d.target, budget: d.budget, ref: row.ref("strategy"), targetRef: row.ref("declaredTarget") };
      continue;
    }
    out.push({ strategy: row.text("strategy") ?? "", target: d.target, budget: d.budget, ref: row.ref("strategy"), targetRef: row.ref("declaredTarget") });
  }
  if (out.length || total) {
    plan.summary.byStrategy = { rows: out };
    if (total) plan.summary.byStrategy.total = total;
  }
}

function readCommonTargets(t: LocatedTable | undefined, plan: Plan, reader: Reader): void {
  if (!t) return;
  const what = { ko: "공통목표", en: "Common target" };
  for (const row of bodyRows(t, reader).rows) {
    const name = row.text("name");
    if (!name) continue;
    row.path = [name];
    const unitText = row.text("unit") ?? "";
    const c: CommonTarget = {
      name,
      unit: unitText.includes("%") ? "%" : "명",
      ref: row.ref("name"),
      lastTarget: row.measure("lastTarget", what),
      lastResult: row.measure("lastResult", what),
      achievementRate: row.measure("achievementRate", what),
      target: row.measure("target", what),
      changeRate: row.measure("changeRate", what),
    };
    plan.commonTargets.push(c);
  }
}

function readSchedule(t: LocatedTable | undefined, plan: Plan, reader: Reader): void {
  if (!t) return;
  for (const row of bodyRows(t, reader).rows) {
    const name = row.text("name");
    if (!name) continue;
    const level = row.text("level");
    const r: ScheduleRow = {
      level: levelOf(level) ?? "project",
      name,
      months: Array.from({ length: 12 }, (_, i) => row.text(`m${i + 1}`) ?? ""),
      ref: row.ref("name"),
    };
    plan.schedule.push(r);
  }
}
