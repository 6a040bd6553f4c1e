/**
 * Loading a plan to check it: a plan document's text (encoding detected) or a workbook's
 * tables (streamed). No ExcelJS here, so `check` starts without loading it.
 */
import path from "path";
import { checkPlan } from "../core";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import { importPlanText } from "../import";
import { readPlanFromTables, type InputTable } from "../workbook/read-tables";
import { InputError, XlsxReadError } from "./errors";
import { ensureReadableFile, fileError, headBytes, readBytes } from "./file-access";
import { M, say, type Lang } from "./messages";
import { decodePlanBytes, foundNoPlan } from "./plan-text";
import { MAX_BLOCK_ROWS, readXlsxTables } from "./xlsx-stream";

export interface LoadedPlan {
  plan: Plan;
  findings: Finding[];
}

const XLSX_EXT = new Set([".xlsx", ".xlsm"]);

/** A workbook by its name (.xlsx, .xlsm, .xls). */
export function isWorkbookName(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return XLSX_EXT.has(ext) || ext === ".xls";
}

/** Checks both the reader's findings and the core checks; never throws for plan problems. */
export function withChecks(plan: Plan, findings: Finding[]): Finding[] {
  return [...findings, ...checkPlan(plan)];
}

export function ensureZip(file: string, lang: Lang): void {
  const head = headBytes(file, 4, lang);
  if (!(head.length === 4 && head[0] === 0x50 && head[1] === 0x4b)) throw new InputError(say(lang, M.notZip(file)));
}

/** A read failure inside the archive as one line for the user; a bug stays a bug. */
export function xlsxError(e: unknown, file: string, lang: Lang): unknown {
  if (e instanceof XlsxReadError) {
    if (e.kind === "cell-too-long") return new InputError(say(lang, M.cellTooLong(file, e.where ?? "")));
    if (e.kind === "table-too-large") return new InputError(say(lang, M.tableTooLarge(file, e.where ?? "", MAX_BLOCK_ROWS)));
    return new InputError(say(lang, M.unreadableXlsx(file, e.message)));
  }
  if ((e as NodeJS.ErrnoException)?.code) return fileError(e, file, true, lang);
  return e;
}

/** The tables of a workbook file, streamed (only the cells of plan tables are kept). */
export async function readWorkbookTables(file: string, lang: Lang): Promise<InputTable[]> {
  ensureZip(file, lang);
  try {
    return await readXlsxTables(file);
  } catch (e) {
    throw xlsxError(e, file, lang);
  }
}

/** A plan document's text, its encoding detected; files that are not one are refused. */
export function readPlanText(file: string, lang: Lang): string {
  const decoded = decodePlanBytes(readBytes(file, lang));
  if ("notText" in decoded) throw new InputError(say(lang, M.textNotPlan(file, decoded.notText)));
  return decoded.text;
}

/** Imports a plan text; a text in which no plan table is found is refused. */
export function importPlanFile(file: string, lang: Lang): LoadedPlan {
  const { plan, findings } = importPlanText(readPlanText(file, lang));
  if (foundNoPlan(plan)) throw new InputError(say(lang, M.textNotPlan(file, "no-plan")));
  return { plan, findings: withChecks(plan, findings) };
}

/** Reads a plan from .xlsx or .txt and runs every check. */
export async function loadAndCheck(file: string, lang: Lang): Promise<LoadedPlan> {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".txt") return importPlanFile(file, lang);
  if (!XLSX_EXT.has(ext)) {
    ensureReadableFile(file, lang);
    throw new InputError(say(lang, M.notWorkbookExt(file)));
  }
  const read = readPlanFromTables(await readWorkbookTables(file, lang));
  return { plan: read.plan, findings: withChecks(read.plan, read.findings) };
}
