/** Implementation of PlanWorkbookOps (see adapter.ts for the contract). */
import type { ExcelRun, PlanWorkbookOps, PlanWorkbookOptions } from "./adapter";

export function createPlanWorkbookOps(run: ExcelRun, options: PlanWorkbookOptions = {}): PlanWorkbookOps {
  void options;
  return {
    async insertTemplate() {
      throw new Error("not implemented yet");
    },
    async importText() {
      throw new Error("not implemented yet");
    },
    async validate() {
      throw new Error("not implemented yet");
    },
    async regenerate() {
      throw new Error("not implemented yet");
    },
    async undoRegeneration() {
      return false;
    },
    async selectCell(sheet: string, cell: string) {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    },
  };
}
