/**
 * The jobplan workbook as a WorkbookSpec: one Excel table per sheet (settings: several),
 * Korean headers, `#,##0` formats, frozen header rows, pick lists, split highlighting and
 * native SUMIFS formulas for every generated summary figure. Pure.
 */
import type { Finding } from "../core/findings";
import { formatLocation } from "../core/findings";
import { largestRemainder, thousandToMillion } from "../core/amounts";
import type { Budget, FundingSource, Plan, PlanSettings, SourceRef, SummaryStrategyRow, SummaryTaskRow, SummaryTotals } from "../core/model";
import { emptyPlan } from "../core/model";
import { matchNames } from "../core/names";
import { SEVERITY_WORDS } from "../core/vocabulary";
import { rollupDetail, type Figures } from "../core/rollup";
import {
  AMOUNT_FORMAT,
  COMMON_TARGET_COLUMNS,
  FINDING_COLUMNS,
  PLAN_INFO_COLUMNS,
  projectColumns,
  SCHEDULE_COLUMNS,
  SOURCE_LIST_COLUMNS,
  sourceColumnKey,
  STRATEGY_LIST_COLUMNS,
  summaryByStrategyColumns,
  summaryByTaskColumns,
  summarySources,
  TASK_LIST_COLUMNS,
  taskPlanColumns,
} from "./columns";
import { planInfoRows } from "./plan-info";
import {
  budgetFormula,
  countedRowFormula,
  type Criterion,
  sourceFormula,
  STATUS_WORDS,
  statusFormula,
  TABLE_NAMES,
  targetFormula,
  type TaskPlanRefs,
  thisRowRef,
} from "./summary-formulas";
import type {
  CellSpec,
  CellValue,
  ColumnSpec,
  ConditionalFormatSpec,
  DataValidationSpec,
  SheetSpec,
  TableSpec,
  WorkbookSpec,
} from "./workbook-model";
import { a1, columnLetter } from "./workbook-model";

export const SHEET_NAMES = {
  summaryByTask: "요약",
  summaryByStrategy: "분야별 목표",
  projects: "세부사업",
  taskPlans: "추진계획",
  commonTargets: "공통목표",
  schedule: "추진일정",
  findings: "검증",
  settings: "설정",
} as const;

export interface BuildOptions {
  /** Language of findings messages and status words; headers stay Korean. */
  lang?: "ko" | "en";
  /** Rows the pick lists and validations cover below each header (default 1000). */
  validationRows?: number;
}

/** Settings sheet layout: tables side by side so that each list can grow downwards. */
export const SETTINGS_ORIGINS = {
  planInfo: { row: 0, col: 0 },
  sourceList: { row: 0, col: 4 },
  strategyList: { row: 0, col: 11 },
  taskList: { row: 0, col: 13 },
} as const;

const LIST_ROWS = 1000;

const SPLIT_FILL = "FFFFC7CE";
const SPLIT_FONT = "FF9C0006";

function v(value: CellValue | undefined, numberFormat?: string): CellSpec {
  const cell: CellSpec = { value: value === undefined ? null : value };
  if (numberFormat) cell.numberFormat = numberFormat;
  return cell;
}

/**
 * A figure's cell: its value, or the text the source held where that was a malformed number
 * (`867,5000천원`). The text stays text, so the reader reports the cell again instead of
 * the workbook carrying a guess nobody typed; the format applies once someone fixes it.
 */
function figure(value: number | null | undefined, ref: SourceRef | undefined, numberFormat: string = AMOUNT_FORMAT): CellSpec {
  return ref?.raw !== undefined ? v(ref.raw, numberFormat) : v(value ?? null, numberFormat);
}

function f(formula: string, numberFormat?: string): CellSpec {
  return numberFormat ? { formula, numberFormat } : { formula };
}

function header(cols: ColumnSpec[], key: string): string {
  const c = cols.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c.header.ko;
}

function colIndex(cols: ColumnSpec[], key: string): number {
  return cols.findIndex((c) => c.key === key);
}

function listSource(origin: { row: number; col: number }): string {
  const col = columnLetter(origin.col);
  return `='${SHEET_NAMES.settings}'!$${col}$${origin.row + 2}:$${col}$${origin.row + 1 + LIST_ROWS}`;
}

function amountValidations(cols: ColumnSpec[], userOnly = true): DataValidationSpec[] {
  return cols
    .filter((c) => (c.type === "amount" || c.type === "integer") && !(userOnly && c.generated))
    .map((c) => ({
      column: c.key,
      kind: "wholeNumber>=0" as const,
      prompt: { ko: "0 이상의 정수를 입력하세요.", en: "Enter a whole number, 0 or more." },
    }));
}

function pickListValidations(): DataValidationSpec[] {
  return [
    { column: "strategy", kind: "list", source: listSource(SETTINGS_ORIGINS.strategyList), prompt: { ko: "설정 시트의 추진전략 목록에서 고르세요.", en: "Pick a strategy from the settings sheet." } },
    { column: "task", kind: "list", source: listSource(SETTINGS_ORIGINS.taskList), prompt: { ko: "설정 시트의 실천과제 목록에서 고르세요.", en: "Pick a task from the settings sheet." } },
  ];
}

/** Highlights a row whose 계 is not the sum of its sources (relative to the first body row). */
function splitFormat(cols: ColumnSpec[], origin: { row: number; col: number }, totalKey: string, partKeys: string[]): ConditionalFormatSpec {
  const row = origin.row + 2;
  const ref = (key: string) => `$${columnLetter(origin.col + colIndex(cols, key))}${row}`;
  const total = ref(totalKey);
  const parts = partKeys.filter((k) => colIndex(cols, k) >= 0).map((k) => `N(${ref(k)})`);
  return {
    columns: [totalKey, ...partKeys],
    formula: `AND(${total}<>"",${total}<>${parts.length ? parts.join("+") : "0"})`,
    fill: SPLIT_FILL,
    fontColor: SPLIT_FONT,
  };
}

function budgetCells(budget: Budget | undefined, sources: readonly FundingSource[]): CellSpec[] {
  return [
    figure(budget ? budget.total : null, budget?.refs?.total),
    ...sources.map((s) => figure(budget?.parts[s.key], budget?.refs?.[s.key])),
  ];
}

/** TaskPlans header texts as this template writes them. */
export function templateTaskPlanRefs(settings: PlanSettings): TaskPlanRefs {
  const cols = taskPlanColumns(settings);
  const sources: Record<string, string> = {};
  for (const s of settings.sources) sources[s.key] = header(cols, sourceColumnKey(s.key));
  return {
    table: TABLE_NAMES.taskPlans,
    strategy: header(cols, "strategy"),
    task: header(cols, "task"),
    target: header(cols, "target"),
    total: header(cols, "total"),
    counted: header(cols, "counted"),
    sources,
  };
}

/** Which keys the summary counts, and which it leaves out (민자). */
export function summaryKeys(plan: Plan): { included: string[]; excluded: string[] } {
  const included = summarySources(plan.settings, plan.summary.sourceKeys).map((s) => s.key);
  const excluded = plan.settings.sources.map((s) => s.key).filter((k) => !included.includes(k));
  return { included, excluded };
}

/**
 * Largest-remainder nudges for one row of the strategy summary: the amount to add to each
 * plainly rounded source so that the row adds up (all zeros in half-up mode).
 */
export function roundingAdjustments(figures: Figures, keys: readonly string[], mode: Plan["settings"]["roundingMode"]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = 0;
  if (mode !== "largest-remainder") return out;
  const parts = keys.map((k) => figures.parts[k] ?? 0);
  if (parts.reduce((a, b) => a + b, 0) !== figures.total) return out;
  const lr = largestRemainder(parts, 1000);
  keys.forEach((k, i) => (out[k] = lr[i] - thousandToMillion(parts[i])));
  return out;
}

function criterion(rowName: string, detailName: string | undefined, table: string, headerText: string): Criterion {
  if (detailName === undefined || detailName === rowName) return { kind: "cell", ref: thisRowRef(table, headerText) };
  return { kind: "literal", name: detailName };
}

// ---------------------------------------------------------------------------------------

function summaryByTaskTable(plan: Plan, lang: "ko" | "en"): TableSpec {
  const cols = summaryByTaskColumns();
  const t = templateTaskPlanRefs(plan.settings);
  const { excluded } = summaryKeys(plan);
  const table = TABLE_NAMES.summaryByTask;
  const H = (k: string) => header(cols, k);
  const detail = plan.strategies.flatMap((s) => s.tasks.map((task) => ({ strategy: s.name, task: task.name })));
  const declared = plan.summary.byTask?.rows ?? [];
  const match = matchNames(
    declared.map((r) => r.task),
    detail.map((d) => d.task),
  );
  const used = new Set(match.filter((m): m is number => m !== undefined));
  const status = () =>
    statusFormula(table, [[H("declaredTarget"), H("target")], [H("declaredBudget"), H("budget")]], "#This Row", STATUS_WORDS[lang]);
  const rowCells = (strategy: string, task: string, projects: string[], declaredRow?: SummaryTaskRow, m?: { strategy: string; task: string }) => {
    const cs = criterion(strategy, m?.strategy, table, H("strategy"));
    const ct = criterion(task, m?.task, table, H("task"));
    return [
      v(strategy),
      v(task),
      v(projects.length ? projects.join("\n") : null),
      figure(declaredRow?.target, declaredRow?.refs?.target),
      figure(declaredRow?.budget, declaredRow?.refs?.budget),
      f(targetFormula(t, cs, ct), AMOUNT_FORMAT),
      f(budgetFormula(t, excluded, cs, ct), AMOUNT_FORMAT),
      f(status()),
    ];
  };
  const subtotals = plan.summary.byTask?.subtotals ?? [];
  const rows: CellSpec[][] = [];
  declared.forEach((r, i) => {
    const m = match[i] !== undefined ? detail[match[i]!] : undefined;
    rows.push(rowCells(r.strategy, r.task, r.projects, r, m ?? { strategy: r.strategy, task: r.task }));
    // A 소계 row the document states goes after its strategy's last row, as declared figures only.
    const last = i === declared.length - 1 || declared[i + 1].strategy !== r.strategy;
    const sub = last ? subtotals.find((x) => x.strategy === r.strategy) : undefined;
    if (sub) rows.push([v(r.strategy), v(lang === "en" ? "Subtotal" : "소계"), v(null), figure(sub.target, sub.refs?.target), figure(sub.budget, sub.refs?.budget), v(null), v(null), v(null)]);
  });
  detail.forEach((d, j) => {
    if (!used.has(j)) rows.push(rowCells(d.strategy, d.task, []));
  });
  const total = plan.summary.byTask?.total;
  const totals: CellSpec[] = [
    v(lang === "en" ? "Total" : "합계"),
    v(null),
    v(null),
    figure(total?.target, total?.targetRef),
    figure(total?.budget.total, total?.budget.refs?.total),
    f(targetFormula(t), AMOUNT_FORMAT),
    f(budgetFormula(t, excluded), AMOUNT_FORMAT),
    f(statusFormula(table, [[H("declaredTarget"), H("target")], [H("declaredBudget"), H("budget")]], "#Totals", STATUS_WORDS[lang])),
  ];
  return {
    name: table,
    columns: cols,
    origin: { row: 0, col: 0 },
    rows,
    totals,
    validations: [...amountValidations(cols)],
  };
}

function summaryByStrategyTable(plan: Plan, lang: "ko" | "en"): TableSpec {
  const cols = summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys);
  const t = templateTaskPlanRefs(plan.settings);
  const { included, excluded } = summaryKeys(plan);
  const table = TABLE_NAMES.summaryByStrategy;
  const H = (k: string) => header(cols, k);
  const detail = rollupDetail(plan);
  const mode = plan.settings.roundingMode;
  const declared = plan.summary.byStrategy?.rows ?? [];
  const names = plan.strategies.map((s) => s.name);
  const match = matchNames(
    declared.map((r) => r.strategy),
    names,
  );
  const used = new Set(match.filter((m): m is number => m !== undefined));
  const pairs: Array<[string, string]> = [
    [H("declaredTarget"), H("target")],
    [H("declaredTotal"), H("total")],
    ...included.map((k): [string, string] => [H("declared:" + sourceColumnKey(k)), H("gen:" + sourceColumnKey(k))]),
  ];
  const generated = (cs: Criterion | undefined, figures: Figures | undefined) => {
    const adj = figures ? roundingAdjustments(figures, included, mode) : {};
    return [
      f(targetFormula(t, cs), AMOUNT_FORMAT),
      f(budgetFormula(t, excluded, cs), AMOUNT_FORMAT),
      ...included.map((k) => f(sourceFormula(t, k, adj[k] ?? 0, cs), AMOUNT_FORMAT)),
    ];
  };
  const declaredCells = (declared?: SummaryStrategyRow | SummaryTotals) => [
    figure(declared?.target, declared?.targetRef),
    figure(declared?.budget.total, declared?.budget.refs?.total),
    ...included.map((k) => figure(declared?.budget.parts[k], declared?.budget.refs?.[k])),
  ];
  const rows: CellSpec[][] = declared.map((r, i) => {
    const s = match[i];
    const cs = criterion(r.strategy, s !== undefined ? names[s] : undefined, table, H("strategy"));
    return [
      v(r.strategy),
      ...declaredCells(r),
      ...generated(cs, s !== undefined ? detail.strategies[s] : undefined),
      f(statusFormula(table, pairs, "#This Row", STATUS_WORDS[lang])),
    ];
  });
  names.forEach((name, s) => {
    if (used.has(s)) return;
    rows.push([
      v(name),
      ...declaredCells(),
      ...generated(criterion(name, undefined, table, H("strategy")), detail.strategies[s]),
      f(statusFormula(table, pairs, "#This Row", STATUS_WORDS[lang])),
    ]);
  });
  const total = plan.summary.byStrategy?.total;
  const totals: CellSpec[] = [
    v(lang === "en" ? "Total" : "총계"),
    ...declaredCells(total),
    ...generated(undefined, detail.plan),
    f(statusFormula(table, pairs, "#Totals", STATUS_WORDS[lang])),
  ];
  const origin = { row: 0, col: 0 };
  return {
    name: table,
    columns: cols,
    origin,
    rows,
    totals,
    validations: amountValidations(cols),
    conditionalFormats: [
      splitFormat(cols, origin, "declaredTotal", included.map((k) => "declared:" + sourceColumnKey(k))),
    ],
  };
}

function taskPlansTable(plan: Plan): TableSpec {
  const settings = plan.settings;
  const cols = taskPlanColumns(settings);
  const table = TABLE_NAMES.taskPlans;
  const { included, excluded } = summaryKeys(plan);
  const srcHeader = (k: string) => header(cols, sourceColumnKey(k));
  const counted = countedRowFormula(table, header(cols, "total"), included.map(srcHeader), excluded.map(srcHeader));
  const rows: CellSpec[][] = [];
  for (const s of plan.strategies) {
    for (const task of s.tasks) {
      rows.push([v(s.name), v(task.name), figure(task.target, task.targetRef), ...budgetCells(task.budget, settings.sources), f(counted, AMOUNT_FORMAT)]);
    }
  }
  const origin = { row: 0, col: 0 };
  return {
    name: table,
    columns: cols,
    origin,
    rows,
    validations: [...pickListValidations(), ...amountValidations(cols)],
    conditionalFormats: [splitFormat(cols, origin, "total", settings.sources.map((x) => sourceColumnKey(x.key)))],
  };
}

function projectsTable(plan: Plan): TableSpec {
  const settings = plan.settings;
  const cols = projectColumns(settings);
  const rows: CellSpec[][] = [];
  for (const s of plan.strategies) {
    for (const task of s.tasks) {
      for (const p of task.projects) {
        rows.push([v(s.name), v(task.name), v(p.name), figure(p.headcount, p.headcountRef), ...budgetCells(p.budget, settings.sources)]);
      }
    }
  }
  const origin = { row: 0, col: 0 };
  return {
    name: TABLE_NAMES.projects,
    columns: cols,
    origin,
    rows,
    validations: [...pickListValidations(), ...amountValidations(cols)],
    conditionalFormats: [splitFormat(cols, origin, "total", settings.sources.map((x) => sourceColumnKey(x.key)))],
  };
}

function measureFormat(decimals: number | undefined): string {
  return decimals && decimals > 0 ? "#,##0." + "0".repeat(decimals) : AMOUNT_FORMAT;
}

function commonTargetsTable(plan: Plan): TableSpec {
  const rows = plan.commonTargets.map((c) => {
    const m = (x: typeof c.target) => figure(x?.value, x?.ref, measureFormat(x?.decimals));
    return [v(c.name), v(c.unit), m(c.lastTarget), m(c.lastResult), m(c.achievementRate), m(c.target), m(c.changeRate)];
  });
  return { name: TABLE_NAMES.commonTargets, columns: COMMON_TARGET_COLUMNS, origin: { row: 0, col: 0 }, rows };
}

function scheduleTable(plan: Plan): TableSpec {
  const rows = plan.schedule.map((r) => [v(r.level), v(r.name), ...Array.from({ length: 12 }, (_, i) => v(r.months[i] || null))]);
  return { name: TABLE_NAMES.schedule, columns: SCHEDULE_COLUMNS, origin: { row: 0, col: 0 }, rows };
}


/** A finding's place as `sheet!cell`, `line N` or the names path. */
export function findingPlace(finding: Finding): string {
  const loc = finding.location;
  if (loc.sheet) return loc.cell ? `${loc.sheet}!${loc.cell}` : loc.sheet;
  if (loc.line !== undefined) return `line ${loc.line}`;
  return formatLocation(loc);
}

/** Findings table rows (pure), shared by the template and `summarize`. */
export function findingsRows(findings: readonly Finding[], lang: "ko" | "en" = "ko"): CellSpec[][] {
  return findings.map((x) => {
    const path = x.location.path.join(" › ");
    const place = findingPlace(x);
    const where = path && place !== formatLocation(x.location) ? `${place} (${path})` : place;
    return [
      v(SEVERITY_WORDS[lang][x.severity]),
      v(x.code),
      v(where),
      v(x.message[lang]),
      v(x.expected ?? null, AMOUNT_FORMAT),
      v(x.actual ?? null, AMOUNT_FORMAT),
      v(x.unit ?? null),
    ];
  });
}

function findingsTable(findings: readonly Finding[], lang: "ko" | "en"): TableSpec {
  return { name: TABLE_NAMES.findings, columns: FINDING_COLUMNS, origin: { row: 0, col: 0 }, rows: findingsRows(findings, lang) };
}

function settingsTables(plan: Plan): TableSpec[] {
  const info = planInfoRows(plan).map((r) => [v(r.key), v(r.item), v(r.raw ?? r.value, typeof r.value === "number" ? measureFormat(r.decimals) : undefined)]);
  const inSummary = plan.summary.sourceKeys;
  const sources = plan.settings.sources.map((s) => [
    v(s.key),
    v(s.label),
    v(s.labelEn),
    v(s.aliases.join(", ")),
    v(s.isPrivate ? "Y" : "N"),
    v(inSummary ? (inSummary.includes(s.key) ? "Y" : "N") : null),
  ]);
  const strategies = plan.strategies.map((s) => [v(s.name)]);
  const tasks = plan.strategies.flatMap((s) => s.tasks.map((t) => [v(t.name), v(s.name)]));
  return [
    { name: TABLE_NAMES.planInfo, columns: PLAN_INFO_COLUMNS, origin: SETTINGS_ORIGINS.planInfo, rows: info },
    { name: TABLE_NAMES.sourceList, columns: SOURCE_LIST_COLUMNS, origin: SETTINGS_ORIGINS.sourceList, rows: sources },
    { name: TABLE_NAMES.strategyList, columns: STRATEGY_LIST_COLUMNS, origin: SETTINGS_ORIGINS.strategyList, rows: strategies },
    { name: TABLE_NAMES.taskList, columns: TASK_LIST_COLUMNS, origin: SETTINGS_ORIGINS.taskList, rows: tasks },
  ];
}

/**
 * The whole workbook for a plan; `emptyPlan()` gives the empty template. Declared summary
 * figures (as published) go to the 공표 columns; the 산출 columns are formulas over the
 * TaskPlans table, so Excel keeps them current as the detail changes.
 */
export function buildWorkbookSpec(plan: Plan = emptyPlan(), findings: readonly Finding[] = [], options: BuildOptions = {}): WorkbookSpec {
  const lang = options.lang ?? "ko";
  const sheet = (key: string, name: string, tables: TableSpec[]): SheetSpec => ({ key, name, tables, freezeRows: 1 });
  return {
    sheets: [
      sheet("summary", SHEET_NAMES.summaryByTask, [summaryByTaskTable(plan, lang)]),
      sheet("strategy", SHEET_NAMES.summaryByStrategy, [summaryByStrategyTable(plan, lang)]),
      sheet("detail", SHEET_NAMES.projects, [projectsTable(plan)]),
      sheet("taskPlan", SHEET_NAMES.taskPlans, [taskPlansTable(plan)]),
      sheet("common", SHEET_NAMES.commonTargets, [commonTargetsTable(plan)]),
      sheet("schedule", SHEET_NAMES.schedule, [scheduleTable(plan)]),
      sheet("findings", SHEET_NAMES.findings, [findingsTable(findings, lang)]),
      sheet("settings", SHEET_NAMES.settings, settingsTables(plan)),
    ],
  };
}

/** A1 address of a table cell: body row r (0-based), column c, below the header. */
export function tableCellA1(table: TableSpec, r: number, c: number): string {
  return a1(table.origin.row + 1 + r, table.origin.col + c);
}
