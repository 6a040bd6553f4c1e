/**
 * The 변경 이력 (change log) from the add-in: every import, regeneration, validation and undo
 * appends a row (workbook/change-log.ts builds it) in the operation's own write sync.
 *
 * The row goes at the end of the ChangeLog table (log-append.ts); a workbook without the log
 * gets the 변경 이력 sheet.
 */
import { changeLogSheet, changeLogRow, type ChangeLogEntry } from "../workbook/change-log";
import { SHEET_NAMES } from "../workbook/template-sheets";
import { FONT } from "../workbook/sheet-layout";
import { REQUEST_BYTES, type Writer } from "./writer";
import { appendLogRows } from "./log-append";
import { renderContext, renderSheet } from "./render";

/**
 * The Office user's name, where Office gives it to an add-in: only Outlook does
 * (Office.context.mailbox.userProfile, "Office.context - requirement set 1.x" of the Mailbox
 * API); Excel exposes no user name to add-ins short of single sign-on (Office.context.auth,
 * which needs an app registration jobplan does not have). "" elsewhere: the 사용자 cell stays blank.
 */
export function officeUserName(): string {
  try {
    const office = (globalThis as { Office?: { context?: { mailbox?: { userProfile?: { displayName?: string } } } } }).Office;
    return office?.context?.mailbox?.userProfile?.displayName ?? "";
  } catch {
    return "";
  }
}

/** Where the log is: the ChangeLog table's sheet, or none yet (and whether the sheet name is free). */
export interface LogPlace {
  sheet?: string;
  /** Sheet names of the workbook (lower case), to add 변경 이력 under a free name. */
  sheetNames: Set<string>;
}

/** The sheet the log row goes to (an existing log's, or the one `appendLog` will add). */
export function logSheetName(place: LogPlace): string {
  if (place.sheet) return place.sheet;
  let name: string = SHEET_NAMES.changeLog;
  for (let i = 2; place.sheetNames.has(name.toLowerCase()); i++) name = `${SHEET_NAMES.changeLog} ${i}`;
  return name;
}

/** Appends an entry's row, adding the 변경 이력 sheet (at the end) when the workbook has none. */
export async function appendLog(context: Excel.RequestContext, writer: Writer, place: LogPlace, entry: ChangeLogEntry, opts: { lang: "ko" | "en"; chunkCells: number }): Promise<void> {
  if (place.sheet) {
    await appendLogRows(context, writer, [changeLogRow(entry, opts.lang)]);
    return;
  }
  const spec = { ...changeLogSheet([entry], opts.lang), name: logSheetName(place) };
  const ws = context.workbook.worksheets.add(spec.name);
  await writer.add(REQUEST_BYTES.sheetAdd);
  await renderSheet(renderContext(context, writer, { chunkCells: opts.chunkCells, lang: opts.lang, notes: false }), ws, spec, { ...FONT });
}
