/**
 * PlanWorkbookOps that load the Office.js adapter on first use. The adapter and what it pulls
 * in (workbook-ops.ts) are most of jobplan's own code and are needed only when the user runs
 * an operation; the shared-runtime page starts with every workbook open (for the custom
 * functions), so they stay out of its start-up scripts and load, once, from the add-in's own
 * origin (webpack's chunk loading; also in the `--env officejs=local` build).
 */
import type { ExcelRun, PlanWorkbookOps, PlanWorkbookOptions, SelfTestReport } from "../excel/contract";

type WorkbookOps = typeof import("./workbook-ops");

let loading: Promise<WorkbookOps> | undefined;

/** The adapter's chunk, loaded once; a failed load (a network error) is retried next time. */
export function loadWorkbookOps(): Promise<WorkbookOps> {
  loading ??= import(/* webpackChunkName: "workbook-ops" */ "./workbook-ops").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** createPlanWorkbookOps(run, options), made when the first operation runs. */
export function lazyPlanWorkbookOps(run: ExcelRun, options?: PlanWorkbookOptions): PlanWorkbookOps {
  let ops: PlanWorkbookOps | undefined;
  const get = async () => (ops ??= (await loadWorkbookOps()).createPlanWorkbookOps(run, options));
  return {
    insertTemplate: async (...a) => (await get()).insertTemplate(...a),
    importText: async (...a) => (await get()).importText(...a),
    validate: async (...a) => (await get()).validate(...a),
    regenerate: async (...a) => (await get()).regenerate(...a),
    undoRegeneration: async () => (await get()).undoRegeneration(),
    selectCell: async (...a) => (await get()).selectCell(...a),
    selfTest: async () => (await get()).selfTest(),
  };
}

/** The self-test report as text a person can copy (self-test.ts, in the same chunk). */
export async function selfTestText(report: SelfTestReport): Promise<string> {
  return (await loadWorkbookOps()).selfTestText(report);
}
