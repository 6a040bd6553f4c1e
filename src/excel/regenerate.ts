/**
 * Regeneration of the generated cells and its undo, in the workbook.
 *
 * regenerate: one read (tables, formulas where generated cells live, state), then the cells
 * jobplan would write now (workbook/regenerate.ts regenerateCells: the formulas and the value
 * columns they read, as the CLI's `summarize` writes them) are compared with the cells: a
 * generated formula someone edited by hand stops the run with "confirm-needed" unless
 * forced. The value columns (matched names, 합계/소계 flags, rounding nudges) are jobplan's
 * own and written as values in the same write sync; undo restores them like the formulas.
 * Summary rows for tasks and strategies TaskPlans has and the summaries lack are inserted
 * in the same write sync, before the cell writes, which use the grown tables' addresses
 * (workbook/summary-rows.ts, grow-rows.ts). What the cells held is kept in the state for undo.
 *
 * undo: one read (state, and the tables: rows regeneration added are deleted only while
 * they still hold what it wrote) + one write.
 */
import { a1 } from "../core/a1";
import { isBlankRow, readPlanFromTables, regenerateCells, workbookUnlocks, type ReadResult } from "../workbook/index";
import type { CellChange } from "../workbook/change-log";
import { checkPlan } from "../core/validate";
import { planSummaryRows, rowBeforeGrowth, type SummaryRowPlan } from "../workbook/summary-rows";
import { JobplanError, type Limits, type RegenerateResult } from "./contract";
import { canonicalFormula, cellAt, copiesVerbatim, encodeCell, hashText, key, memo, restoreContent, type WriteValue } from "./cells";
import { queueRowDeletes, queueRowInserts, recordsAfterGrowth, recordsBeforeGrowth, rowsStillThere, undoRowsOf, type UndoRows } from "./grow-rows";
import { readFormulas, readWorkbook, type FormulaColumn, type WorkbookRead } from "./read-workbook";
import { writeState, type UndoCell } from "./state";
import { sheetCache, writeCells, Writer, type ColumnFormula } from "./writer";
import { appendLog, logSheetName } from "./change-log";
import { planProtection, queueProtect, queueReprotect, queueUnprotect, writeProtectedList } from "./protection";


type CellWrite = { sheet: string; cell: string; content: WriteValue };

interface Changes {
  edited: string[];
  /** Cells written one by one: names of added rows, totals rows, columns whose rows differ. */
  changes: CellWrite[];
  /** Generated columns with one formula for all rows: written once over the whole body. */
  columns: ColumnFormula[];
  /** Cells whose content changes (what the pane reports). */
  changed: number;
  undoCells: UndoCell[];
  undoEmpty: string[];
  generated: Record<string, string>;
  /** Value cells written, old → new (the change log lists them). */
  valueChanges: CellChange[];
}

/** Body rows (0-based sheet rows, totals row left out) of each table once the rows are in. */
interface Body {
  sheet: string;
  c0: number;
  c1: number;
  first: number;
  last: number;
}

function grownBodies(read: WorkbookRead, rows: SummaryRowPlan): Body[] {
  return read.inputs.map((t) => {
    const grown = rows.tables.find((g) => g.table === t.name && g.sheet === t.sheet);
    const body = Math.max(1, t.values.length - 1 - (t.hasTotalsRow ? 1 : 0)) + (grown?.inserted.length ?? 0);
    const width = t.values[0]?.length ?? 0;
    return { sheet: t.sheet, c0: t.origin.col, c1: t.origin.col + width - 1, first: t.origin.row + 1, last: t.origin.row + body };
  });
}

/** What regeneration would write, what it would overwrite by hand, and what undo needs. */
function planChanges(read: WorkbookRead, rows: SummaryRowPlan, lang: "ko" | "en"): Changes {
  const { formulas, values } = regenerateCells(rows.read, lang);
  const state = read.state;
  const bodies = grownBodies(read, rows);
  /** "sheet!cell" of a grown-workbook cell before the rows went in; undefined in a new row. */
  const before = (sheet: string, cell: string): string | undefined => {
    const { row, col } = cellAt(cell);
    const r = rowBeforeGrowth(rows, sheet, row, col);
    return r === undefined ? undefined : key(sheet, a1(r, col));
  };
  const out: Changes = { edited: [], changes: [], columns: [], changed: 0, undoCells: [], undoEmpty: [], generated: {}, valueChanges: [] };
  /** What to write back on undo; nothing for a cell of an inserted row (the row goes). */
  const remember = (sheet: string, cell: string, old: string | undefined) => {
    if (!old) return;
    const [curFormula, curValue] = read.cells.get(old) ?? ["", ""];
    const prev = restoreContent(curFormula, curValue);
    if (prev === "") out.undoEmpty.push(key(sheet, cell));
    else out.undoCells.push({ sheet, cell, content: prev });
  };
  // A column holds one formula on thousands of rows: its canonical form and hash once.
  const canonical = memo((f: unknown) => canonicalFormula(f));
  const hashOf = memo((canon: string) => hashText(canon));
  /** Whether the cell changes; records undo and hand edits. */
  const consider = (sheet: string, cell: string, next: string, reportEdit: boolean): boolean => {
    const k = key(sheet, cell);
    const old = before(sheet, cell);
    const nextCanon = canonical(next);
    out.generated[k] = hashOf(nextCanon);
    const [curFormula] = (old && read.cells.get(old)) || ["", ""];
    const curCanon = canonical(curFormula);
    if (curCanon === nextCanon) return false;
    const isEmpty = curFormula === "" || curFormula === null || curFormula === undefined;
    const last = old ? state.generated[old] : undefined;
    // Reported at the address the user sees now, before any row goes in.
    if (reportEdit && !isEmpty && (last === undefined || last !== hashOf(curCanon))) out.edited.push(old ?? k);
    remember(sheet, cell, old);
    out.changed++;
    return true;
  };
  // Group the generated cells by column; a body column with one formula is written whole.
  const byColumn = new Map<string, { sheet: string; body?: Body; col: number; cells: Array<{ cell: string; row: number; next: string }> }>();
  for (const g of formulas) {
    const { row, col } = cellAt(g.cell);
    const body = bodies.find((b) => b.sheet === g.sheet && col >= b.c0 && col <= b.c1 && row >= b.first && row <= b.last);
    const k = body ? `${g.sheet}!${col}` : `${g.sheet}!${g.cell}`;
    const group = byColumn.get(k) ?? { sheet: g.sheet, body, col, cells: [] };
    group.cells.push({ cell: g.cell, row, next: "=" + g.formula });
    byColumn.set(k, group);
  }
  for (const [, group] of byColumn) {
    const canon = new Set(group.cells.map((c) => canonical(c.next)));
    const first = group.cells[0].next;
    const listed = new Set(group.cells.map((c) => c.row));
    // One write over the whole body, unless a row it would cover holds a total someone typed.
    const whole = group.body && canon.size === 1 && copiesVerbatim(first) && unlistedBlank(rows.read, group.body, listed);
    if (group.body && whole) {
      const { sheet, first: r0, last: r1 } = group.body;
      let changes = false;
      for (let r = r0; r <= r1; r++) changes = consider(sheet, a1(r, group.col), first, listed.has(r)) || changes;
      if (changes) out.columns.push({ sheet, col: group.col, row: r0, rows: r1 - r0 + 1, formula: first });
      continue;
    }
    const { sheet } = group;
    for (const c of group.cells) if (consider(sheet, c.cell, c.next, true)) out.changes.push({ sheet, cell: c.cell, content: c.next });
  }
  // Names of the added rows: text, never formulas.
  for (const g of rows.tables) {
    for (const c of g.cells) {
      out.changes.push({ sheet: g.sheet, cell: c.cell, content: encodeCell({ value: c.value }) });
      out.changed++;
      remember(g.sheet, c.cell, before(g.sheet, c.cell));
      out.valueChanges.push({ sheet: g.sheet, cell: c.cell, old: null, new: c.value });
    }
  }
  // The value columns: only where the cell holds something else (regenerateCells decides).
  for (const v of values) {
    const old = before(v.sheet, v.cell);
    const cur = old ? (read.cells.get(old)?.[1] ?? null) : null;
    out.changes.push({ sheet: v.sheet, cell: v.cell, content: encodeCell({ value: v.value }) });
    out.changed++;
    remember(v.sheet, v.cell, old);
    out.valueChanges.push({ sheet: v.sheet, cell: v.cell, old: cellValueOf(cur), new: v.value });
  }
  return out;
}

/** Whether every body row of `body` not in `listed` is blank (in the grown workbook). */
function unlistedBlank(read: ReadResult, body: Body, listed: Set<number>): boolean {
  for (let r = body.first; r <= body.last; r++) {
    if (listed.has(r)) continue;
    const t = Object.values(read.tables).find((x) => x && x.input.sheet === body.sheet && x.input.origin.col === body.c0 && r > x.input.origin.row && r < x.input.origin.row + x.input.values.length);
    if (t && !isBlankRow(t, r - t.input.origin.row)) return false;
  }
  return true;
}

/** A value read back as a change-log value ("" and undefined are blank). */
function cellValueOf(v: unknown): CellChange["old"] {
  if (v === undefined || v === null || v === "") return null;
  return typeof v === "number" || typeof v === "boolean" ? v : String(v);
}

/** The generated columns of the tables as read (before any row goes in), totals row included. */
function generatedColumns(located: ReadResult): FormulaColumn[] {
  const out: FormulaColumn[] = [];
  for (const t of Object.values(located.tables)) {
    if (!t) continue;
    const { origin, values, sheet } = t.input;
    const cols = t.columns
      .filter((c) => c.generated && t.index[c.key] !== undefined)
      .map((c) => origin.col + t.index[c.key])
      .sort((a, b) => a - b);
    // Adjacent generated columns are read as one block.
    for (const col of cols) {
      const last = out[out.length - 1];
      if (last && last.sheet === sheet && last.row === origin.row + 1 && last.col + (last.cols ?? 1) === col) last.cols = (last.cols ?? 1) + 1;
      else out.push({ sheet, col, cols: 1, row: origin.row + 1, rows: values.length - 1 });
    }
  }
  return out;
}

export async function regenerateWorkbook(context: Excel.RequestContext, limits: Limits, opts: { force: boolean; protect: boolean }): Promise<RegenerateResult> {
  const read = await readWorkbook(context, limits);
  const located = readPlanFromTables(read.inputs);
  // Formulas only where jobplan generates them: the rest of the tables is values.
  await readFormulas(context, read, generatedColumns(located), limits);
  // Summary rows for tasks / strategies TaskPlans has and the summaries lack: the
  // formulas are those of the workbook with the rows in, at the addresses they will have.
  const rows = planSummaryRows(located);
  const plan = planChanges(read, rows, limits.lang);
  // Sheets written: the generated cells', the grown tables', the log's; with protection on,
  // every sheet of a plan table is protected too.
  const touched = new Set([...plan.changes.map((c) => c.sheet), ...plan.columns.map((c) => c.sheet), ...rows.tables.map((g) => g.sheet), logSheetName(read.log)]);
  const protection = planProtection(read.protection.sheets, touched, read.protection.ours);
  if (plan.edited.length && !opts.force) return { status: "confirm-needed", editedCells: plan.edited };
  const state = read.state;
  const writer = new Writer(context, limits.maxPayloadBytes);
  const sheetOf = sheetCache(context);
  const undoRows = undoRowsOf(rows);
  await queueUnprotect(writer, sheetOf, protection);
  // Rows first: the cell writes below use the addresses of the grown tables.
  await writer.add(queueRowInserts(context, rows));
  await writeCells(context, writer, plan.changes, limits.chunkCells, plan.columns);
  state.undo = { cells: plan.undoCells, empty: plan.undoEmpty, generated: state.generated, rows: undoRows };
  state.generated = plan.generated;
  if (undoRows.length) state.highlights = recordsAfterGrowth(state.highlights, { tables: undoRows });
  const findings = [...rows.read.findings, ...checkPlan(rows.read.plan)];
  const added = rows.added.byTask + rows.added.byStrategy;
  await appendLog(context, writer, read.log, { time: limits.now(), operation: "regenerate", tool: "addin", who: limits.who(), findings, written: plan.changed, addedRows: added, changes: plan.valueChanges }, limits);
  await queueReprotect(writer, sheetOf, protection);
  const ours = [...read.protection.ours];
  if (opts.protect) {
    const isProtected = new Set(read.protection.sheets.filter((s) => s.protected).map((s) => s.name));
    for (const u of workbookUnlocks(rows.read)) {
      if (isProtected.has(u.sheet)) continue;
      await queueProtect(sheetOf(u.sheet), writer, u.unlocked);
      ours.push(u.sheet);
    }
  }
  if (ours.length !== read.protection.ours.length) await writer.add(writeProtectedList(context, ours));
  await writer.add(writeState(context, state, read.store));
  await writer.flush();
  return { status: "done", changedCells: plan.changed, addedRows: rows.added };
}

/** Rows of a filtered table cannot be deleted (office-js #994): say so before writing anything. */
function refuseFiltered(read: WorkbookRead, rows: readonly UndoRows[]): void {
  const filtered = [...new Set(rows.filter((u) => read.filtered.has(u.table)).map((u) => u.table))];
  if (!filtered.length) return;
  throw new JobplanError("filtered-table", {
    ko: `표 ${filtered.join(", ")}에 필터가 적용되어 있어 다시 만들기로 추가한 행을 지울 수 없습니다. 필터를 해제(데이터 › 지우기)한 뒤 되돌리기를 다시 누르세요. 아무것도 바꾸지 않았습니다.`,
    en: `Table ${filtered.join(", ")} is filtered, and Excel cannot delete rows of a filtered table. Clear the filter (Data › Clear) and undo again. Nothing was changed.`,
  });
}

export async function undoRegeneration(context: Excel.RequestContext, limits: Limits): Promise<boolean> {
  const read = await readWorkbook(context, limits);
  const state = read.state;
  if (!state.undo) return false;
  const rows = state.undo.rows ?? [];
  // Rows sorted or moved since: deleting by index would delete someone's row.
  if (rows.length && !rowsStillThere(rows, read.inputs)) return false;
  refuseFiltered(read, rows);
  const empty = (state.undo.empty ?? []).map((k): CellWrite => {
    const bang = k.lastIndexOf("!");
    return { sheet: k.slice(0, bang), cell: k.slice(bang + 1), content: "" };
  });
  const cells = [...state.undo.cells, ...empty];
  const touched = [...cells.map((c) => c.sheet), ...rows.map((u) => u.sheet), logSheetName(read.log)];
  const protection = planProtection(read.protection.sheets, touched, read.protection.ours);
  const writer = new Writer(context, limits.maxPayloadBytes);
  const sheetOf = sheetCache(context);
  await queueUnprotect(writer, sheetOf, protection);
  // Cells first, at the grown addresses; then the rows out, which moves them back.
  await writeCells(context, writer, cells, limits.chunkCells);
  await writer.add(queueRowDeletes(context, rows));
  if (rows.length) state.highlights = recordsBeforeGrowth(state.highlights, { tables: rows });
  state.generated = state.undo.generated;
  state.undo = null;
  await appendLog(context, writer, read.log, { time: limits.now(), operation: "undo", tool: "addin", who: limits.who(), written: cells.length }, limits);
  await queueReprotect(writer, sheetOf, protection);
  await writer.add(writeState(context, state, read.store));
  await writer.flush();
  return true;
}
