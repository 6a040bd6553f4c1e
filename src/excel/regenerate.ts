/**
 * Regeneration of the generated cells and its undo, in the workbook.
 *
 * regenerate: one read (tables, formulas where generated cells live, state), then the
 * formulas jobplan would write now (workbook/regenerate.ts) are compared with the cells:
 * a generated cell someone edited by hand stops the run with "confirm-needed" unless forced.
 * Summary rows for tasks and strategies TaskPlans has and the summaries lack are inserted
 * in the same write sync, before the cell writes, which use the grown tables' addresses
 * (workbook/summary-rows.ts, grow-rows.ts). What the cells held is kept in the state for undo.
 *
 * undo: one read (state, and the tables: rows regeneration added are deleted only while
 * they still hold what it wrote) + one write.
 */
import { a1 } from "../core/a1";
import { readPlanFromTables, regenerateFormulas, type ReadResult } from "../workbook/index";
import { planSummaryRows, rowBeforeGrowth, type SummaryRowPlan } from "../workbook/summary-rows";
import { JobplanError, type Limits, type RegenerateResult } from "./contract";
import { canonicalFormula, cellAt, copiesVerbatim, encodeCell, hashText, key, restoreContent, type WriteValue } from "./cells";
import { queueRowDeletes, queueRowInserts, recordsAfterGrowth, recordsBeforeGrowth, rowsStillThere, undoRowsOf, type UndoRows } from "./grow-rows";
import { readFormulas, readWorkbook, type FormulaColumn, type WorkbookRead } from "./read-workbook";
import { writeState, type UndoCell } from "./state";
import { writeCells, Writer, type ColumnFormula } from "./writer";


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
  const formulas = regenerateFormulas(rows.read, lang);
  const state = read.state;
  const bodies = grownBodies(read, rows);
  /** "sheet!cell" of a grown-workbook cell before the rows went in; undefined in a new row. */
  const before = (sheet: string, cell: string): string | undefined => {
    const { row, col } = cellAt(cell);
    const r = rowBeforeGrowth(rows, sheet, row, col);
    return r === undefined ? undefined : key(sheet, a1(r, col));
  };
  const out: Changes = { edited: [], changes: [], columns: [], changed: 0, undoCells: [], undoEmpty: [], generated: {} };
  /** What to write back on undo; nothing for a cell of an inserted row (the row goes). */
  const remember = (sheet: string, cell: string, old: string | undefined) => {
    if (!old) return;
    const [curFormula, curValue] = read.cells.get(old) ?? ["", ""];
    const prev = restoreContent(curFormula, curValue);
    if (prev === "") out.undoEmpty.push(key(sheet, cell));
    else out.undoCells.push({ sheet, cell, content: prev });
  };
  /** Whether the cell changes; records undo and hand edits. */
  const consider = (sheet: string, cell: string, next: string, reportEdit: boolean): boolean => {
    const k = key(sheet, cell);
    const old = before(sheet, cell);
    const nextCanon = canonicalFormula(next);
    out.generated[k] = hashText(nextCanon);
    const [curFormula] = (old && read.cells.get(old)) || ["", ""];
    const curCanon = canonicalFormula(curFormula);
    if (curCanon === nextCanon) return false;
    const isEmpty = curFormula === "" || curFormula === null || curFormula === undefined;
    const last = old ? state.generated[old] : undefined;
    // Reported at the address the user sees now, before any row goes in.
    if (reportEdit && !isEmpty && (last === undefined || last !== hashText(curCanon))) out.edited.push(old ?? k);
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
    const canon = new Set(group.cells.map((c) => canonicalFormula(c.next)));
    const first = group.cells[0].next;
    if (group.body && canon.size === 1 && copiesVerbatim(first)) {
      const { sheet, first: r0, last: r1 } = group.body;
      let changes = false;
      const listed = new Set(group.cells.map((c) => c.row));
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
    }
  }
  return out;
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

export async function regenerateWorkbook(context: Excel.RequestContext, limits: Limits, force: boolean): Promise<RegenerateResult> {
  const read = await readWorkbook(context, limits);
  const located = readPlanFromTables(read.inputs);
  // Formulas only where jobplan generates them: the rest of the tables is values.
  await readFormulas(context, read, generatedColumns(located), limits);
  // Summary rows for tasks / strategies TaskPlans has and the summaries lack: the
  // formulas are those of the workbook with the rows in, at the addresses they will have.
  const rows = planSummaryRows(located);
  const plan = planChanges(read, rows, limits.lang);
  if (plan.edited.length && !force) return { status: "confirm-needed", editedCells: plan.edited };
  const state = read.state;
  const writer = new Writer(context, limits.maxPayloadBytes);
  const undoRows = undoRowsOf(rows);
  // Rows first: the cell writes below use the addresses of the grown tables.
  await writer.add(queueRowInserts(context, rows));
  await writeCells(context, writer, plan.changes, limits.chunkCells, plan.columns);
  state.undo = { cells: plan.undoCells, empty: plan.undoEmpty, generated: state.generated, rows: undoRows };
  state.generated = plan.generated;
  if (undoRows.length) state.highlights = recordsAfterGrowth(state.highlights, { tables: undoRows });
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
  const writer = new Writer(context, limits.maxPayloadBytes);
  const empty = (state.undo.empty ?? []).map((k): CellWrite => {
    const bang = k.lastIndexOf("!");
    return { sheet: k.slice(0, bang), cell: k.slice(bang + 1), content: "" };
  });
  // Cells first, at the grown addresses; then the rows out, which moves them back.
  await writeCells(context, writer, [...state.undo.cells, ...empty], limits.chunkCells);
  await writer.add(queueRowDeletes(context, rows));
  if (rows.length) state.highlights = recordsBeforeGrowth(state.highlights, { tables: rows });
  state.generated = state.undo.generated;
  state.undo = null;
  await writer.add(writeState(context, state, read.store));
  await writer.flush();
  return true;
}
