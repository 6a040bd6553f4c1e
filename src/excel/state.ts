/**
 * jobplan's own memory, kept in a very hidden sheet (STATE_SHEET): which generated cells it
 * wrote last (a hash of each formula), which cells it highlighted, and the previous contents
 * of the cells the last regeneration changed (for undo). Stored as JSON text in column A,
 * one chunk a cell.
 */
import { approxBytes, REQUEST_BYTES } from "./writer";
import type { UndoRows } from "./grow-rows";

/** The very hidden sheet that holds jobplan's state. */
export const STATE_SHEET = "jobplan_state";
export const STATE_CHUNK = 30000;

export interface CellRecord {
  sheet: string;
  cell: string;
}

export interface UndoCell extends CellRecord {
  /** What to write back (text is apostrophe-prefixed, formulas start with "="). */
  content: string | number | boolean;
}

export interface JobplanState {
  v: 1;
  /** "sheet!cell" -> hash of the canonical formula jobplan last wrote there. */
  generated: Record<string, string>;
  highlights: CellRecord[];
  /**
   * `cells` had contents; `empty` ("sheet!cell") were empty before the regeneration (both at
   * their addresses after it); `rows` are the summary rows it inserted, deleted after the
   * cells are restored.
   */
  undo: null | { cells: UndoCell[]; empty?: string[]; generated: Record<string, string>; rows?: UndoRows[] };
}

export function emptyState(): JobplanState {
  return { v: 1, generated: {}, highlights: [], undo: null };
}

export function parseState(values: unknown[][] | undefined): JobplanState {
  if (!values) return emptyState();
  const text = values.map((r) => (r[0] === null || r[0] === undefined ? "" : String(r[0]))).join("");
  if (!text.trim()) return emptyState();
  try {
    const s = JSON.parse(text) as JobplanState;
    if (s && s.v === 1) {
      const state = { ...emptyState(), ...s };
      state.generated = unpackMap(s.generated);
      if (state.undo) state.undo = { ...state.undo, generated: unpackMap(state.undo.generated) };
      return state;
    }
  } catch {
    /* a damaged state is treated as empty */
  }
  return emptyState();
}

/**
 * "sheet!A1" -> hash maps, compacted: runs of one hash down a column become one entry
 * `[sheet, column letters, first row, count, hash]` (10,000 identical formulas -> 1 entry).
 */
export type PackedMap = Array<[string, string, number, number, string]>;

export function packMap(map: Record<string, string>): PackedMap {
  const cells = Object.entries(map).map(([k, h]) => {
    const bang = k.lastIndexOf("!");
    const m = /^([A-Z]+)(\d+)$/.exec(k.slice(bang + 1))!;
    return { sheet: k.slice(0, bang), col: m[1], row: Number(m[2]), h };
  });
  cells.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col.length - b.col.length || (a.col < b.col ? -1 : a.col > b.col ? 1 : a.row - b.row)));
  const out: PackedMap = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last[0] === c.sheet && last[1] === c.col && last[2] + last[3] === c.row && last[4] === c.h) last[3]++;
    else out.push([c.sheet, c.col, c.row, 1, c.h]);
  }
  return out;
}

export function unpackMap(packed: unknown): Record<string, string> {
  if (!Array.isArray(packed)) return (packed as Record<string, string>) ?? {};
  const out: Record<string, string> = {};
  for (const [sheet, col, row, count, h] of packed as PackedMap) for (let i = 0; i < count; i++) out[`${sheet}!${col}${row + i}`] = h;
  return out;
}

/** The state as text chunks, one a cell, prefixed so that Excel keeps them as text. */
export function stateChunks(state: JobplanState): string[][] {
  const text = JSON.stringify({
    ...state,
    generated: packMap(state.generated),
    undo: state.undo ? { ...state.undo, generated: packMap(state.undo.generated) } : null,
  });
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += STATE_CHUNK) out.push(["'" + text.slice(i, i + STATE_CHUNK)]);
  return out.length ? out : [["'{}"]];
}

export function writeState(context: Excel.RequestContext, state: JobplanState, exists: boolean): number {
  const ws = exists ? context.workbook.worksheets.getItem(STATE_SHEET) : context.workbook.worksheets.add(STATE_SHEET);
  if (exists) ws.getRange().clear("Contents" as Excel.ClearApplyTo);
  const chunks = stateChunks(state);
  const range = ws.getRange(`A1:A${chunks.length}`);
  range.values = chunks;
  if (!exists) ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  return REQUEST_BYTES.rangeOp + REQUEST_BYTES.rangeWrite + approxBytes(chunks);
}
