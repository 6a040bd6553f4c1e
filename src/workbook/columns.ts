/**
 * Column specs of every table jobplan writes and reads, as data, and a tolerant header
 * matcher. Pure: used by the template builder, the table reader, the ExcelJS CLI, the
 * Office.js add-in and the custom functions (which parse ranges the user selects).
 *
 * Column keys are ASCII and stable; headers are Korean (with the unit in parentheses) and
 * English. Funding-source columns depend on PlanSettings.sources, hence the functions.
 */
import type { FundingSource, PlanSettings } from "../core/model";
import { defaultSettings } from "../core/model";
import type { ColumnSpec } from "./workbook-model";

export const AMOUNT_FORMAT = "#,##0";
/** The published tables' format: thousands separators, △ for minus, "-" for zero. */
export const SUMMARY_FORMAT = '#,##0;△#,##0;"-"';
export const RATE_FORMAT = "0.0";
/** Years are years (2020), not amounts (2,020). */
export const YEAR_FORMAT = "0";

/** Tint of computed (산출) columns and their group header; the declared ones stay white. */
export const COMPUTED_FILL = "FFEAF2FB";
export const COMPUTED_HEADER_FILL = "FFBDD7EE";
const COMPUTED_STYLE = { fill: COMPUTED_FILL } as const;

/** Prefix of funding-source column keys: `src:national`, `src:province`, ... */
export const SOURCE_KEY_PREFIX = "src:";

export function sourceColumnKey(sourceKey: string): string {
  return SOURCE_KEY_PREFIX + sourceKey;
}

/** The source key of a column key, or undefined when the column is not a source column. */
export function sourceKeyOfColumn(columnKey: string): string | undefined {
  if (columnKey.startsWith(SOURCE_KEY_PREFIX)) return columnKey.slice(SOURCE_KEY_PREFIX.length);
  if (columnKey.startsWith("gen:" + SOURCE_KEY_PREFIX)) return columnKey.slice(4 + SOURCE_KEY_PREFIX.length);
  return undefined;
}

function text(key: string, ko: string, en: string, aliases: string[] = [], required = true, width = 24): ColumnSpec {
  return { key, header: { ko, en }, aliases, type: "text", required, width };
}

function amount(key: string, ko: string, en: string, aliases: string[] = [], required = true, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { key, header: { ko, en }, aliases, type: "amount", numberFormat: AMOUNT_FORMAT, required, width: 14, ...extra };
}

function count(key: string, ko: string, en: string, aliases: string[] = [], required = true, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { key, header: { ko, en }, aliases, type: "integer", numberFormat: AMOUNT_FORMAT, required, width: 12, ...extra };
}

const STRATEGY = (): ColumnSpec => text("strategy", "추진전략", "Strategy", ["전략", "분야", "구분", "추진 전략"], true, 30);
const TASK = (): ColumnSpec => text("task", "실천과제", "Task", ["과제", "실천 과제"], true, 30);

// ---------------------------------------------------------------------------------------
// Detail tables (천원)

/** One funding-source amount column per configured source, in 천원. */
function detailSourceColumns(sources: readonly FundingSource[]): ColumnSpec[] {
  return sources.map((s) =>
    amount(sourceColumnKey(s.key), `${s.label}(천원)`, `${s.labelEn} (thousand won)`, [s.label, s.labelEn, ...s.aliases], false),
  );
}

/** 추진계획 (TaskPlans): each task's declared plan table. The detail summaries come from. */
/** Name columns of the detail tables wrap, their rows sized to fit (sheet-layout.ts). */
const WRAP = { style: { wrap: true, vertical: "top" } } as const;

export function taskPlanColumns(settings: PlanSettings = defaultSettings()): ColumnSpec[] {
  return [
    { ...STRATEGY(), ...WRAP },
    { ...TASK(), ...WRAP },
    count("target", "일자리 목표(명)", "Job target (persons)", ["일자리 목표", "일자리창출 성과목표", "성과목표", "목표인원", "목표", "target"], true),
    amount("total", "계(천원)", "Total (thousand won)", ["계", "사업비", "사업비 계", "합계", "total"], true),
    ...detailSourceColumns(settings.sources),
    amount("counted", "요약 반영액(천원)", "Counted in summary (thousand won)", ["요약반영액"], false, { generated: true }),
  ];
}

/** 세부사업 (Projects). */
export function projectColumns(settings: PlanSettings = defaultSettings()): ColumnSpec[] {
  return [
    { ...STRATEGY(), ...WRAP },
    { ...TASK(), ...WRAP },
    { ...text("project", "세부사업", "Project", ["사업명", "세부 사업", "project name"], true, 36), ...WRAP },
    count("headcount", "인원(명)", "Headcount (persons)", ["인원", "참여인원", "목표인원"], false),
    amount("total", "계(천원)", "Total (thousand won)", ["계", "사업예산", "사업비", "합계", "total"], false),
    ...detailSourceColumns(settings.sources),
  ];
}

// ---------------------------------------------------------------------------------------
// Summary tables (백만원): declared (as published, typed or imported) and generated (formulas)

/** The sources a summary table has columns for: plan.summary.sourceKeys, else all non-private. */
export function summarySources(settings: PlanSettings, sourceKeys?: readonly string[]): FundingSource[] {
  if (sourceKeys && sourceKeys.length) {
    return sourceKeys
      .map((k) => settings.sources.find((s) => s.key === k))
      .filter((s): s is FundingSource => !!s);
  }
  return settings.sources.filter((s) => !s.isPrivate);
}

/** Helper columns the summary formulas read (hidden): see summary-formulas.ts. */
function matchColumn(key: "matchStrategy" | "matchTask", ko: string, en: string): ColumnSpec {
  return { ...text(key, ko, en, [], false, 16), generated: true, hidden: true };
}
const TOTAL_ROW = (): ColumnSpec => ({ ...count("totalRow", "합계 행", "Total row", [], false, { generated: true, hidden: true, width: 8 }), numberFormat: "0" });

/** 요약 (SummaryByTask): the published 핵심 전략 table's columns, then the computed ones. */
export function summaryByTaskColumns(): ColumnSpec[] {
  return [
    { ...STRATEGY(), width: 20, style: { wrap: true, vertical: "top" } },
    { ...TASK(), width: 22, style: { wrap: true, vertical: "top" } },
    { ...text("projects", "세부사업내용", "Projects", ["세부사업", "사업내용", "세부 사업 내용"], false, 40), style: { wrap: true, vertical: "top" } },
    count("declaredTarget", "일자리 목표(공표)", "Job target (published)", ["일자리 목표", "일자리목표", "목표"], false, { numberFormat: SUMMARY_FORMAT, width: 14 }),
    amount("declaredBudget", "사업예산(공표, 백만원)", "Budget (published, million won)", ["사업예산", "예산"], false, { numberFormat: SUMMARY_FORMAT, width: 13 }),
    count("target", "일자리 목표(산출)", "Job target (computed)", [], false, { generated: true, numberFormat: SUMMARY_FORMAT, width: 14, style: COMPUTED_STYLE }),
    amount("budget", "사업예산(산출, 백만원)", "Budget (computed, million won)", [], false, { generated: true, numberFormat: SUMMARY_FORMAT, width: 13, style: COMPUTED_STYLE }),
    { ...text("status", "상태", "Status", ["검증", "check"], false, 8), generated: true, style: { ...COMPUTED_STYLE, horizontal: "center" } },
    matchColumn("matchStrategy", "기준 추진전략", "Matched strategy"),
    matchColumn("matchTask", "기준 실천과제", "Matched task"),
    TOTAL_ROW(),
  ];
}

/** Fixed list for the custom functions; same as summaryByTaskColumns(). */
export const SUMMARY_BY_TASK_COLUMNS: ColumnSpec[] = summaryByTaskColumns();

/** 분야별 목표 (SummaryByStrategy): declared and generated target, 합계 and one column per summary source. */
export function summaryByStrategyColumns(settings: PlanSettings = defaultSettings(), sourceKeys?: readonly string[]): ColumnSpec[] {
  const sources = summarySources(settings, sourceKeys);
  const fmt = { numberFormat: SUMMARY_FORMAT, width: 12 };
  return [
    { ...STRATEGY(), width: 30, style: { wrap: true, vertical: "top" } },
    count("declaredTarget", "목표 인원(공표)", "Job target (published)", ["목표 인원", "목표(인원)", "목표", "일자리 목표"], false, fmt),
    amount("declaredTotal", "합계(공표, 백만원)", "Total (published, million won)", ["합계", "계", "예산"], false, fmt),
    ...sources.map((s) =>
      amount("declared:" + sourceColumnKey(s.key), `${s.label}(공표, 백만원)`, `${s.labelEn} (published, million won)`, [s.label, s.labelEn, ...s.aliases], false, fmt),
    ),
    count("target", "목표 인원(산출)", "Job target (computed)", [], false, { ...fmt, generated: true, style: COMPUTED_STYLE }),
    amount("total", "합계(산출, 백만원)", "Total (computed, million won)", [], false, { ...fmt, generated: true, style: COMPUTED_STYLE }),
    ...sources.map((s) =>
      amount("gen:" + sourceColumnKey(s.key), `${s.label}(산출, 백만원)`, `${s.labelEn} (computed, million won)`, [], false, { ...fmt, generated: true, style: COMPUTED_STYLE }),
    ),
    { ...text("status", "상태", "Status", ["검증", "check"], false, 8), generated: true, style: { ...COMPUTED_STYLE, horizontal: "center" } },
    matchColumn("matchStrategy", "기준 추진전략", "Matched strategy"),
    TOTAL_ROW(),
    ...sources.map((s) => ({
      ...count(adjustmentColumnKey(s.key), `${s.label} 끝수 조정`, `${s.labelEn} rounding nudge`, [], false, { generated: true, hidden: true, width: 8 }),
      numberFormat: "0",
    })),
  ];
}

/** Key of a source's 끝수 조정 (largest-remainder nudge) column in the strategy summary. */
export function adjustmentColumnKey(sourceKey: string): string {
  return "adj:" + sourceColumnKey(sourceKey);
}

// ---------------------------------------------------------------------------------------
// Other tables

/** 공통목표 (CommonTargets). */
export const COMMON_TARGET_COLUMNS: ColumnSpec[] = [
  text("name", "구분", "Item", ["항목", "공통목표", "name"], true, 24),
  text("unit", "단위", "Unit", [], false, 8),
  { key: "lastTarget", header: { ko: "전년 목표", en: "Last year target" }, aliases: ["목표(전년)", "전년도 목표"], type: "percent", required: false, width: 12 },
  { key: "lastResult", header: { ko: "전년 실적", en: "Last year result" }, aliases: ["실적", "전년도 실적"], type: "percent", required: false, width: 12 },
  { key: "achievementRate", header: { ko: "달성률(%)", en: "Achievement rate (%)" }, aliases: ["달성률"], type: "percent", required: false, width: 12 },
  { key: "target", header: { ko: "목표", en: "Target" }, aliases: ["올해 목표", "금년 목표"], type: "percent", required: false, width: 12 },
  { key: "changeRate", header: { ko: "증감률(%)", en: "Change rate (%)" }, aliases: ["증감률", "증감"], type: "percent", required: false, width: 12 },
];

/** 검증 (Findings): a worklist, worst first, each finding linked to its cell. */
export const FINDING_COLUMNS: ColumnSpec[] = [
  { ...text("severity", "심각도", "Severity", ["수준"], true, 7), style: { horizontal: "center", vertical: "top" } },
  { ...text("label", "종류", "Kind", [], false, 16), style: { wrap: true, vertical: "top" } },
  { ...text("location", "위치", "Location", ["셀", "line"], true, 16), style: { vertical: "top" } },
  { ...text("path", "항목", "Item", [], false, 30), style: { wrap: true, vertical: "top" } },
  { ...text("message", "내용", "Message", ["메시지"], true, 60), style: { wrap: true, vertical: "top" } },
  { key: "expected", header: { ko: "기대값", en: "Expected" }, aliases: ["기대"], type: "amount", numberFormat: AMOUNT_FORMAT, width: 13, style: { vertical: "top" } },
  { key: "actual", header: { ko: "실제값", en: "Actual" }, aliases: ["실제"], type: "amount", numberFormat: AMOUNT_FORMAT, width: 13, style: { vertical: "top" } },
  { ...text("unit", "단위", "Unit", [], false, 6), style: { vertical: "top" } },
  { key: "line", header: { ko: "원문 행", en: "Text line" }, aliases: [], type: "integer", numberFormat: "0", width: 7, style: { vertical: "top" } },
  { ...text("code", "코드", "Code", [], true, 14), style: { size: 7, color: "FF808080", vertical: "top", wrap: true } },
];

/** 설정: plan facts as key / value rows (PlanInfo); the key column is jobplan's and hidden. */
export const PLAN_INFO_COLUMNS: ColumnSpec[] = [
  text("item", "항목", "Item", [], false, 30),
  { key: "value", header: { ko: "값", en: "Value" }, aliases: ["value"], type: "text", required: true, width: 40 },
  { ...text("key", "키", "Key", [], true, 22), hidden: true },
];

/** 설정: funding sources (SourceList); the English label is shown in the English workbook only. */
export const SOURCE_LIST_COLUMNS: ColumnSpec[] = [
  { ...text("key", "키", "Key", [], true, 12), hidden: true },
  text("label", "재원", "Source", ["이름", "label"], true, 12),
  text("labelEn", "영문", "English", ["labelEn"], false, 14),
  text("aliases", "별칭", "Aliases", ["aliases"], false, 30),
  text("private", "민자 여부", "Private", ["민자"], false, 10),
  text("inSummary", "요약 포함", "In summary", [], false, 10),
];

/** 설정: strategy list (StrategyList), source of the strategy pick lists. */
export const STRATEGY_LIST_COLUMNS: ColumnSpec[] = [text("strategy", "추진전략 목록", "Strategies", ["추진전략"], true, 36)];

/** 설정: task list (TaskList), source of the task pick lists. */
export const TASK_LIST_COLUMNS: ColumnSpec[] = [text("task", "실천과제 목록", "Tasks", ["실천과제"], true, 36), text("strategy", "소속 추진전략", "Of strategy", ["추진전략"], false, 36)];

/** 추진일정 (Schedule): level, name, twelve months. */
export const SCHEDULE_COLUMNS: ColumnSpec[] = [
  text("level", "수준", "Level", [], true, 10),
  text("name", "이름", "Name", ["구분", "사업명"], true, 36),
  ...Array.from({ length: 12 }, (_, i) => text(`m${i + 1}`, `${i + 1}월`, `M${i + 1}`, [], false, 8)),
];

/** Column lists for the default settings, for callers that need no configuration. */
export const TASK_PLAN_COLUMNS: ColumnSpec[] = taskPlanColumns();
export const PROJECT_COLUMNS: ColumnSpec[] = projectColumns();
export const SUMMARY_BY_STRATEGY_COLUMNS: ColumnSpec[] = summaryByStrategyColumns();

// ---------------------------------------------------------------------------------------
// Header matching

const UNIT_WORDS = ["단위", "백만원", "천원", "억원", "원", "명", "%p", "%", "persons", "thousandwon", "millionwon", "won"];

/**
 * Canonical form of a header: full-width folded, spaces and separators removed, lower
 * case, a leading year (`'20년`) dropped, and unit words inside parentheses dropped, so
 * `사업예산 (공표, 백만원)` = `사업예산(공표)` and `계（천원）` = `계`.
 */
export function normalizeHeader(value: unknown): string {
  if (value === null || value === undefined) return "";
  let s = "";
  for (const ch of String(value)) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) s += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) s += " ";
    else s += ch;
  }
  s = s.toLowerCase().replace(/[[{<【]/g, "(").replace(/[\]}>】]/g, ")");
  s = s.replace(/[\s\u200b·ㆍ_\-.'’‘"]/g, "");
  s = s.replace(/^\(?\d{2,4}년\)?/, "");
  // Drop unit words inside parentheses, then empty parentheses and stray separators.
  s = s.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    const kept = inner
      .split(/[,:;/]/)
      .map((part) => {
        let p = part;
        for (const w of UNIT_WORDS) if (p === w) p = "";
        return p.replace(/^단위/, "");
      })
      .filter((p) => p && !UNIT_WORDS.includes(p));
    return kept.length ? `(${kept.join(",")})` : "";
  });
  return s.replace(/[,:;]+$/, "");
}

function candidates(col: ColumnSpec): string[] {
  const names = [col.header.ko, col.header.en, col.key, ...(col.aliases ?? [])];
  const out: string[] = [];
  for (const n of names) {
    const h = normalizeHeader(n);
    if (h && !out.includes(h)) out.push(h);
  }
  return out;
}

/**
 * Normalised spellings per column (own headers first, then with aliases), kept per column list:
 * custom functions match the same specs on every recalculation.
 */
const candidateCache = new WeakMap<ColumnSpec[], { primary: string[][]; all: string[][] }>();
function candidateLists(columns: ColumnSpec[]): { primary: string[][]; all: string[][] } {
  let lists = candidateCache.get(columns);
  if (!lists) {
    lists = { primary: columns.map((c) => candidates({ ...c, aliases: [] })), all: columns.map(candidates) };
    candidateCache.set(columns, lists);
  }
  return lists;
}

export interface HeaderMatch {
  /** Column key -> 0-based index in the header row, for every column found. */
  index: Record<string, number>;
  /** Required columns that were not found. */
  missing: ColumnSpec[];
  /** 0-based indexes of header cells that match no column (user columns, blanks). */
  extra: number[];
}

/**
 * Matches a header row against column specs. Exact header names win over aliases: each
 * header cell is first compared with every column's Korean / English header and key, and
 * only then with aliases, so `국비` goes to a declared column while `국비(산출)` goes to
 * the generated one. A column takes the first matching cell; later duplicates are extra.
 */
export function matchHeaders(headerRow: unknown[], columns: ColumnSpec[]): HeaderMatch {
  const normalized = headerRow.map(normalizeHeader);
  const index: Record<string, number> = {};
  const taken = new Set<number>();
  const { primary, all } = candidateLists(columns);
  for (const pass of [primary, all]) {
    for (let h = 0; h < normalized.length; h++) {
      if (taken.has(h) || !normalized[h]) continue;
      const ci = columns.findIndex((c, i) => index[c.key] === undefined && pass[i].includes(normalized[h]));
      if (ci >= 0) {
        index[columns[ci].key] = h;
        taken.add(h);
      }
    }
  }
  const missing = columns.filter((c) => c.required && index[c.key] === undefined);
  const extra = normalized.map((_, i) => i).filter((i) => !taken.has(i));
  return { index, missing, extra };
}

/** How many required columns of `columns` a header row has: used to recognise tables. */
export function headerScore(headerRow: unknown[], columns: ColumnSpec[]): number {
  const m = matchHeaders(headerRow, columns);
  return Object.keys(m.index).length;
}
