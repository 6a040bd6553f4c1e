/**
 * Validation in the workbook: read the tables (one sync), check the plan in the core, then
 * write in one sync: jobplan's old highlights cleared, the findings table rewritten in the
 * template's layout (findings-table.ts), the cells findings point at filled by severity,
 * and a row in the change log. Sheets jobplan protected are unprotected around the writes.
 *
 * Known limit: validation clears only the fills it set itself, but a cell the user had
 * filled before jobplan highlighted it loses that fill when the highlight is cleared
 * (knowing the old fill would take a third sync).
 */
import type { Finding } from "../core/findings";
import { checkPlan } from "../core/validate";
import { SEVERITY_ORDER } from "../core/vocabulary";
import { readPlanFromTables, SHEET_NAMES, TABLE_NAMES } from "../workbook/index";
import { SEVERITY_FILLS } from "../workbook/findings-sheet";
import type { Limits, ProgressCallback } from "./contract";
import { argbToHex, key } from "./cells";
import { readWorkbook } from "./read-workbook";
import { addressLists } from "./addresses";
import { renderContext } from "./render";
import { writeFindings } from "./findings-table";
import { appendLog, logSheetName } from "./change-log";
import { planProtection, queueReprotect, queueUnprotect } from "./protection";
import { writeState, type CellRecord } from "./state";
import { REQUEST_BYTES, textBytes, Writer } from "./writer";

/** Fills of the cells findings point at: the 검증 sheet's severity colours. */
export const HIGHLIGHT_FILL: Record<Finding["severity"], string> = {
  error: argbToHex(SEVERITY_FILLS.error),
  warning: argbToHex(SEVERITY_FILLS.warning),
  info: argbToHex(SEVERITY_FILLS.info),
};

/** "sheet!cell" -> the worst severity of the findings there (cells of existing sheets only). */
function worstByCell(findings: Finding[], existingSheets: Set<string>, skipSheet: string): Map<string, Finding["severity"]> {
  const worst = new Map<string, Finding["severity"]>();
  for (const f of findings) {
    const { sheet, cell } = f.location;
    if (!sheet || !cell || !existingSheets.has(sheet) || sheet === skipSheet) continue;
    const k = key(sheet, cell);
    const prev = worst.get(k);
    if (!prev || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[prev]) worst.set(k, f.severity);
  }
  return worst;
}

export { addressLists, MAX_ADDRESS_CHARS } from "./addresses";

/** Cells grouped by sheet (and a key such as the colour), in a stable order. */
function groupCells<K extends string>(records: Array<{ sheet: string; cell: string; key: K }>): Map<string, Map<K, string[]>> {
  const out = new Map<string, Map<K, string[]>>();
  for (const r of records) {
    const bySheet = out.get(r.sheet) ?? new Map<K, string[]>();
    const list = bySheet.get(r.key) ?? [];
    list.push(r.cell);
    bySheet.set(r.key, list);
    out.set(r.sheet, bySheet);
  }
  return out;
}

/** Clears jobplan's previous highlights: one getRanges per sheet (and address list). */
export async function clearHighlights(writer: Writer, sheetOf: (name: string) => Excel.Worksheet, old: readonly CellRecord[], existing: Set<string>): Promise<void> {
  const groups = groupCells(old.filter((h) => existing.has(h.sheet)).map((h) => ({ ...h, key: "clear" as const })));
  for (const [sheet, byKey] of groups)
    for (const list of addressLists(byKey.get("clear") ?? [])) {
      sheetOf(sheet).getRanges(list).format.fill.clear();
      await writer.add(REQUEST_BYTES.fillClear + textBytes(list));
    }
}

/** Fills the cells findings point at, by worst severity: one getRanges per sheet and colour. */
export async function highlight(writer: Writer, sheetOf: (name: string) => Excel.Worksheet, worst: Map<string, Finding["severity"]>): Promise<CellRecord[]> {
  const records = [...worst].map(([k, severity]) => {
    const bang = k.lastIndexOf("!");
    return { sheet: k.slice(0, bang), cell: k.slice(bang + 1), key: severity };
  });
  for (const [sheet, bySeverity] of groupCells(records))
    for (const [severity, cells] of bySeverity)
      for (const list of addressLists(cells)) {
        sheetOf(sheet).getRanges(list).format.fill.color = HIGHLIGHT_FILL[severity];
        await writer.add(REQUEST_BYTES.fillColor + textBytes(list));
      }
  return records.map(({ sheet, cell }) => ({ sheet, cell }));
}

export async function validateWorkbook(context: Excel.RequestContext, limits: Limits, onProgress?: ProgressCallback): Promise<Finding[]> {
  onProgress?.({ step: "read", fraction: 0.1 });
  const read = await readWorkbook(context, limits);
  onProgress?.({ step: "compute", fraction: 0.4 });
  const result = readPlanFromTables(read.inputs);
  const findings = [...result.findings, ...checkPlan(result.plan)];
  onProgress?.({ step: "write", fraction: 0.6 });

  const state = read.state;
  const existingSheets = new Set(read.inputs.map((t) => t.sheet));
  const findingsTable = read.inputs.find((t) => t.name === TABLE_NAMES.findings);
  const findingsSheetName = findingsTable?.sheet ?? SHEET_NAMES.findings;
  const worst = worstByCell(findings, existingSheets, findingsSheetName);
  // Sheets written: highlights old and new, the worklist, the log.
  const touched = [...state.highlights.map((h) => h.sheet), ...[...worst.keys()].map((k) => k.slice(0, k.lastIndexOf("!"))), findingsSheetName, logSheetName(read.log)];
  const protection = planProtection(read.protection.sheets, touched, read.protection.ours);

  const writer = new Writer(context, limits.maxPayloadBytes);
  const rc = renderContext(context, writer, { chunkCells: limits.chunkCells, lang: limits.lang, notes: false });
  await queueUnprotect(writer, rc.sheetOf, protection);
  // 1. Clear jobplan's previous highlights (only cells jobplan filled itself).
  await clearHighlights(writer, rc.sheetOf, state.highlights, existingSheets);
  // 2. The findings table.
  await writeFindings(rc, findingsTable, findings, findingsSheetName);
  // 3. Highlight the cells findings point at.
  state.highlights = await highlight(writer, rc.sheetOf, worst);
  await appendLog(context, writer, read.log, { time: limits.now(), operation: "validate", tool: "addin", who: limits.who(), findings }, limits);
  await queueReprotect(writer, rc.sheetOf, protection);
  await writer.add(writeState(context, state, read.store));
  await writer.flush();
  onProgress?.({ step: "done", fraction: 1 });
  return findings;
}
