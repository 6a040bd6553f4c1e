/**
 * Reading the jobplan tables and the state, as the InputTables the workbook readers take.
 *
 * Excel on the web rejects a response above 5 MB, and a table of 10,000 rows with Korean
 * names is several MB: tables are read in blocks of rows sized by estimated response bytes.
 * The first sync reads the layout (tables, their address, whether a filter hides rows), the
 * calculation mode, the state and a first block of every table; a workbook of usual size is
 * then read. Larger tables are read on in blocks sized from the bytes per row the first
 * block measured, several tables' blocks sharing a sync up to the budget. Formulas are read
 * only where regeneration needs them (generated columns, `readFormulas`).
 *
 * In manual calculation mode the values of formula cells are those of the last calculation:
 * the reader asks Excel to recalculate (Application.calculate, "Recalculate": only what
 * changed) and reads the values after it, in the same sync as the blocks (one extra sync
 * only in manual mode, for the first block).
 */
import { a1 } from "../core/a1";
import { TABLE_NAMES, type InputTable } from "../workbook/index";
import { parseAddress, rangeA1 } from "./cells";
import { emptyState, parseState, STATE_SETTING, STATE_SHEET, type JobplanState, type StateStore } from "./state";
import { CHANGE_LOG_TABLE } from "../workbook/change-log";
import { loadProtection, type SheetProtection } from "./protection";
import type { LogPlace } from "./change-log";

export interface WorkbookRead {
  inputs: InputTable[];
  /** "sheet!A1" -> [formula, value] for the cells `readFormulas` read. */
  cells: Map<string, [unknown, unknown]>;
  state: JobplanState;
  /** Where the state is written back (never a new sheet: see state.ts). */
  store: StateStore;
  tableNames: string[];
  /** Tables a filter hides rows of (AutoFilter.isDataFiltered). */
  filtered: Set<string>;
  /** Excel was in manual calculation mode and recalculated before the read. */
  recalculated: boolean;
  /** Syncs the read took (for tests and the self-test). */
  syncs: number;
  /** Every sheet and whether it is protected; the sheets jobplan protected (protection.ts). */
  protection: { sheets: SheetProtection[]; ours: string[] };
  /** The change log's sheet, when the workbook has the ChangeLog table; every sheet name (lower case). */
  log: LogPlace;
}

export interface ReadLimits {
  /** Estimated response bytes per sync (Excel on the web: 5 MB). */
  maxResponseBytes: number;
}

export const ALL_TABLES: string[] = Object.values(TABLE_NAMES);

/** Rows of each table in the first sync: small plans are read whole in it. */
const FIRST_BLOCK_ROWS = 300;
/** Bytes a cell may take before anything was measured: 60 Korean characters as JSON. */
const PESSIMISTIC_CELL_BYTES = 200;
/** Headroom over the measured bytes per row (later rows may hold longer text). */
const MARGIN = 1.5;
/** Bytes per row and column assumed at least, however short the rows measured. */
const MIN_ROW_BYTES = 16;

export function isNotFound(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return !!e && (e.code === "ItemNotFound" || /ItemNotFound/i.test(e.message ?? ""));
}

/** UTF-8 bytes of a value as JSON (what the response carries). */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

interface Layout {
  name: string;
  table: Excel.Table;
  range: Excel.Range;
  first: Excel.Range;
  filter: Excel.AutoFilter;
}

/** A part of a sheet to read in blocks of rows. */
interface Pending {
  sheet: string;
  row: number;
  col: number;
  /** Rows left and the columns of each. */
  rows: number;
  cols: number;
  bytesPerRow: number;
  /** bytesPerRow comes from a block read (else it is a pessimistic guess). */
  measured?: boolean;
  property: "values" | "formulas";
  /** Receives each block (rows from `at`). */
  put: (at: number, block: unknown[][]) => void;
}

/**
 * Reads the pending parts in blocks: each sync takes as many rows as the budget allows
 * (at least one row of each part, so every sync makes progress), round-robin over parts.
 */
async function readBlocks(context: Excel.RequestContext, parts: Pending[], limits: ReadLimits): Promise<number> {
  let syncs = 0;
  while (parts.some((p) => p.rows > 0)) {
    let budget = limits.maxResponseBytes;
    const queued: Array<{ p: Pending; at: number; n: number; range: Excel.Range }> = [];
    for (const p of parts) {
      if (p.rows <= 0) continue;
      // Until a block measured them, rows are assumed long but read only a first block of.
      const most = p.measured ? p.rows : Math.min(p.rows, FIRST_BLOCK_ROWS);
      const n = Math.max(1, Math.min(most, Math.floor(budget / Math.max(1, p.bytesPerRow))));
      if (queued.length && n * p.bytesPerRow > budget) continue;
      const range = context.workbook.worksheets.getItem(p.sheet).getRange(rangeA1(p.row, p.col, n, p.cols));
      range.load(p.property);
      queued.push({ p, at: p.row, n, range });
      budget -= n * p.bytesPerRow;
      p.row += n;
      p.rows -= n;
    }
    syncs++;
    try {
      await context.sync();
    } catch (err) {
      // Longer rows than measured: the same rows again in smaller blocks.
      if (!isResponseTooLarge(err) || queued.every((q) => q.n === 1)) throw err;
      for (const q of queued) {
        q.p.row -= q.n;
        q.p.rows += q.n;
        q.p.bytesPerRow *= 2;
      }
      continue;
    }
    for (const q of queued) {
      const block = q.range[q.p.property] as unknown[][];
      q.p.bytesPerRow = Math.max(MIN_ROW_BYTES * q.p.cols, Math.ceil((jsonBytes(block) / q.n) * MARGIN));
      q.p.measured = true;
      q.p.put(q.at, block);
    }
  }
  return syncs;
}

function isResponseTooLarge(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return !!e && (e.code === "ResponsePayloadSizeLimitExceeded" || /ResponsePayloadSizeLimitExceeded/i.test(e.message ?? ""));
}

/**
 * Every jobplan table's values and the state. Falls back to discovering what exists when
 * a table or the state sheet is missing (a workbook made elsewhere).
 */
export async function readWorkbook(context: Excel.RequestContext, limits: ReadLimits): Promise<WorkbookRead> {
  const app = context.workbook.application;
  app.load("calculationMode");
  const setting = context.workbook.settings.getItemOrNullObject(STATE_SETTING);
  setting.load("value");
  const queue = (names: string[], withSheet: boolean) => {
    const tables: Layout[] = names.map((name) => {
      const table = context.workbook.tables.getItem(name);
      table.load("name,showTotals");
      const range = table.getRange();
      range.load("address,rowCount,columnCount");
      // The header and the first rows, never past the table's last row.
      const first = range.getIntersection(table.getHeaderRowRange().getResizedRange(FIRST_BLOCK_ROWS, 0));
      first.load("values");
      const filter = table.autoFilter;
      filter.load("isDataFiltered");
      return { name, table, range, first, filter };
    });
    let stateRange: Excel.Range | undefined;
    if (withSheet) {
      stateRange = context.workbook.worksheets.getItem(STATE_SHEET).getUsedRange(true);
      stateRange.load("values");
    }
    // Never missing: every sheet's protection, and every table's name and sheet (the log).
    const protection = loadProtection(context);
    const all = context.workbook.tables;
    all.load("items/name,items/worksheet/name");
    return { tables, stateRange, protection, all };
  };

  let q = queue(ALL_TABLES, true);
  let hasSheet = true;
  let syncs = 1;
  try {
    await context.sync();
  } catch (err) {
    if (!isNotFound(err)) throw err;
    // Something is missing: find out what exists, then read that.
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const existing = new Set(tables.items.map((t) => t.name.toLowerCase()));
    hasSheet = sheets.items.some((s) => s.name === STATE_SHEET);
    q = queue(
      ALL_TABLES.filter((n) => existing.has(n.toLowerCase())),
      hasSheet,
    );
    await context.sync();
    syncs += 2;
  }

  const recalculated = app.calculationMode === ("Manual" as Excel.CalculationMode);
  if (recalculated) {
    // Values of formula cells are stale until Excel calculates: recalculate, then read the
    // first blocks again (Application.calculate, ExcelApi 1.1).
    app.calculate("Recalculate" as Excel.CalculationType);
    for (const t of q.tables) t.first.load("values");
    await context.sync();
    syncs++;
  }

  const inputs: InputTable[] = [];
  const parts: Pending[] = [];
  const filtered = new Set<string>();
  for (const t of q.tables) {
    const { sheet, row, col } = parseAddress(t.range.address);
    const values: unknown[][] = t.first.values.map((r) => [...r]);
    const total = t.range.rowCount;
    const cols = t.range.columnCount;
    inputs.push({ sheet, name: t.table.name, origin: { row, col }, values, hasTotalsRow: t.table.showTotals });
    if (t.filter.isDataFiltered) filtered.add(t.table.name);
    if (total > values.length) {
      const bytesPerRow = Math.ceil(((jsonBytes(values) || cols * PESSIMISTIC_CELL_BYTES) / Math.max(1, values.length)) * MARGIN);
      parts.push({
        sheet,
        row: row + values.length,
        col,
        rows: total - values.length,
        cols,
        bytesPerRow,
        measured: true,
        property: "values",
        put: (_at, block) => values.push(...block),
      });
    }
  }
  syncs += await readBlocks(context, parts, limits);
  const store: StateStore = hasSheet ? "sheet" : "settings";
  const state = hasSheet && q.stateRange ? parseState(q.stateRange.values) : setting.isNullObject ? emptyState() : parseState(String(setting.value ?? ""));
  const protection = q.protection();
  const logTable = q.all.items.find((t) => t.name.toLowerCase() === CHANGE_LOG_TABLE.toLowerCase());
  const log: LogPlace = { sheet: logTable?.worksheet.name, sheetNames: new Set(protection.sheets.map((s) => s.name.toLowerCase())) };
  return { inputs, cells: new Map(), state, store, tableNames: q.tables.map((t) => t.name), filtered, recalculated, syncs, protection, log };
}

/** A column range whose formulas regeneration needs. */
export interface FormulaColumn {
  sheet: string;
  col: number;
  /** Adjacent columns read together (default 1). */
  cols?: number;
  /** First row (0-based) and how many. */
  row: number;
  rows: number;
}

/**
 * Formulas of the given column ranges (with the values already read) into `read.cells`,
 * in blocks sized by response bytes like the values.
 */
export async function readFormulas(context: Excel.RequestContext, read: WorkbookRead, columns: readonly FormulaColumn[], limits: ReadLimits): Promise<number> {
  const valueAt = (sheet: string, row: number, col: number): unknown => {
    const t = read.inputs.find((x) => x.sheet === sheet && row >= x.origin.row && row < x.origin.row + x.values.length && col >= x.origin.col && col < x.origin.col + (x.values[0]?.length ?? 0));
    return t ? t.values[row - t.origin.row]?.[col - t.origin.col] : undefined;
  };
  const parts: Pending[] = columns
    .filter((c) => c.rows > 0)
    .map((c) => ({
      sheet: c.sheet,
      row: c.row,
      col: c.col,
      rows: c.rows,
      cols: c.cols ?? 1,
      // A generated formula with Korean headers is a few hundred bytes: start pessimistic.
      bytesPerRow: (c.cols ?? 1) * 4 * PESSIMISTIC_CELL_BYTES,
      property: "formulas" as const,
      put: (at: number, block: unknown[][]) =>
        block.forEach((r, i) => r.forEach((f, j) => read.cells.set(`${c.sheet}!${a1(at + i, c.col + j)}`, [f, valueAt(c.sheet, at + i, c.col + j)]))),
    }));
  const syncs = await readBlocks(context, parts, limits);
  read.syncs += syncs;
  return syncs;
}
