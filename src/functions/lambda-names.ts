/**
 * Workbook names that let a user type `=JOBTARGET("청년 행복 일자리 확대")` instead of
 * `=PLAN.JOBTARGET(TaskPlans[#All], "청년 행복 일자리 확대")`: each name holds a LAMBDA that
 * calls the PLAN.* function with the template's table reference baked in. The add-in adds
 * them when it inserts the template (Office.js `workbook.names.add(name, formula, comment)`),
 * after checking {@link lambdaSupport}; ExcelJS cannot write LAMBDA names (STACK-NOTES).
 *
 * Optional LAMBDA parameters are passed on as `IF(ISOMITTED(x),"",x)`; the PLAN.* functions
 * read "" as "argument left out".
 */
import { TABLE_NAMES } from "../core/vocabulary";

export interface LambdaTables {
  /** Task plan table (추진계획), the detail the functions read. */
  taskPlans: string;
  /** Projects table (세부사업). */
  projects: string;
  /** Summary by strategy (분야별 목표), the summary RECONCILE and FINDINGS read. */
  summary: string;
}

export const DEFAULT_LAMBDA_TABLES: LambdaTables = {
  taskPlans: TABLE_NAMES.taskPlans,
  projects: TABLE_NAMES.projects,
  summary: TABLE_NAMES.summaryByStrategy,
};

export interface LambdaName {
  name: string;
  /** Formula text with the leading "=", as `names.add` takes it (English function names). */
  formula: string;
  comment: { ko: string; en: string };
  /** How a user calls it, for the pane's help text. */
  usage: string;
}

/** The custom-functions namespace of the manifest. */
export const FUNCTION_NAMESPACE = "PLAN";

function opt(p: string): string {
  return `IF(ISOMITTED(${p}),"",${p})`;
}

/**
 * The LAMBDA names: JOBTARGET, BUDGET (task plans), RECONCILE and FINDINGS (task plans,
 * projects, summary). Table names are parameters so a workbook with other table names works.
 */
export function lambdaNames(tables: Partial<LambdaTables> = {}, namespace = FUNCTION_NAMESPACE): LambdaName[] {
  const t = { ...DEFAULT_LAMBDA_TABLES, ...tables };
  const all = (table: string) => `${table}[#All]`;
  const ns = namespace ? `${namespace}.` : "";
  return [
    {
      name: "JOBTARGET",
      formula: `=LAMBDA(strategy,[task],${ns}JOBTARGET(${all(t.taskPlans)},strategy,${opt("task")}))`,
      comment: {
        ko: "추진전략(실천과제)의 일자리 목표(명): =JOBTARGET(추진전략, [실천과제])",
        en: "Job target of a strategy (or task): =JOBTARGET(strategy, [task])",
      },
      usage: '=JOBTARGET("청년 행복 일자리 확대")',
    },
    {
      name: "BUDGET",
      formula: `=LAMBDA(strategy,[task],[source],[unit],${ns}BUDGET(${all(t.taskPlans)},strategy,${opt("task")},${opt("source")},${opt("unit")}))`,
      comment: {
        ko: "추진전략(실천과제)의 사업예산: =BUDGET(추진전략, [실천과제], [재원], [단위])",
        en: "Budget of a strategy (or task): =BUDGET(strategy, [task], [source], [unit])",
      },
      usage: '=BUDGET("계층별 맞춤형 일자리 지원 및 발굴",,"시비","백만원")',
    },
    {
      name: "RECONCILE",
      formula: `=LAMBDA([unit],${ns}RECONCILE(${all(t.summary)},${all(t.taskPlans)},${opt("unit")}))`,
      comment: {
        ko: "분야별 목표표의 행별 대사 결과(OK / rounding / mismatch): =RECONCILE()",
        en: "Status of each summary row (OK / rounding / mismatch): =RECONCILE()",
      },
      usage: "=RECONCILE()",
    },
    {
      name: "FINDINGS",
      formula: `=LAMBDA([language],${ns}FINDINGS(${all(t.taskPlans)},${all(t.projects)},${all(t.summary)},${opt("language")}))`,
      comment: {
        ko: "계획의 모든 검증 결과 표: =FINDINGS()",
        en: "All findings of the plan as a table: =FINDINGS()",
      },
      usage: "=FINDINGS()",
    },
  ];
}

/** What the host tells about itself (Office.context.diagnostics and requirement sets). */
export interface HostInfo {
  /** Office.context.diagnostics.platform: "PC", "Mac", "OfficeOnline", "iOS", "Android", "Universal". */
  platform?: string;
  /** Office.context.diagnostics.version, e.g. "16.0.17928.20114" (Windows) or "16.89" (Mac). */
  version?: string;
  /** `(name, version) => Office.context.requirements.isSetSupported(name, version)`. */
  isSetSupported?: (name: string, version?: string) => boolean;
}

export interface LambdaSupport {
  /** true / false, or "unknown" when the facts given do not decide (then try a probe formula). */
  supported: boolean | "unknown";
  reason: string;
  /** Shown in the pane when the names cannot be added; null when supported. */
  message: { ko: string; en: string } | null;
}

/**
 * First Windows build with LAMBDA and optional LAMBDA parameters (ISOMITTED): Microsoft 365
 * Current Channel Version 2202 (build 14931). Excel 2021 LTSC (build 14332) has no LAMBDA;
 * Excel 2024 LTSC (build 17932) has it.
 */
export const LAMBDA_MIN_WINDOWS_BUILD = 14931;
/** First Mac version with LAMBDA (16.58, February 2022). */
export const LAMBDA_MIN_MAC_VERSION: [number, number] = [16, 58];
/** A requirement set only hosts newer than LAMBDA's release support (ExcelApi 1.16, late 2022). */
export const LAMBDA_REQUIREMENT_SET: [string, string] = ["ExcelApi", "1.16"];

export const NO_LAMBDA_MESSAGE = {
  ko: "이 Excel 버전은 LAMBDA를 지원하지 않아 =JOBTARGET(…), =BUDGET(…) 같은 짧은 이름을 추가하지 않았습니다. =PLAN.JOBTARGET(TaskPlans[#All], \"추진전략\") 처럼 PLAN. 함수를 직접 쓰세요.",
  en: "This version of Excel has no LAMBDA, so the short names =JOBTARGET(…) and =BUDGET(…) were not added. Use the PLAN. functions directly, e.g. =PLAN.JOBTARGET(TaskPlans[#All], \"strategy\").",
};

function result(supported: boolean | "unknown", reason: string): LambdaSupport {
  return { supported, reason, message: supported === true ? null : NO_LAMBDA_MESSAGE };
}

/**
 * Whether the host can hold LAMBDA names, from platform / version / requirement sets.
 * Pure: the add-in passes what Office.js reports. "unknown" means: add one name and check
 * it, or evaluate {@link LAMBDA_PROBE_FORMULA} in a scratch cell.
 */
export function lambdaSupport(info: HostInfo): LambdaSupport {
  const platform = (info.platform ?? "").toLowerCase();
  if (platform === "officeonline" || platform === "web") return result(true, "Excel on the web has LAMBDA");
  if (info.isSetSupported) {
    try {
      if (info.isSetSupported(LAMBDA_REQUIREMENT_SET[0], LAMBDA_REQUIREMENT_SET[1])) {
        return result(true, `${LAMBDA_REQUIREMENT_SET.join(" ")} is supported`);
      }
    } catch {
      // fall through to the version
    }
  }
  const v = (info.version ?? "").trim();
  const parts = v.split(".").map((p) => Number(p));
  if (parts.length === 0 || parts.some((p) => !Number.isFinite(p)) || !v) {
    return result("unknown", "no version information");
  }
  if (platform === "pc" || (parts.length >= 3 && parts[0] === 16 && parts[1] === 0)) {
    if (parts.length < 3) return result("unknown", `version ${v}: no build number`);
    const build = parts[2];
    return build >= LAMBDA_MIN_WINDOWS_BUILD
      ? result(true, `build ${build} ≥ ${LAMBDA_MIN_WINDOWS_BUILD}`)
      : result(false, `build ${build} < ${LAMBDA_MIN_WINDOWS_BUILD} (Excel 2021 or older, or an old channel)`);
  }
  if (platform === "mac") {
    const [maj, min] = [parts[0], parts[1] ?? 0];
    const [wantMaj, wantMin] = LAMBDA_MIN_MAC_VERSION;
    const okMac = maj > wantMaj || (maj === wantMaj && min >= wantMin);
    return result(okMac, `Mac version ${v} ${okMac ? "≥" : "<"} ${wantMaj}.${wantMin}`);
  }
  return result("unknown", `platform ${info.platform ?? "?"} version ${v}`);
}

/** A formula that evaluates to 2 where LAMBDA (with optional parameters) works. */
export const LAMBDA_PROBE_FORMULA = "=LAMBDA(x,[y],IF(ISOMITTED(y),x+1,x))(1)";

/** Reads the probe cell's value: 2 means LAMBDA works; an error (#NAME?) means it does not. */
export function lambdaProbeResult(value: unknown): LambdaSupport {
  if (value === 2 || value === "2") return result(true, "probe formula evaluated to 2");
  return result(false, `probe formula gave ${JSON.stringify(value)}`);
}
