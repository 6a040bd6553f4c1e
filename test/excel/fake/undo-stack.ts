/**
 * Calls that clear the user's undo stack, from "Undo support with the Excel JavaScript API"
 * (learn.microsoft.com, excel-add-ins-undo-capabilities, "Unsupported APIs"): after such a
 * call the user cannot undo past it. The double records each one with the platforms where
 * it clears, so a test can assert that an operation made none. Among the APIs jobplan could
 * touch: Worksheet.delete and WorksheetProtection.protect / unprotect (every platform),
 * Worksheet.name, .position and .visibility (Windows and Mac), NamedItem.comment (web).
 */
import type { WorkbookState } from "./core";

export type Platform = "web" | "windows" | "mac";

export interface UndoClearingCall {
  api: string;
  /** Where Excel clears the undo stack for this call. */
  clearsOn: Platform[];
}

export function clearsUndo(st: WorkbookState, api: string, clearsOn: Platform[]): void {
  st.undoClearing.push({ api, clearsOn });
}
