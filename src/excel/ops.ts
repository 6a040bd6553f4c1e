/**
 * Implementation of PlanWorkbookOps (contract.ts): each operation is a short function over
 * the modules that do the work (render.ts, validate.ts, regenerate.ts).
 *
 * Sync budget per operation (happy path):
 *  - insertTemplate, importText: 1 read (existing sheets, tables, names) + 1 write.
 *  - validate, regenerate: 1 read (tables by their template names + jobplan's state) +
 *    1 write. When a table or the state sheet is missing (a workbook made elsewhere or
 *    edited), the read falls back to one discovery sync and one more read.
 *  - undoRegeneration: 1 read + 1 write.
 *  - selectCell: 1.
 * Writes are range writes of at most `chunkCells` cells; they are flushed together unless
 * the estimated request passes `maxPayloadBytes`, in which case the writer syncs once per
 * payload-sized batch (writer.ts). Repeated formulas are written once and copied with
 * Range.copyFrom (ExcelApi 1.9); tables are resized with Table.resize (1.13).
 */
import type {
  ExcelRun,
  ImportResult,
  InsertResult,
  Notice,
  WriteOptions,
  InsertTemplateOptions,
  Limits,
  PlanWorkbookOps,
  PlanWorkbookOptions,
  ProgressCallback,
  RegenerateResult,
} from "./contract";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import { emptyPlan } from "../core/index";
import { parseSourceList } from "../core/vocabulary";
import { checkPlan } from "../core/validate";
import { importPlanText } from "../import/index";
import { buildWorkbookSpec } from "../workbook/index";
import { lambdaNames, lambdaSupport, NO_LAMBDA_MESSAGE } from "../functions/lambda-names";
import { renderWorkbook, type RenderOutcome } from "./render";
import { FROZEN_NAMES_MESSAGE } from "./names";
import { officeEnvironment, runSelfTest } from "./self-test";
import { officeUserName } from "./change-log";
import type { ChangeLogEntry } from "../workbook/change-log";
import { emptyState } from "./state";
import { validateWorkbook } from "./validate";
import { regenerateWorkbook, undoRegeneration } from "./regenerate";

type LambdaCheck = { supported: boolean; message: { ko: string; en: string } | null };

function defaultLambdaCheck(): LambdaCheck {
  try {
    const office = (globalThis as { Office?: typeof Office }).Office;
    const diag = office?.context?.diagnostics;
    if (!office || !diag) return { supported: false, message: NO_LAMBDA_MESSAGE };
    const r = lambdaSupport({
      platform: String(diag.platform ?? ""),
      version: diag.version,
      isSetSupported: (name, version) => office.context.requirements.isSetSupported(name, version),
    });
    return { supported: r.supported === true, message: r.supported === true ? null : (r.message ?? NO_LAMBDA_MESSAGE) };
  } catch {
    return { supported: false, message: NO_LAMBDA_MESSAGE };
  }
}

function limitsOf(options: PlanWorkbookOptions): Limits {
  const env = options.environment?.() ?? officeEnvironment();
  return {
    chunkCells: options.chunkCells ?? 5000,
    maxPayloadBytes: options.maxPayloadBytes ?? 4 * 1024 * 1024,
    maxResponseBytes: options.maxResponseBytes ?? 4 * 1024 * 1024,
    lang: options.headerLanguage ?? "ko",
    notes: env.isSetSupported("ExcelApi", "1.18"),
    who: options.userName ?? officeUserName,
    now: options.now ?? (() => new Date()),
  };
}

/** What the pane says when notes were left out (no finding: the host lacks the API). */
export function notesNotice(skipped: number): Notice | undefined {
  if (!skipped) return undefined;
  return {
    ko: `이 Excel에서는 셀 메모를 넣을 수 없어(ExcelApi 1.18 필요) 설명 메모 ${skipped}개를 생략했습니다. 숫자가 아닌 값 등은 검증 시트에 그대로 나옵니다.`,
    en: `This Excel cannot add cell notes (it needs ExcelApi 1.18), so ${skipped} explanatory notes were left out; values that are not numbers are still listed on the 검증 sheet.`,
  };
}

/**
 * Writes a whole plan as the jobplan workbook (what importText does after parsing): one
 * read sync, then the writes. Exported for tests and callers that already hold a Plan.
 */
export async function writePlan(
  run: ExcelRun,
  plan: Plan,
  findings: Finding[],
  options: PlanWorkbookOptions = {},
  lambda?: LambdaCheck,
  write: WriteOptions & { operation?: "template" | "import" } = {},
): Promise<{ outcome: RenderOutcome; lambda: LambdaCheck }> {
  const limits = limitsOf(options);
  const entry: ChangeLogEntry = { time: limits.now(), operation: write.operation ?? "import", tool: "addin", who: limits.who() };
  if (entry.operation === "import") entry.findings = findings;
  const spec = buildWorkbookSpec(plan, findings, { lang: limits.lang, protect: !!write.protect, changeLog: [entry] });
  const l = lambda ?? { supported: false, message: null };
  const extra = l.supported ? lambdaNames().map((x) => ({ name: x.name, formula: x.formula, comment: x.comment[limits.lang] })) : [];
  const { outcome } = await run((context) => renderWorkbook(context, spec, extra, limits, emptyState()));
  return { outcome, lambda: l };
}

export function createPlanWorkbookOps(run: ExcelRun, options: PlanWorkbookOptions = {}): PlanWorkbookOps {
  const limits = limitsOf(options);
  const lambdaCheck = (): LambdaCheck => {
    if (!options.lambdaSupported) return defaultLambdaCheck();
    const ok = options.lambdaSupported();
    return { supported: ok, message: ok ? null : NO_LAMBDA_MESSAGE };
  };
  const renderPlan = (plan: Plan, findings: Finding[], write: WriteOptions & { operation: "template" | "import" }) => writePlan(run, plan, findings, options, lambdaCheck(), write);

  async function insertTemplate(opts: InsertTemplateOptions): Promise<InsertResult> {
    const plan = emptyPlan(opts.planName);
    if (opts.region) plan.region = opts.region;
    plan.year = opts.year;
    plan.settings = { sources: parseSourceList(opts.sources), roundingMode: opts.roundingMode };
    const { outcome, lambda } = await renderPlan(plan, [], { operation: "template", protect: opts.protect });
    const frozen = outcome.frozenNames.length > 0;
    const result: InsertResult = { sheets: outcome.sheets, tables: outcome.tables, names: outcome.names, lambdaNames: lambda.supported && !frozen };
    if (frozen) result.message = FROZEN_NAMES_MESSAGE;
    else if (lambda.message) result.message = lambda.message;
    const notice = notesNotice(outcome.notesSkipped);
    if (notice) result.notice = notice;
    return result;
  }

  async function importText(text: string, onProgress?: ProgressCallback, write: WriteOptions = {}): Promise<ImportResult> {
    onProgress?.({ step: "compute", fraction: 0.1 });
    const imported = importPlanText(text);
    const findings = [...imported.findings, ...checkPlan(imported.plan)];
    onProgress?.({ step: "write", fraction: 0.4 });
    const { outcome } = await renderPlan(imported.plan, findings, { operation: "import", protect: write.protect });
    onProgress?.({ step: "done", fraction: 1 });
    const notice = notesNotice(outcome.notesSkipped);
    return notice ? { findings, notice } : { findings };
  }

  const validate = (onProgress?: ProgressCallback): Promise<Finding[]> => run((context) => validateWorkbook(context, limits, onProgress));

  const regenerate = (opts?: { force?: boolean } & WriteOptions): Promise<RegenerateResult> => run((context) => regenerateWorkbook(context, limits, { force: !!opts?.force, protect: !!opts?.protect }));

  const undo = (): Promise<boolean> => run((context) => undoRegeneration(context, limits));

  async function selectCell(sheet: string, cell: string): Promise<void> {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  const selfTest = () => runSelfTest(run, options.environment?.() ?? officeEnvironment());

  return { insertTemplate, importText, validate, regenerate, undoRegeneration: undo, selectCell, selfTest };
}
