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
import { readPlanFromTables, regenerateFormulas } from "../workbook/index";
import { planSummaryRows, rowBeforeGrowth, type SummaryRowPlan } from "../workbook/summary-rows";
import type { RegenerateResult } from "./contract";
import { canonicalFormula, cellAt, encodeCell, hashText, key, restoreContent, type WriteValue } from "./cells";
import { queueRowDeletes, queueRowInserts, recordsAfterGrowth, recordsBeforeGrowth, rowsStillThere, undoRowsOf } from "./grow-rows";
import { readWorkbook, type WorkbookRead } from "./read-workbook";
import { writeState, type UndoCell } from "./state";
import { writeRuns, Writer } from "./writer";

export interface WriteLimits {
  chunkCells: number;
  maxPayloadBytes: number;
  lang: "ko" | "en";
}

type CellWrite = { sheet: string; cell: string; content: WriteValue };

interface Changes {
  edited: string[];
  changes: CellWrite[];
  undoCells: UndoCell[];
  undoEmpty: string[];
  generated: Record<string, string>;
}

/** What regeneration would write, what it would overwrite by hand, and what undo needs. */
function planChanges(read: WorkbookRead, rows: SummaryRowPlan, lang: "ko" | "en"): Changes {
  const formulas = regenerateFormulas(rows.read, lang);
  const state = read.state;
  /** "sheet!cell" of a grown-workbook cell before the rows went in; undefined in a new row. */
  const before = (sheet: string, cell: string): string | undefined => {
    const { row, col } = cellAt(cell);
    const r = rowBeforeGrowth(rows, sheet, row, col);
    return r === undefined ? undefined : key(sheet, a1(r, col));
  };
  const out: Changes = { edited: [], changes: [], undoCells: [], undoEmpty: [], generated: {} };
  /** What to write back on undo; nothing for a cell of an inserted row (the row goes). */
  const remember = (sheet: string, cell: string, old: string | undefined) => {
    if (!old) return;
    const [curFormula, curValue] = read.cells.get(old) ?? ["", ""];
    const prev = restoreContent(curFormula, curValue);
    if (prev === "") out.undoEmpty.push(key(sheet, cell));
    else out.undoCells.push({ sheet, cell, content: prev });
  };
  for (const g of formulas) {
    const k = key(g.sheet, g.cell);
    const old = before(g.sheet, g.cell);
    const next = "=" + g.formula;
    const nextCanon = canonicalFormula(next);
    out.generated[k] = hashText(nextCanon);
    const [curFormula] = (old && read.cells.get(old)) || ["", ""];
    const curCanon = canonicalFormula(curFormula);
    if (curCanon === nextCanon) continue;
    const isEmpty = curFormula === "" || curFormula === null || curFormula === undefined;
    const last = old ? state.generated[old] : undefined;
    // Reported at the address the user sees now, before any row goes in.
    if (!isEmpty && (last === undefined || last !== hashText(curCanon))) out.edited.push(old ?? k);
    out.changes.push({ sheet: g.sheet, cell: g.cell, content: next });
    remember(g.sheet, g.cell, old);
  }
  // Names of the added rows: text, never formulas.
  for (const g of rows.tables) {
    for (const c of g.cells) {
      out.changes.push({ sheet: g.sheet, cell: c.cell, content: encodeCell({ value: c.value }) });
      remember(g.sheet, c.cell, before(g.sheet, c.cell));
    }
  }
  return out;
}

export async function regenerateWorkbook(context: Excel.RequestContext, limits: WriteLimits, force: boolean): Promise<RegenerateResult> {
  const read = await readWorkbook(context, { formulas: true, tables: true });
  // Summary rows for tasks / strategies TaskPlans has and the summaries lack: the
  // formulas are those of the workbook with the rows in, at the addresses they will have.
  const rows = planSummaryRows(readPlanFromTables(read.inputs));
  const plan = planChanges(read, rows, limits.lang);
  if (plan.edited.length && !force) return { status: "confirm-needed", editedCells: plan.edited };
  const state = read.state;
  const writer = new Writer(context, limits.maxPayloadBytes);
  const undoRows = undoRowsOf(rows);
  // Rows first: the cell writes below use the addresses of the grown tables.
  await writer.add(queueRowInserts(context, rows));
  await writeRuns(context, writer, plan.changes, limits.chunkCells);
  state.undo = { cells: plan.undoCells, empty: plan.undoEmpty, generated: state.generated, rows: undoRows };
  state.generated = plan.generated;
  if (undoRows.length) state.highlights = recordsAfterGrowth(state.highlights, { tables: undoRows });
  await writer.add(writeState(context, state, read.hasState));
  await writer.flush();
  return { status: "done", changedCells: plan.changes.length, addedRows: rows.added };
}

export async function undoRegeneration(context: Excel.RequestContext, limits: WriteLimits): Promise<boolean> {
  const read = await readWorkbook(context, { formulas: false, tables: true });
  const state = read.state;
  if (!read.hasState || !state.undo) return false;
  const rows = state.undo.rows ?? [];
  // Rows sorted or moved since: deleting by index would delete someone's row.
  if (rows.length && !rowsStillThere(rows, read.inputs)) return false;
  const writer = new Writer(context, limits.maxPayloadBytes);
  const empty = (state.undo.empty ?? []).map((k): CellWrite => {
    const bang = k.lastIndexOf("!");
    return { sheet: k.slice(0, bang), cell: k.slice(bang + 1), content: "" };
  });
  // Cells first, at the grown addresses; then the rows out, which moves them back.
  await writeRuns(context, writer, [...state.undo.cells, ...empty], limits.chunkCells);
  await writer.add(queueRowDeletes(context, rows));
  if (rows.length) state.highlights = recordsBeforeGrowth(state.highlights, { tables: rows });
  state.generated = state.undo.generated;
  state.undo = null;
  await writer.add(writeState(context, state, true));
  await writer.flush();
  return true;
}
