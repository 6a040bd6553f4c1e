/**
 * Sheet protection as an option (off by default): every cell a person types into stays
 * unlocked — the columns of jobplan's tables that are not generated, on their rows and on
 * the rows below where a table grows — while formulas, the value columns jobplan fills,
 * titles and headers stay locked. No password: it guards the generated cells against slips.
 * Protecting or unprotecting a sheet clears Excel's undo history ("Undo support with the
 * Excel JavaScript API"), hence off by default. Pure: ranges to unlock, for a spec being
 * written or for a workbook read back.
 */
import type { CellBox } from "../core/a1";
import type { LocatedTable, ReadResult } from "./read-tables";
import type { SheetSpec } from "./workbook-model";

/** Rows below a table's body kept unlocked (as far as its validations reach). */
export const UNLOCKED_ROWS = 1000;

export interface SheetUnlock {
  sheet: string;
  /** 0-based, inclusive. */
  unlocked: CellBox[];
}

/** Runs of input columns of a table, from its first body row down `rows` rows. */
function inputBoxes(origin: { row: number; col: number }, generated: boolean[], rows: number): CellBox[] {
  const out: CellBox[] = [];
  generated.forEach((g, i) => {
    if (g) return;
    const last = out[out.length - 1];
    const col = origin.col + i;
    if (last && last.right === col - 1) last.right = col;
    else out.push({ top: origin.row + 1, left: col, bottom: origin.row + rows, right: col });
  });
  return out;
}

/** What to unlock on a sheet the template writes. */
export function sheetUnlocks(sheet: SheetSpec, below: number = UNLOCKED_ROWS): SheetUnlock {
  const unlocked = sheet.tables.flatMap((t) => inputBoxes(t.origin, t.columns.map((c) => !!c.generated), Math.max(t.rows.length, below)));
  for (const c of sheet.cells ?? []) if (c.cell.locked === false) unlocked.push({ top: c.row, left: c.col, bottom: c.row, right: c.col });
  return { sheet: sheet.name, unlocked };
}

/** What to unlock on each sheet holding one of jobplan's tables, in a workbook read back. */
export function workbookUnlocks(read: ReadResult, below: number = UNLOCKED_ROWS): SheetUnlock[] {
  const bySheet = new Map<string, CellBox[]>();
  for (const t of Object.values(read.tables) as LocatedTable[]) {
    const width = t.input.values[0]?.length ?? 0;
    const generated = Array.from({ length: width }, (_, i) => t.columns.some((c) => c.generated && t.index[c.key] === i));
    const boxes = inputBoxes(t.input.origin, generated, Math.max(t.input.values.length - 1, below));
    bySheet.set(t.input.sheet, [...(bySheet.get(t.input.sheet) ?? []), ...boxes]);
  }
  return [...bySheet].map(([sheet, unlocked]) => ({ sheet, unlocked }));
}
