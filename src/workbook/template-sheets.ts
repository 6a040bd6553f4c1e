/**
 * The jobplan workbook as a WorkbookSpec: one Excel table per sheet (settings: several),
 * Korean headers and words, the published number formats, frozen and repeated header rows,
 * A4 landscape pages, pick lists, split highlighting and native formulas for every
 * generated summary figure (one formula per column). Pure.
 *
 * The summary sheets are built in summary-sheets.ts, the findings sheet in
 * findings-sheet.ts; this module builds the detail and settings sheets and puts the
 * workbook together.
 */
import type { Finding } from "../core/findings";
import { formatLocation } from "../core/findings";
import type { Budget, FundingSource, Plan } from "../core/model";
import { emptyPlan } from "../core/model";
import type { Lang } from "../core/vocabulary";
import { limitSheets } from "./cell-limits";
import { changeLogSheet } from "./change-log";
import { colIndex, f, figure, header, v } from "./cell-specs";
import {
  AMOUNT_FORMAT,
  COMMON_TARGET_COLUMNS,
  PLAN_INFO_COLUMNS,
  projectColumns,
  SCHEDULE_COLUMNS,
  SOURCE_LIST_COLUMNS,
  sourceColumnKey,
  STRATEGY_LIST_COLUMNS,
  TASK_LIST_COLUMNS,
  taskPlanColumns,
  YEAR_FORMAT,
} from "./columns";
import { PlaceIndex } from "./finding-places";
import { findingsSheet } from "./findings-sheet";
import { planInfoRows } from "./plan-info";
import { FONT, pageSetup, tableRowHeights } from "./sheet-layout";
import { LEVEL_WORDS, ROUNDING_WORDS, YES_NO } from "./sheet-words";
import { amountValidations, splitFormat, summaryByStrategySheet, summaryByTaskSheet, summaryKeys } from "./summary-sheets";
import { countedRowFormula, TABLE_NAMES } from "./summary-formulas";
import { type BuildContext, type BuildOptions, SETTINGS_ORIGINS, SHEET_NAMES, TOP_ORIGIN } from "./template-layout";
import type { CellSpec, ColumnSpec, DataValidationSpec, SheetSpec, TableSpec, WorkbookSpec } from "./workbook-model";
import { a1, columnLetter } from "./workbook-model";

export { SETTINGS_ORIGINS, SHEET_NAMES, type BuildOptions } from "./template-layout";
export { roundingAdjustments, summaryKeys, templateTaskPlanRefs } from "./summary-sheets";
export { findingsRows, findingsSheet } from "./findings-sheet";

const LIST_ROWS = 1000;

function listSource(origin: { row: number; col: number }): string {
  const col = columnLetter(origin.col);
  return `='${SHEET_NAMES.settings}'!$${col}$${origin.row + 2}:$${col}$${origin.row + 1 + LIST_ROWS}`;
}

function pickListValidations(): DataValidationSpec[] {
  return [
    { column: "strategy", kind: "list", source: listSource(SETTINGS_ORIGINS.strategyList), prompt: { ko: "설정 시트의 추진전략 목록에서 고르세요.", en: "Pick a strategy from the settings sheet." } },
    { column: "task", kind: "list", source: listSource(SETTINGS_ORIGINS.taskList), prompt: { ko: "설정 시트의 실천과제 목록에서 고르세요.", en: "Pick a task from the settings sheet." } },
  ];
}

/** Records the budget cells of a detail row in the place index. */
function budgetCells(ctx: BuildContext, budget: Budget | undefined, sources: readonly FundingSource[], at: (key: string) => { sheet: string; cell: string }, table: "task-plan" | "project", path: string[]): CellSpec[] {
  ctx.places.record(at("total"), table, path, ["total"], budget?.refs?.total);
  for (const s of sources) ctx.places.record(at(sourceColumnKey(s.key)), table, path, [s.key], budget?.refs?.[s.key]);
  return [
    figure(budget ? budget.total : null, budget?.refs?.total, AMOUNT_FORMAT, ctx.lang),
    ...sources.map((s) => figure(budget?.parts[s.key], budget?.refs?.[s.key], AMOUNT_FORMAT, ctx.lang)),
  ];
}

function cellAt(sheet: string, t: { origin: { row: number; col: number } }, cols: ColumnSpec[], i: number) {
  return (key: string) => ({ sheet, cell: a1(t.origin.row + 1 + i, t.origin.col + colIndex(cols, key)) });
}

function taskPlansTable(ctx: BuildContext): TableSpec {
  const { plan } = ctx;
  const settings = plan.settings;
  const cols = taskPlanColumns(settings).map((c) =>
    c.key === "counted"
      ? {
          ...c,
          style: { fill: "FFEAF2FB" },
          headerNote: {
            ko: "요약 표가 세는 금액: 계에서 요약에 열이 없는 재원(민자 등)을 뺀 값입니다. 자동으로 계산하는 열이니 직접 고치지 마세요.",
            en: "What the summary tables count: the total less the sources they have no column for (private money). Computed: do not edit.",
          },
        }
      : c,
  );
  const table = TABLE_NAMES.taskPlans;
  const { included, excluded } = summaryKeys(plan);
  const srcHeader = (k: string) => header(cols, sourceColumnKey(k));
  const counted = countedRowFormula(table, header(cols, "total"), included.map(srcHeader), excluded.map(srcHeader));
  const origin = TOP_ORIGIN;
  const rows: CellSpec[][] = [];
  for (const s of plan.strategies) {
    for (const task of s.tasks) {
      const at = cellAt(SHEET_NAMES.taskPlans, { origin }, cols, rows.length);
      const path = [s.name, task.name];
      ctx.places.record(at("task"), "task-plan", path, ["task", "name"], task.ref);
      ctx.places.record(at("target"), "task-plan", path, ["target"], task.targetRef);
      rows.push([v(s.name), v(task.name), figure(task.target, task.targetRef, AMOUNT_FORMAT, ctx.lang), ...budgetCells(ctx, task.budget, settings.sources, at, "task-plan", path), f(counted, AMOUNT_FORMAT)]);
    }
  }
  const t: TableSpec = { name: table, columns: cols, origin, rows, validations: [...pickListValidations(), ...amountValidations(cols)!] };
  t.conditionalFormats = [splitFormat(t, "total", settings.sources.map((x) => sourceColumnKey(x.key)))];
  return t;
}

function projectsTable(ctx: BuildContext): TableSpec {
  const { plan } = ctx;
  const settings = plan.settings;
  const cols = projectColumns(settings);
  const origin = TOP_ORIGIN;
  const rows: CellSpec[][] = [];
  for (const s of plan.strategies) {
    for (const task of s.tasks) {
      for (const p of task.projects) {
        const at = cellAt(SHEET_NAMES.projects, { origin }, cols, rows.length);
        const path = [s.name, task.name, p.name];
        ctx.places.record(at("project"), "project", path, ["project", "name", "projects"], p.ref);
        ctx.places.record(at("headcount"), "project", path, ["headcount"], p.headcountRef);
        rows.push([v(s.name), v(task.name), v(p.name), figure(p.headcount, p.headcountRef, AMOUNT_FORMAT, ctx.lang), ...budgetCells(ctx, p.budget, settings.sources, at, "project", path)]);
      }
    }
  }
  const t: TableSpec = { name: TABLE_NAMES.projects, columns: cols, origin, rows, validations: [...pickListValidations(), ...amountValidations(cols)!] };
  t.conditionalFormats = [splitFormat(t, "total", settings.sources.map((x) => sourceColumnKey(x.key)))];
  return t;
}

function measureFormat(decimals: number | undefined): string {
  return decimals && decimals > 0 ? "#,##0." + "0".repeat(decimals) : AMOUNT_FORMAT;
}

function commonTargetsTable(ctx: BuildContext): TableSpec {
  const origin = TOP_ORIGIN;
  const fields = ["lastTarget", "lastResult", "achievementRate", "target", "changeRate"] as const;
  const rows = ctx.plan.commonTargets.map((c, i) => {
    const at = cellAt(SHEET_NAMES.commonTargets, { origin }, COMMON_TARGET_COLUMNS, i);
    ctx.places.record(at("name"), "common-targets", [c.name], ["name"], c.ref);
    for (const k of fields) ctx.places.record(at(k), "common-targets", [c.name], [k], c[k]?.ref);
    const m = (x: (typeof c)[(typeof fields)[number]]) => figure(x?.value, x?.ref, measureFormat(x?.decimals), ctx.lang);
    return [v(c.name), v(c.unit), ...fields.map((k) => m(c[k]))];
  });
  return { name: TABLE_NAMES.commonTargets, columns: COMMON_TARGET_COLUMNS, origin, rows };
}

function scheduleTable(ctx: BuildContext): TableSpec {
  const rows = ctx.plan.schedule.map((r) => [v(LEVEL_WORDS[ctx.lang][r.level]), v(r.name), ...Array.from({ length: 12 }, (_, i) => v(r.months[i] || null))]);
  return { name: TABLE_NAMES.schedule, columns: SCHEDULE_COLUMNS, origin: TOP_ORIGIN, rows };
}

/** A finding's place as `sheet!cell`, `line N` or the names path (for reports). */
export function findingPlace(finding: Finding): string {
  const loc = finding.location;
  if (loc.sheet) return loc.cell ? `${loc.sheet}!${loc.cell}` : loc.sheet;
  if (loc.line !== undefined) return `line ${loc.line}`;
  return formatLocation(loc);
}

function settingsTables(ctx: BuildContext): TableSpec[] {
  const { plan, lang } = ctx;
  const yesNo = YES_NO[lang];
  const infoAt = (i: number) => ({ sheet: SHEET_NAMES.settings, cell: a1(SETTINGS_ORIGINS.planInfo.row + 1 + i, SETTINGS_ORIGINS.planInfo.col + colIndex(PLAN_INFO_COLUMNS, "value")) });
  const info = planInfoRows(plan).map((r, i) => {
    const field = r.key.startsWith("planBudget.") ? r.key.slice("planBudget.".length) : r.key.startsWith("headline.") ? r.key.slice("headline.".length) : r.key;
    if (r.key.startsWith("planBudget.") || r.key.startsWith("headline.")) ctx.places.record(infoAt(i), "plan-budget", [], [field], r.ref);
    let value: CellSpec;
    if (r.key === "rounding") value = v(ROUNDING_WORDS[lang][plan.settings.roundingMode]);
    else if (r.key === "year") value = v(r.value, YEAR_FORMAT);
    else value = r.raw !== undefined ? figure(typeof r.value === "number" ? r.value : null, { raw: r.raw }, AMOUNT_FORMAT, lang) : v(r.value, typeof r.value === "number" ? measureFormat(r.decimals) : undefined);
    return [v(r.item), value, v(r.key)];
  });
  const inSummary = plan.summary.sourceKeys;
  const sources = plan.settings.sources.map((s) => [
    v(s.key),
    v(s.label),
    v(s.labelEn),
    v(s.aliases.join(", ")),
    v(s.isPrivate ? yesNo.yes : yesNo.no),
    v(inSummary ? (inSummary.includes(s.key) ? yesNo.yes : yesNo.no) : null),
  ]);
  const strategies = plan.strategies.map((s) => [v(s.name)]);
  const tasks = plan.strategies.flatMap((s) => s.tasks.map((t) => [v(t.name), v(s.name)]));
  // The English labels are for the English workbook; the Korean one keeps them, hidden.
  const sourceColumns = SOURCE_LIST_COLUMNS.map((c) => (c.key === "labelEn" && lang === "ko" ? { ...c, hidden: true } : c));
  return [
    { name: TABLE_NAMES.planInfo, columns: PLAN_INFO_COLUMNS, origin: SETTINGS_ORIGINS.planInfo, rows: info },
    { name: TABLE_NAMES.sourceList, columns: sourceColumns, origin: SETTINGS_ORIGINS.sourceList, rows: sources },
    { name: TABLE_NAMES.strategyList, columns: STRATEGY_LIST_COLUMNS, origin: SETTINGS_ORIGINS.strategyList, rows: strategies },
    { name: TABLE_NAMES.taskList, columns: TASK_LIST_COLUMNS, origin: SETTINGS_ORIGINS.taskList, rows: tasks },
  ];
}

function plainSheet(key: string, name: string, tables: TableSpec[], lang: Lang): SheetSpec {
  const rowHeights = tables.length === 1 && tables[0].columns.some((c) => c.style?.wrap) ? tableRowHeights(tables[0]) : undefined;
  return { key, name, tables, freezeRows: 1, pageSetup: pageSetup(lang, { first: 0, last: 0 }), ...(rowHeights ? { rowHeights } : {}) };
}

/** Sheet protection for every sheet when asked for (no password; see BuildOptions.protect). */
function protect(sheets: SheetSpec[], on: boolean | undefined): void {
  if (!on) return;
  for (const s of sheets) s.protection = { enabled: true };
}

/**
 * The whole workbook for a plan; `emptyPlan()` gives the empty template. Declared summary
 * figures (as published) go to the 공표 columns; the 산출 columns are formulas over the
 * TaskPlans table, so Excel keeps them current as the detail changes. Findings point at the
 * cells their figures went to, and texts too long for a cell are cut with a note and a
 * finding of their own.
 */
export function buildWorkbookSpec(plan: Plan = emptyPlan(), findings: readonly Finding[] = [], options: BuildOptions = {}): WorkbookSpec {
  const lang = options.lang ?? "ko";
  const ctx: BuildContext = { plan, lang, places: new PlaceIndex() };
  const sheets: SheetSpec[] = [
    summaryByTaskSheet(ctx),
    summaryByStrategySheet(ctx),
    plainSheet("detail", SHEET_NAMES.projects, [projectsTable(ctx)], lang),
    plainSheet("taskPlan", SHEET_NAMES.taskPlans, [taskPlansTable(ctx)], lang),
    plainSheet("common", SHEET_NAMES.commonTargets, [commonTargetsTable(ctx)], lang),
    plainSheet("schedule", SHEET_NAMES.schedule, [scheduleTable(ctx)], lang),
  ];
  const settings = plainSheet("settings", SHEET_NAMES.settings, settingsTables(ctx), lang);
  const cut = limitSheets([...sheets, settings], lang);
  const found = findingsSheet([...findings, ...cut], lang, ctx.places);
  const all = [...sheets, found, settings];
  if (options.changeLog) all.push(changeLogSheet(options.changeLog, lang));
  protect(all, options.protect);
  return { sheets: all, lang, font: { ...FONT } };
}

/** A1 address of a table cell: body row r (0-based), column c, below the header. */
export function tableCellA1(table: TableSpec, r: number, c: number): string {
  return a1(table.origin.row + 1 + r, table.origin.col + c);
}
