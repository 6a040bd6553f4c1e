/**
 * Worksheet protection (WorksheetProtection, ExcelApi 1.2) and locked cells
 * (Range.format.protection.locked, ExcelApi 1.2), as far as jobplan depends on them:
 *
 * - every cell is locked until `format.protection.locked = false` unlocks it; on a protected
 *   sheet a write to a locked cell fails with AccessDenied, while unlocked cells stay
 *   editable (microsoft-graph-docs #4546: "AccessDenied ... You cannot perform the requested
 *   operation" for a range holding a locked cell; office-js #143: unlocked cells stay
 *   editable once the sheet is protected);
 * - formatting cells, rows or columns, inserting or deleting table rows, adding tables,
 *   merging and notes need the matching `allow...` option (WorksheetProtectionOptions), else
 *   AccessDenied; jobplan allows formatting rows and columns, sorting and filtering only;
 * - `protect()` on a protected sheet and `unprotect()` on an unprotected one fail with
 *   AccessDenied (office-js #6784), so the adapter looks first;
 * - both clear the user's undo stack on every platform ("Undo support with the Excel
 *   JavaScript API"; undo-stack.ts).
 */
import { Ctx, FakeOfficeError, FakeProxy, REQUEST_COST, type Box, type SheetState } from "./core";
import { clearsUndo } from "./undo-stack";

/** Whether a cell is locked (the last `locked` assignment covering it wins; locked by default). */
export function isLocked(sheet: SheetState, r: number, c: number): boolean {
  for (let i = sheet.lockRanges.length - 1; i >= 0; i--) {
    const b = sheet.lockRanges[i];
    if (r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1) return b.locked;
  }
  return true;
}

export type ProtectedAction = "contents" | "formatCells" | "formatRows" | "formatColumns" | "insertRows" | "deleteRows" | "structure";

const OPTION: Partial<Record<ProtectedAction, string>> = {
  formatCells: "allowFormatCells",
  formatRows: "allowFormatRows",
  formatColumns: "allowFormatColumns",
  insertRows: "allowInsertRows",
  deleteRows: "allowDeleteRows",
};

function denied(box: Box, what: string): FakeOfficeError {
  return new FakeOfficeError("AccessDenied", `You cannot perform the requested operation (${what} on protected sheet ${box.sheet.name}).`);
}

/** Throws AccessDenied when the action is not allowed on the box's protected sheet. */
export function assertEditable(box: Box, action: ProtectedAction): void {
  const sheet = box.sheet;
  if (!sheet.protection.protected) return;
  if (action === "contents") {
    for (let r = box.r0; r <= box.r1; r++) for (let c = box.c0; c <= box.c1; c++) if (isLocked(sheet, r, c)) throw denied(box, "writing a locked cell");
    return;
  }
  const option = OPTION[action];
  if (option && sheet.protection.options?.[option] === true) return;
  throw denied(box, action);
}

export class FakeWorksheetProtection extends FakeProxy {
  constructor(
    ctx: Ctx,
    private sheet: () => SheetState,
  ) {
    super(ctx);
  }
  protected _scalarProps() {
    return ["protected", "options"];
  }
  protected _read(prop: string): unknown {
    const s = this.sheet();
    if (prop === "protected") return s.protection.protected;
    if (prop === "options") return { ...(s.protection.options ?? {}) };
    throw new FakeOfficeError("InvalidArgument", `unknown protection property ${prop}`);
  }
  _loadNow(prop: string) {
    this._loadPath(prop);
  }
  get protected(): boolean {
    return this._get("protected");
  }
  get options(): Record<string, unknown> {
    return this._get("options");
  }
  protect(options?: Record<string, unknown>, password?: string) {
    this.context.enqueue(
      () => {
        const s = this.sheet();
        clearsUndo(this.context.state, "WorksheetProtection.protect", ["web", "windows", "mac"]);
        if (s.protection.protected) throw new FakeOfficeError("AccessDenied", `worksheet ${s.name} is already protected (office-js #6784)`);
        if (password) throw new FakeOfficeError("NotImplemented", "jobplan protects without a password");
        s.protection = { protected: true, options: { ...(options ?? {}) } };
      },
      0,
      REQUEST_COST.protect,
    );
  }
  unprotect(password?: string) {
    this.context.enqueue(
      () => {
        const s = this.sheet();
        clearsUndo(this.context.state, "WorksheetProtection.unprotect", ["web", "windows", "mac"]);
        if (!s.protection.protected) throw new FakeOfficeError("AccessDenied", `worksheet ${s.name} is not protected (office-js #6784)`);
        void password;
        s.protection = { protected: false };
      },
      0,
      REQUEST_COST.protect,
    );
  }
}
