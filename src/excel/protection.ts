/**
 * Protection of generated cells (an option, off by default; workbook/protection.ts says
 * which cells stay unlocked). WorksheetProtection.protect and unprotect (ExcelApi 1.2) clear
 * Excel's undo history on every platform ("Undo support with the Excel JavaScript API"),
 * which is why the option is off by default and why the pane says so when it is on;
 * jobplan's own undo of a regeneration does not depend on Excel's.
 *
 * jobplan remembers the sheets it protected (state.protectedSheets). An operation that
 * writes to such a sheet unprotects it first and protects it again after its writes, in the
 * same batch; a sheet someone else protected is left alone, and the operation stops before
 * writing anything with a message saying so. protect() on a protected sheet and unprotect()
 * on an unprotected one fail (office-js #6784), so the state read in the operation's read
 * sync decides what is called.
 */
import type { CellBox } from "../core/a1";
import { withParticle } from "../core/particles";
import { JobplanError } from "./contract";
import { addressLists } from "./addresses";
import { rangeA1 } from "./cells";
import { REQUEST_BYTES, textBytes, type Writer } from "./writer";

/** What a person may still do on a sheet jobplan protected (as the CLI's protectWorksheet allows). */
export const PROTECTION_OPTIONS: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowSort: true,
  allowAutoFilter: true,
  selectionMode: "Normal" as Excel.ProtectionSelectionMode,
};

/** Unlocks the cells a person types into, then protects the sheet (no password). */
export async function queueProtect(ws: Excel.Worksheet, writer: Writer, unlocked: readonly CellBox[]): Promise<void> {
  const areas = unlocked.map((b) => rangeA1(b.top, b.left, b.bottom - b.top + 1, b.right - b.left + 1));
  for (const list of addressLists(areas)) {
    ws.getRanges(list).format.protection.locked = false;
    await writer.add(REQUEST_BYTES.formatProperty + textBytes(list));
  }
  ws.protection.protect(PROTECTION_OPTIONS);
  await writer.add(REQUEST_BYTES.protect);
}

export interface SheetProtection {
  name: string;
  protected: boolean;
}

/** Sheets to unprotect before an operation's writes and to protect again after them. */
export interface ProtectionPlan {
  /** jobplan's protected sheets the operation writes to. */
  reprotect: string[];
}

/**
 * Which of the sheets an operation writes to need unprotecting (protected by jobplan); a
 * sheet protected by someone else stops the operation before anything is written.
 */
export function planProtection(sheets: readonly SheetProtection[], touched: Iterable<string>, ours: readonly string[]): ProtectionPlan {
  const state = new Map(sheets.map((s) => [s.name, s.protected]));
  const reprotect: string[] = [];
  const foreign: string[] = [];
  for (const name of new Set(touched)) {
    if (!state.get(name)) continue;
    if (ours.includes(name)) reprotect.push(name);
    else foreign.push(name);
  }
  if (foreign.length) {
    const list = foreign.join(", ");
    throw new JobplanError("protected-sheet", {
      ko: `시트 ${withParticle(list, "이/가")} 보호되어 있어 쓸 수 없습니다. jobplan이 보호한 시트가 아닙니다. 검토 › 시트 보호 해제를 한 뒤 다시 하세요. 아무것도 바꾸지 않았습니다.`,
      en: `Sheet ${list} is protected, and not by jobplan, so nothing can be written there. Unprotect it (Review › Unprotect Sheet) and try again. Nothing was changed.`,
    });
  }
  return { reprotect };
}

/** Unprotects the sheets first (before any write of the batch). */
export async function queueUnprotect(writer: Writer, sheetOf: (name: string) => Excel.Worksheet, plan: ProtectionPlan): Promise<void> {
  for (const name of plan.reprotect) {
    sheetOf(name).protection.unprotect();
    await writer.add(REQUEST_BYTES.protect);
  }
}

/** Protects them again after the writes (their unlocked cells kept their flags). */
export async function queueReprotect(writer: Writer, sheetOf: (name: string) => Excel.Worksheet, plan: ProtectionPlan): Promise<void> {
  for (const name of plan.reprotect) {
    sheetOf(name).protection.protect(PROTECTION_OPTIONS);
    await writer.add(REQUEST_BYTES.protect);
  }
}

/** The document setting listing the sheets jobplan protected (SettingCollection, ExcelApi 1.4). */
export const PROTECTED_SETTING = "jobplan_protected_sheets";

/**
 * Queues reading the sheets' protection and jobplan's list into the caller's read sync;
 * the returned function gives them after that sync.
 */
export function loadProtection(context: Excel.RequestContext): () => { sheets: SheetProtection[]; ours: string[] } {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  const setting = context.workbook.settings.getItemOrNullObject(PROTECTED_SETTING);
  setting.load("value");
  return () => {
    let ours: string[] = [];
    if (!setting.isNullObject) {
      try {
        const parsed: unknown = JSON.parse(String(setting.value ?? "[]"));
        if (Array.isArray(parsed)) ours = parsed.filter((x): x is string => typeof x === "string");
      } catch {
        /* a damaged list protects nothing more */
      }
    }
    return { sheets: sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected })), ours };
  };
}

/** Queues writing jobplan's list of protected sheets; returns the request bytes. */
export function writeProtectedList(context: Excel.RequestContext, names: readonly string[]): number {
  const text = JSON.stringify([...new Set(names)].sort());
  context.workbook.settings.add(PROTECTED_SETTING, text);
  return REQUEST_BYTES.rangeWrite + textBytes(text);
}
