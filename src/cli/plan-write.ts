/**
 * Writing a plan as a new jobplan workbook (template, import, demo) with the direct OOXML
 * writer: no ExcelJS is loaded. The generated formulas carry the figures they will show as
 * cached results (generated-figures.ts), so that a later `summarize` compares with them and
 * lists only the cells whose figures really changed; the 변경 이력 sheet gets its first row.
 */
import os from "os";
import type { Finding } from "../core/findings";
import type { Plan } from "../core/model";
import type { ChangeLogEntry, ChangeOperation } from "../workbook/change-log";
import { readPlanFromTables, type InputTable } from "../workbook/read-tables";
import { regenerateCells } from "../workbook/regenerate";
import { buildWorkbookSpec } from "../workbook/template-sheets";
import type { CellSpec, CellValue, WorkbookSpec } from "../workbook/workbook-model";
import { fileError } from "./file-access";
import { generatedFigures } from "./generated-figures";
import type { Lang } from "./messages";
import { writeXlsxFile } from "./ooxml-write";

/** The login name of the person running jobplan, "" when the system has none to give. */
export function userName(): string {
  try {
    return os.userInfo().username ?? "";
  } catch {
    return "";
  }
}

/** A change log row of the CLI for an operation now. */
export function cliLogEntry(operation: ChangeOperation, findings?: readonly Finding[], extra: Partial<ChangeLogEntry> = {}): ChangeLogEntry {
  return { time: new Date(), operation, tool: "cli", who: userName(), findings, ...extra };
}

const cellInput = (c: CellSpec): InputTable["values"][number][number] => (c.formula !== undefined ? { formula: c.formula } : (c.value ?? null));

/** The spec's tables as the reader is handed tables (header first, formulas without values). */
export function specTables(spec: WorkbookSpec): InputTable[] {
  return spec.sheets.flatMap((sheet) =>
    sheet.tables.map((t) => {
      const body = t.rows.length ? t.rows : [t.columns.map((): CellSpec => ({ value: null }))];
      const values = [t.columns.map((c) => c.header.ko), ...body.map((r) => r.map(cellInput))];
      if (t.totals) values.push(t.totals.map(cellInput));
      return { sheet: sheet.name, name: t.name, origin: t.origin, values, hasTotalsRow: !!t.totals };
    }),
  );
}

/** The figures of the spec's generated formula cells, by sheet and address. */
export function specResults(spec: WorkbookSpec, lang: Lang): Map<string, Map<string, CellValue>> {
  const read = readPlanFromTables(specTables(spec));
  const { formulas, values } = regenerateCells(read, lang);
  const out = new Map<string, Map<string, CellValue>>();
  for (const [at, value] of generatedFigures(read, formulas, values, lang)) {
    const bang = at.lastIndexOf("!");
    const sheet = at.slice(0, bang);
    if (!out.has(sheet)) out.set(sheet, new Map());
    out.get(sheet)!.set(at.slice(bang + 1), value);
  }
  return out;
}

export interface PlanWriteOptions {
  protect?: boolean;
  /** The operation to log on the 변경 이력 sheet (none: no sheet). */
  log?: ChangeOperation;
}

/** Writes a plan and its findings as the jobplan template. */
export async function writePlanWorkbook(plan: Plan, findings: Finding[], file: string, lang: Lang, options: PlanWriteOptions = {}): Promise<void> {
  const changeLog = options.log ? [cliLogEntry(options.log, findings)] : undefined;
  const spec = buildWorkbookSpec(plan, findings, { lang, protect: options.protect, changeLog });
  try {
    await writeXlsxFile(spec, file, { results: specResults(spec, lang) });
  } catch (e) {
    throw fileError(e, file, false, lang);
  }
}
