/**
 * The 요약 and 분야별 목표 sheets, shaped like the plan document's tables: a title and a unit
 * line, 합계 as the first row, each strategy's name shown once (a conditional format hides
 * a name equal to the one above, so every row still holds it and the table stays a table),
 * projects one per line with the row tall enough, and the published number format. The
 * computed (산출) columns are tinted under their own group header, 상태 is coloured, and 요약
 * ends with the "지역 일자리 목표 요약" block with its own 공표 / 산출 check. Pure.
 */
import { largestRemainder, thousandToMillion } from "../core/amounts";
import type { Plan, PlanSettings, SummaryStrategyRow, SummaryTaskRow, SummaryTotals } from "../core/model";
import { matchStrategyRows, matchTaskRowsInOrder } from "../core/summary-match";
import { rollupDetail, type Figures } from "../core/rollup";
import { declared as figure, f, header, v } from "./cell-specs";
import { adjustmentColumnKey, AMOUNT_FORMAT, sourceColumnKey, SUMMARY_FORMAT, summaryByStrategyColumns, summaryByTaskColumns, summarySources, taskPlanColumns } from "./columns";
import { PLAN_INFO_COLUMNS, COMMON_TARGET_COLUMNS } from "./columns";
import { boxCell, pageSetup, tableRowHeights, titleBlock, UNIT_STYLE } from "./sheet-layout";
import {
  cellStatusFormula,
  commonTargetFormula,
  planInfoFormula,
  planTotalFormula,
  STATUS_WORDS,
  summaryColumnFormulas,
  summaryRowRefs,
  TABLE_NAMES,
  type TaskPlanRefs,
} from "./summary-formulas";
import type { SummaryKind } from "./summary-rows";
import { type BuildContext, PLAN_TARGETS_ROWS, SHEET_NAMES, SUMMARY_ORIGIN, TITLED_ORIGIN, yearPrefix } from "./template-layout";
import type { CellSpec, ColumnSpec, ConditionalFormatSpec, SheetSpec, TableSpec } from "./workbook-model";
import { a1, columnLetter } from "./workbook-model";

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

const headerOfColumns = (cols: ColumnSpec[]) => (key: string) => cols.find((c) => c.key === key)?.header.ko;

/** The formula of every generated column, by key: one per column for every row. */
function generatedFormulas(kind: SummaryKind, ctx: BuildContext, cols: ColumnSpec[], table: string): Record<string, string> {
  const { included, excluded } = summaryKeys(ctx.plan);
  const headerOf = headerOfColumns(cols);
  const s = summaryRowRefs(kind, table, headerOf, included)!;
  return summaryColumnFormulas(kind, templateTaskPlanRefs(ctx.plan.settings), s, table, headerOf, { included, excluded, words: STATUS_WORDS[ctx.lang] });
}

/** Fills a row by column key; generated columns get their one formula. */
function rowOf(cols: ColumnSpec[], formulas: Record<string, string>, values: Record<string, CellSpec>, bold = false): CellSpec[] {
  return cols.map((c) => {
    const cell = formulas[c.key] !== undefined ? f(formulas[c.key], c.numberFormat) : (values[c.key] ?? v(null));
    return bold ? { ...cell, style: { ...cell.style, bold: true } } : cell;
  });
}

/** The matched detail name, only where it differs from the row's own (else the formula uses the row's). */
function matchValue(own: string, detail: string | undefined): CellSpec {
  return v(detail !== undefined && detail !== own ? detail : null);
}

const STATUS_FILLS: Array<[keyof typeof STATUS_WORDS.ko, string, string]> = [
  ["differs", "FFFFC7CE", "FF9C0006"],
  ["rounding", "FFFFEB9C", "FF9C5700"],
  ["same", "FFC6EFCE", "FF006100"],
];

/** Conditional formats every summary table has: repeated strategy hidden, 상태 coloured. */
function summaryFormats(t: TableSpec, lang: BuildContext["lang"]): ConditionalFormatSpec[] {
  const first = t.origin.row + 2; // 1-based first body row
  const col = (key: string) => columnLetter(t.origin.col + t.columns.findIndex((c) => c.key === key));
  const s = col("strategy");
  const st = col("status");
  return [
    // White on white where the format is not rendered (the add-in, for now).
    { columns: ["strategy"], formula: `AND(${first}<ROW(),$${s}${first}=$${s}${first - 1})`, numberFormat: ";;;", fill: "FFFFFFFF", fontColor: "FFFFFFFF" },
    ...STATUS_FILLS.map(([w, fill, fontColor]) => ({ columns: ["status"], formula: `$${st}${first}="${STATUS_WORDS[lang][w]}"`, fill, fontColor })),
  ];
}

// ---------------------------------------------------------------------------------------
// 요약 (SummaryByTask)

interface TaskRowPlan {
  strategy: string;
  task: string;
  declared?: SummaryTaskRow;
  detail?: { strategy: string; task: string };
}

/** Declared rows in their order; detail tasks the summary lacks after their strategy's last row. */
function taskRows(plan: Plan): TaskRowPlan[] {
  const detail = plan.strategies.flatMap((s) => s.tasks.map((task) => ({ strategy: s.name, task: task.name })));
  const declared = plan.summary.byTask?.rows ?? [];
  const match = matchTaskRowsInOrder(declared, plan);
  const rows: TaskRowPlan[] = declared.map((r, i) => ({ strategy: r.strategy, task: r.task, declared: r, detail: match[i] !== undefined ? detail[match[i]!] : undefined }));
  const used = new Set(match.filter((m): m is number => m !== undefined));
  detail.forEach((d, j) => {
    if (used.has(j)) return;
    let at = rows.length;
    rows.forEach((r, i) => {
      if ((r.detail?.strategy ?? r.strategy) === d.strategy) at = i + 1;
    });
    rows.splice(at, 0, { strategy: d.strategy, task: d.task, detail: d });
  });
  return rows;
}

function summaryByTaskTable(ctx: BuildContext): TableSpec {
  const { plan, lang, places } = ctx;
  const cols = summaryByTaskColumns();
  const table = TABLE_NAMES.summaryByTask;
  const formulas = generatedFormulas("summaryByTask", ctx, cols, table);
  const origin = SUMMARY_ORIGIN;
  const sheet = SHEET_NAMES.summaryByTask;
  const at = (i: number, key: string) => ({ sheet, cell: a1(origin.row + 1 + i, origin.col + cols.findIndex((c) => c.key === key)) });
  const fmt = SUMMARY_FORMAT;
  const total: SummaryTotals | undefined = plan.summary.byTask?.total;
  const rows: CellSpec[][] = [
    rowOf(
      cols,
      formulas,
      {
        strategy: v(lang === "en" ? "Total" : "합계"),
        declaredTarget: figure(total?.target, total?.targetRef, fmt, lang),
        declaredBudget: figure(total?.budget.total, total?.budget.refs?.total, fmt, lang),
        totalRow: v(1, "0"),
      },
      true,
    ),
  ];
  places.record(at(0, "declaredTarget"), "summary-by-task", [], ["target"], total?.targetRef);
  places.record(at(0, "declaredBudget"), "summary-by-task", [], ["total", "budget"], total?.budget.refs?.total);
  const planned = taskRows(plan);
  const subtotals = plan.summary.byTask?.subtotals ?? [];
  for (const [k, r] of planned.entries()) {
    const i = rows.length;
    const d = r.declared;
    rows.push(
      rowOf(cols, formulas, {
        strategy: v(r.strategy),
        task: v(r.task),
        projects: v(d?.projects.length ? d.projects.join("\n") : null),
        declaredTarget: figure(d?.target, d?.refs?.target, fmt, lang),
        declaredBudget: figure(d?.budget, d?.refs?.budget, fmt, lang),
        matchStrategy: matchValue(r.strategy, r.detail?.strategy),
        matchTask: matchValue(r.task, r.detail?.task),
      }),
    );
    if (d) {
      const path = [r.strategy, r.task];
      places.record(at(i, "declaredTarget"), "summary-by-task", path, ["target"], d.refs?.target);
      places.record(at(i, "declaredBudget"), "summary-by-task", path, ["total", "budget"], d.refs?.budget);
      places.record(at(i, "projects"), "summary-by-task", path, ["projects"], d.refs?.projects);
      places.record(at(i, "task"), "summary-by-task", path, ["task", "name"], d.ref);
    }
    // A 소계 row the document states goes after its strategy's last row; flag 2 sums the strategy.
    const sub = planned[k + 1]?.strategy !== r.strategy ? subtotals.find((x) => x.strategy === r.strategy) : undefined;
    if (!sub) continue;
    const j = rows.length;
    rows.push(
      rowOf(cols, formulas, {
        strategy: v(r.strategy),
        task: v(lang === "en" ? "Subtotal" : "소계"),
        declaredTarget: figure(sub.target, sub.refs?.target, fmt, lang),
        declaredBudget: figure(sub.budget, sub.refs?.budget, fmt, lang),
        matchStrategy: matchValue(r.strategy, r.detail?.strategy),
        totalRow: v(2, "0"),
      }),
    );
    places.record(at(j, "declaredTarget"), "summary-by-task", [sub.strategy], ["target"], sub.refs?.target);
    places.record(at(j, "declaredBudget"), "summary-by-task", [sub.strategy], ["total", "budget"], sub.refs?.budget);
  }
  const t: TableSpec = { name: table, columns: cols, origin, rows, validations: amountValidations(cols) };
  t.conditionalFormats = summaryFormats(t, lang);
  return t;
}

/** Whole-number validation on the declared figures a person types. */
export function amountValidations(cols: ColumnSpec[]): TableSpec["validations"] {
  return cols
    .filter((c) => (c.type === "amount" || c.type === "integer") && !c.generated)
    .map((c) => ({
      column: c.key,
      kind: "wholeNumber>=0" as const,
      prompt: { ko: "0 이상의 정수를 입력하세요.", en: "Enter a whole number, 0 or more." },
      error: { ko: "0 이상의 정수만 입력할 수 있습니다.", en: "Only a whole number, 0 or more, can be entered." },
    }));
}

/** The "지역 일자리 목표 요약" block at the top of 요약: 공표 (from 설정), 산출, 상태. */
interface Block {
  cells: NonNullable<SheetSpec["cells"]>;
  merges: NonNullable<SheetSpec["merges"]>;
  heights: NonNullable<SheetSpec["rowHeights"]>;
}

function planTargetsBlock(ctx: BuildContext): Block {
  const { plan, lang } = ctx;
  const sources = summarySources(plan.settings, plan.summary.sourceKeys);
  const byStrategy = summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys);
  const hs = headerOfColumns(byStrategy);
  const H = (cols: ColumnSpec[], k: string) => header(cols, k);
  const info = (key: string) => planInfoFormula(TABLE_NAMES.planInfo, H(PLAN_INFO_COLUMNS, "key"), H(PLAN_INFO_COLUMNS, "value"), key);
  const planTotal = (key: string) => planTotalFormula(TABLE_NAMES.summaryByStrategy, hs("totalRow")!, hs(key)!);
  const common = (patterns: string[]) => commonTargetFormula(TABLE_NAMES.commonTargets, H(COMMON_TARGET_COLUMNS, "name"), H(COMMON_TARGET_COLUMNS, "target"), patterns);
  const items = [
    { label: "합계", declared: info("planBudget.total"), computed: planTotal("total"), fmt: SUMMARY_FORMAT },
    ...sources.map((s) => ({ label: s.label, declared: info(`planBudget.${s.key}`), computed: planTotal("gen:" + sourceColumnKey(s.key)), fmt: SUMMARY_FORMAT })),
    { label: "목표 피보험자 수(명)", declared: info("headline.insuredTarget"), computed: common(["*피보험자*"]), fmt: AMOUNT_FORMAT },
    { label: "목표 취업률(%)", declared: info("headline.employmentRateTarget"), computed: common(["*취업률*", "*고용률*"]), fmt: "General" },
  ];
  const top = 0;
  const cells: NonNullable<SheetSpec["cells"]> = [];
  const put = (row: number, col: number, cell: CellSpec) => cells.push({ row, col, cell });
  const year = yearPrefix(plan.year);
  put(top, 0, { value: `□ ${year}지역 일자리 목표 요약`, style: { bold: true, size: 13 } });
  put(top + 1, items.length, { value: "(단위: 백만원, 명, %)", style: UNIT_STYLE });
  const head = (value: string | null) => boxCell(value, { bold: true, horizontal: "center", wrap: true, fill: "FFF2F2F2" });
  const last = sources.length + 3;
  // Two header rows as in the document: 구분 and the targets span both, 예산 spans its parts.
  put(top + 2, 0, head("구분"));
  put(top + 3, 0, head(null));
  put(top + 2, 1, head(`${year}지역 일자리 예산(백만원)`));
  for (let i = 2; i <= sources.length + 1; i++) put(top + 2, i, head(null));
  put(top + 2, sources.length + 2, head(`${year}목표 피보험자 수(명)`));
  put(top + 2, last, head(`${year}목표 취업률(%)`));
  items.forEach((it, i) => put(top + 3, i + 1, head(i <= sources.length ? it.label : null)));
  const merges = [
    { top: top + 2, left: 0, bottom: top + 3, right: 0 },
    { top: top + 2, left: 1, bottom: top + 2, right: sources.length + 1 },
    { top: top + 2, left: sources.length + 2, bottom: top + 3, right: sources.length + 2 },
    { top: top + 2, left: last, bottom: top + 3, right: last },
  ];
  const words = STATUS_WORDS[lang];
  const rows = [
    { label: "공표", note: "공표 값은 설정 시트의 계획 정보 표(지역 일자리 예산, 목표)에서 입력합니다.", fill: undefined, cell: (it: (typeof items)[number]) => f(it.declared, it.fmt) },
    { label: "산출", note: "예산은 분야별 목표 표의 합계 행(산출), 목표는 공통목표 표의 올해 목표입니다.", fill: "FFEAF2FB", cell: (it: (typeof items)[number]) => f(it.computed, it.fmt) },
  ];
  rows.forEach((r, j) => {
    put(top + 4 + j, 0, { ...boxCell(r.label, { bold: true, horizontal: "center", fill: r.fill }), note: r.note });
    items.forEach((it, i) => put(top + 4 + j, i + 1, { ...r.cell(it), style: { border: true, fill: r.fill } }));
  });
  put(top + 6, 0, boxCell("상태", { bold: true, horizontal: "center" }));
  // The figures' own formulas, not their cells: the status stays right wherever the cells go.
  items.forEach((it, i) => put(top + 6, i + 1, { formula: cellStatusFormula(`(${it.declared})`, `(${it.computed})`, words), style: { border: true, horizontal: "center" } }));
  if (top + 7 > PLAN_TARGETS_ROWS) throw new Error("the plan targets block outgrew its rows");
  return { cells, merges, heights: [{ row: top, height: 24 }, { row: top + 2, height: 20 }, { row: top + 3, height: 20 }] };
}

export function summaryByTaskSheet(ctx: BuildContext): SheetSpec {
  const t = summaryByTaskTable(ctx);
  // No frozen rows: the block above the table would take half the screen.
  const sheet: SheetSpec = { key: "summary", name: SHEET_NAMES.summaryByTask, tables: [t] };
  titleBlock(sheet, t, {
    title: `□ ${yearPrefix(ctx.plan.year)}일자리창출 핵심 전략`,
    unit: "(단위: 명, 백만원)",
    groups: [
      { label: "공표 (계획서)", from: "declaredTarget", to: "declaredBudget" },
      { label: "산출 (세부계획에서 계산)", from: "target", to: "status", computed: true },
    ],
  });
  sheet.rowHeights = [...(sheet.rowHeights ?? []), ...tableRowHeights(t)];
  const block = planTargetsBlock(ctx);
  sheet.cells = [...(sheet.cells ?? []), ...block.cells];
  sheet.rowHeights = [...(sheet.rowHeights ?? []), ...block.heights];
  sheet.merges = [...(sheet.merges ?? []), ...block.merges];
  sheet.pageSetup = pageSetup(ctx.lang, { first: t.origin.row - 1, last: t.origin.row }, true);
  return sheet;
}

// ---------------------------------------------------------------------------------------
// 분야별 목표 (SummaryByStrategy)

function summaryByStrategyTable(ctx: BuildContext): TableSpec {
  const { plan, lang, places } = ctx;
  const cols = summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys);
  const table = TABLE_NAMES.summaryByStrategy;
  const { included } = summaryKeys(plan);
  const formulas = generatedFormulas("summaryByStrategy", ctx, cols, table);
  const detail = rollupDetail(plan);
  const origin = TITLED_ORIGIN;
  const sheet = SHEET_NAMES.summaryByStrategy;
  const fmt = SUMMARY_FORMAT;
  const declared = plan.summary.byStrategy?.rows ?? [];
  const names = plan.strategies.map((s) => s.name);
  const match = matchStrategyRows(
    declared.map((r) => r.strategy),
    plan,
  );
  const used = new Set(match.filter((m): m is number => m !== undefined));
  const at = (i: number, key: string) => ({ sheet, cell: a1(origin.row + 1 + i, origin.col + cols.findIndex((c) => c.key === key)) });
  const values = (d: SummaryStrategyRow | SummaryTotals | undefined, figures: Figures | undefined): Record<string, CellSpec> => {
    const adj = figures ? roundingAdjustments(figures, included, plan.settings.roundingMode) : {};
    const out: Record<string, CellSpec> = {
      declaredTarget: figure(d?.target, d?.targetRef, fmt, lang),
      declaredTotal: figure(d?.budget.total, d?.budget.refs?.total, fmt, lang),
    };
    for (const k of included) {
      out["declared:" + sourceColumnKey(k)] = figure(d?.budget.parts[k], d?.budget.refs?.[k], fmt, lang);
      out[adjustmentColumnKey(k)] = v(adj[k] ? adj[k] : null, "0");
    }
    return out;
  };
  const record = (i: number, path: string[], d: SummaryStrategyRow | SummaryTotals) => {
    places.record(at(i, "declaredTarget"), "summary-by-strategy", path, ["target"], d.targetRef);
    places.record(at(i, "declaredTotal"), "summary-by-strategy", path, ["total"], d.budget.refs?.total);
    for (const k of included) places.record(at(i, "declared:" + sourceColumnKey(k)), "summary-by-strategy", path, [k], d.budget.refs?.[k]);
    places.record(at(i, "strategy"), "summary-by-strategy", path, ["strategy", "name"], d.ref);
  };
  const total = plan.summary.byStrategy?.total;
  const rows: CellSpec[][] = [rowOf(cols, formulas, { ...values(total, detail.plan), strategy: v(lang === "en" ? "Total" : "총계"), totalRow: v(1, "0") }, true)];
  if (total) record(0, [], total);
  declared.forEach((r, i) => {
    const s = match[i];
    rows.push(rowOf(cols, formulas, { ...values(r, s !== undefined ? detail.strategies[s] : undefined), strategy: v(r.strategy), matchStrategy: matchValue(r.strategy, s !== undefined ? names[s] : undefined) }));
    record(rows.length - 1, [r.strategy], r);
  });
  names.forEach((name, s) => {
    if (!used.has(s)) rows.push(rowOf(cols, formulas, { ...values(undefined, detail.strategies[s]), strategy: v(name) }));
  });
  const t: TableSpec = { name: table, columns: cols, origin, rows, validations: amountValidations(cols) };
  t.conditionalFormats = [...summaryFormats(t, lang), splitFormat(t, "declaredTotal", included.map((k) => "declared:" + sourceColumnKey(k)))];
  return t;
}

const SPLIT_FILL = "FFFFC7CE";
const SPLIT_FONT = "FF9C0006";

/** Highlights a row whose 계 is not the sum of its sources (relative to the first body row). */
export function splitFormat(t: TableSpec, totalKey: string, partKeys: string[]): ConditionalFormatSpec {
  const row = t.origin.row + 2;
  const ref = (key: string) => `$${columnLetter(t.origin.col + t.columns.findIndex((c) => c.key === key))}${row}`;
  const parts = partKeys.filter((k) => t.columns.some((c) => c.key === k)).map((k) => `N(${ref(k)})`);
  const total = ref(totalKey);
  return {
    columns: [totalKey, ...partKeys],
    formula: `AND(${total}<>"",${total}<>${parts.length ? parts.join("+") : "0"})`,
    fill: SPLIT_FILL,
    fontColor: SPLIT_FONT,
  };
}

export function summaryByStrategySheet(ctx: BuildContext): SheetSpec {
  const t = summaryByStrategyTable(ctx);
  const sheet: SheetSpec = { key: "strategy", name: SHEET_NAMES.summaryByStrategy, tables: [t], freezeRows: t.origin.row + 1 };
  const last = t.columns.filter((c) => c.key.startsWith("declared:")).pop()?.key ?? "declaredTotal";
  titleBlock(sheet, t, {
    title: `□ ${yearPrefix(ctx.plan.year)}분야별 일자리 목표`,
    unit: "(단위: 명, 백만원)",
    groups: [
      { label: "공표 (계획서)", from: "declaredTarget", to: last },
      { label: "산출 (세부계획에서 계산)", from: "target", to: "status", computed: true },
    ],
  });
  sheet.rowHeights = [...(sheet.rowHeights ?? []), ...tableRowHeights(t)];
  sheet.pageSetup = pageSetup(ctx.lang, { first: t.origin.row - 1, last: t.origin.row });
  return sheet;
}
