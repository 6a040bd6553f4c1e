/**
 * Validation in the workbook: read the tables (one sync), check the plan in the core, then
 * write in one sync: jobplan's old highlights cleared, the findings table rewritten (grown
 * or shrunk to the findings), and the cells findings point at filled by severity.
 *
 * Known limit: validation clears only the fills it set itself, but a cell the user had
 * filled before jobplan highlighted it loses that fill when the highlight is cleared
 * (knowing the old fill would take a third sync).
 */
import type { Finding } from "../core/findings";
import { checkPlan } from "../core/validate";
import { buildWorkbookSpec, findingsRows, readPlanFromTables, TABLE_NAMES, type InputTable } from "../workbook/index";
import type { CellSpec, SheetSpec } from "../workbook/workbook-model";
import type { Limits, ProgressCallback } from "./contract";
import { encodeCell, key, rangeA1 } from "./cells";
import { readWorkbook } from "./read-workbook";
import { numberFormatOf, renderSheet } from "./render";
import { writeState, type CellRecord } from "./state";
import { REQUEST_BYTES, sheetCache, textBytes, writeBlock, Writer } from "./writer";

export const HIGHLIGHT_FILL: Record<Finding["severity"], string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };


/** The findings table rewritten in place (resized to the findings), or its sheet added. */
async function writeFindingsTable(
  context: Excel.RequestContext,
  writer: Writer,
  sheetOf: (name: string) => Excel.Worksheet,
  existing: InputTable | undefined,
  findings: Finding[],
  spec: SheetSpec,
  limits: Limits,
): Promise<void> {
  const rows = findingsRows(findings, limits.lang);
  if (!existing) {
    const ws = context.workbook.worksheets.add(spec.name);
    await renderSheet({ context, writer, chunkCells: limits.chunkCells }, ws, spec);
    return;
  }
  const ws = sheetOf(existing.sheet);
  const table = context.workbook.tables.getItem(TABLE_NAMES.findings);
  const cols = existing.values[0]?.length ?? spec.tables[0].columns.length;
  const oldBody = Math.max(1, existing.values.length - 1);
  const { row, col } = existing.origin;
  ws.getRange(rangeA1(row + 1, col, oldBody, cols)).clear("Contents" as Excel.ClearApplyTo);
  const body = rows.length ? rows : [spec.tables[0].columns.map((): CellSpec => ({ value: null }))];
  if (body.length !== oldBody) table.resize(ws.getRange(rangeA1(row, col, body.length + 1, cols)));
  const t = spec.tables[0];
  const block = body.map((r) => r.slice(0, cols).map((c) => encodeCell(c)));
  const formats = body.map((r) => r.slice(0, cols).map((c, ci) => numberFormatOf(t, c, ci)));
  await writeBlock(ws, writer, row + 1, col, block, formats, limits.chunkCells);
}

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

/**
 * Comma-separated address lists of at most MAX_ADDRESS_CHARS characters: one getRanges call
 * each (ExcelApi 1.9). Excel rejects longer address strings (office-js #5198; the limit is
 * 8,192 characters).
 */
export function addressLists(cells: readonly string[], max = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const c of cells) {
    if (cur && cur.length + 1 + c.length > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) out.push(cur);
  return out;
}

export const MAX_ADDRESS_CHARS = 8192;

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

  const writer = new Writer(context, limits.maxPayloadBytes);
  const state = read.state;
  const sheetOf = sheetCache(context);
  const existingSheets = new Set(read.inputs.map((t) => t.sheet));
  // 1. Clear jobplan's previous highlights (only cells jobplan filled itself).
  await clearHighlights(writer, sheetOf, state.highlights, existingSheets);
  // 2. The findings table.
  const spec = buildWorkbookSpec(undefined, findings, { lang: limits.lang }).sheets.find((s) => s.key === "findings")!;
  const findingsTable = read.inputs.find((t) => t.name === TABLE_NAMES.findings);
  await writeFindingsTable(context, writer, sheetOf, findingsTable, findings, spec, limits);
  // 3. Highlight the cells findings point at.
  state.highlights = await highlight(writer, sheetOf, worstByCell(findings, existingSheets, spec.name));
  await writer.add(writeState(context, state, read.store));
  await writer.flush();
  onProgress?.({ step: "done", fraction: 1 });
  return findings;
}
