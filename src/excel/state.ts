/**
 * jobplan's own memory, kept in a very hidden sheet (STATE_SHEET): which generated cells it
 * wrote last (a hash of each formula), which cells it highlighted, and the previous contents
 * of the cells the last regeneration changed (for undo). Stored as JSON text in column A,
 * one chunk a cell.
 */
import { approxBytes, REQUEST_BYTES, textBytes } from "./writer";
import type { UndoRows } from "./grow-rows";

/** The very hidden sheet that holds jobplan's state. */
export const STATE_SHEET = "jobplan_state";
export const STATE_CHUNK = 30000;
/** The document setting that holds the state when the workbook has no state sheet. */
export const STATE_SETTING = "jobplan_state";

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

/** The state from the sheet's column A, or from the setting's text. */
export function parseState(values: unknown[][] | string | undefined): JobplanState {
  if (!values) return emptyState();
  const text = typeof values === "string" ? values : values.map((r) => (r[0] === null || r[0] === undefined ? "" : String(r[0]))).join("");
  if (!text.trim()) return emptyState();
  try {
    const s = JSON.parse(text) as JobplanState;
    if (s && s.v === 1) {
      const state = { ...emptyState(), ...s };
      state.generated = unpackMap(s.generated);
      if (state.undo) state.undo = { ...state.undo, cells: unpackCells(state.undo.cells), generated: unpackMap(state.undo.generated) };
      return state;
    }
  } catch {
    /* a damaged state is treated as empty */
  }
  return emptyState();
}

/**
 * "sheet!A1" -> value maps, compacted: runs of one value down a column become one entry
 * `[sheet, column letters, first row, count, value]` (10,000 identical formulas -> 1 entry).
 */
export type PackedMap<T = string> = Array<[string, string, number, number, T]>;

export function packMap<T>(map: Record<string, T>): PackedMap<T> {
  const cells = Object.entries(map).map(([k, v]) => {
    const bang = k.lastIndexOf("!");
    const m = /^([A-Z]+)(\d+)$/.exec(k.slice(bang + 1))!;
    return { sheet: k.slice(0, bang), col: m[1], row: Number(m[2]), v };
  });
  cells.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.col.length - b.col.length || (a.col < b.col ? -1 : a.col > b.col ? 1 : a.row - b.row)));
  const out: PackedMap<T> = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last[0] === c.sheet && last[1] === c.col && last[2] + last[3] === c.row && last[4] === c.v) last[3]++;
    else out.push([c.sheet, c.col, c.row, 1, c.v]);
  }
  return out;
}

export function unpackMap<T = string>(packed: unknown): Record<string, T> {
  if (!Array.isArray(packed)) return (packed as Record<string, T>) ?? {};
  const out: Record<string, T> = {};
  for (const [sheet, col, row, count, v] of packed as PackedMap<T>) for (let i = 0; i < count; i++) out[`${sheet}!${col}${row + i}`] = v;
  return out;
}

function packCells(cells: UndoCell[]): PackedMap<UndoCell["content"]> {
  return packMap(Object.fromEntries(cells.map((c) => [`${c.sheet}!${c.cell}`, c.content])));
}

/** Undo cells as stored: packed runs, or the list of an older jobplan. */
function unpackCells(packed: unknown): UndoCell[] {
  if (!Array.isArray(packed) || (packed.length && !Array.isArray(packed[0]))) return (packed as UndoCell[]) ?? [];
  return Object.entries(unpackMap<UndoCell["content"]>(packed)).map(([k, content]) => {
    const bang = k.lastIndexOf("!");
    return { sheet: k.slice(0, bang), cell: k.slice(bang + 1), content };
  });
}

/** The state as JSON text, compacted. */
export function stateText(state: JobplanState): string {
  return JSON.stringify({
    ...state,
    generated: packMap(state.generated),
    undo: state.undo ? { ...state.undo, cells: packCells(state.undo.cells), generated: packMap(state.undo.generated) } : null,
  });
}

/** The state as text chunks, one a cell, prefixed so that Excel keeps them as text. */
export function stateChunks(state: JobplanState): string[][] {
  const text = stateText(state);
  const out: string[][] = [];
  for (let i = 0; i < text.length; i += STATE_CHUNK) out.push(["'" + text.slice(i, i + STATE_CHUNK)]);
  return out.length ? out : [["'{}"]];
}

/** Where the state lives: the very hidden sheet, or (no sheet) the document's settings. */
export type StateStore = "sheet" | "settings" | "new-sheet";

/**
 * Queues writing the state; returns the estimated request bytes. "new-sheet" adds and hides
 * the sheet: only insertTemplate / importText do that, since hiding a sheet clears the
 * user's undo stack on Windows and Mac ("Undo support with the Excel JavaScript API").
 * Validation and regeneration keep the state in the sheet when it exists, else in
 * `workbook.settings` (ExcelApi 1.4), which adds and hides nothing.
 */
export function writeState(context: Excel.RequestContext, state: JobplanState, store: StateStore): number {
  if (store === "settings") {
    const text = stateText(state);
    context.workbook.settings.add(STATE_SETTING, text);
    return REQUEST_BYTES.rangeWrite + textBytes(text);
  }
  const exists = store === "sheet";
  const ws = exists ? context.workbook.worksheets.getItem(STATE_SHEET) : context.workbook.worksheets.add(STATE_SHEET);
  if (exists) ws.getRange().clear("Contents" as Excel.ClearApplyTo);
  const chunks = stateChunks(state);
  const range = ws.getRange(`A1:A${chunks.length}`);
  range.values = chunks;
  if (!exists) ws.visibility = "VeryHidden" as Excel.SheetVisibility;
  return REQUEST_BYTES.rangeOp + REQUEST_BYTES.rangeWrite + approxBytes(chunks);
}
