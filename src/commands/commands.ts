/* global Office, Excel */
// Ribbon commands (ExecuteFunction buttons in manifest.xml). They run in the shared runtime
// (taskpane.html), so they share the window with the task pane and the custom functions.
// Keep them thin: all workbook logic lives in src/excel/adapter.ts, loaded on the first
// command (lazy-ops.ts), not with the page.
import type { PlanWorkbookOps } from "../excel/contract";
import { lazyPlanWorkbookOps } from "./lazy-ops";
import { postCommandResult, type CommandResultDetail } from "./command-results";

export { COMMAND_RESULT_EVENT, type CommandResultDetail } from "./command-results";

type CommandHandler = (event: Office.AddinCommands.Event) => Promise<void>;

/** Shows the task pane (SharedRuntime 1.1); a no-op where that is unavailable. */
async function showPane(): Promise<void> {
  try {
    if (typeof Office !== "undefined") await Office.addin?.showAsTaskpane();
  } catch (error) {
    console.warn("jobplan: could not show the task pane", error);
  }
}

/**
 * Wraps a ribbon action: runs it, publishes the result or the error to the pane, shows the
 * pane when the user needs to see or decide something, and always calls event.completed().
 */
export function command(
  name: string,
  work: (ops: PlanWorkbookOps) => Promise<unknown>,
  needsPane: (result: unknown) => boolean,
  opsFactory: () => PlanWorkbookOps = () => lazyPlanWorkbookOps(Excel.run),
): CommandHandler {
  return async (event) => {
    const detail: CommandResultDetail = { command: name };
    try {
      detail.result = await work(opsFactory());
    } catch (error) {
      console.error(`jobplan: ribbon command ${name} failed`, error);
      detail.error = error;
    }
    try {
      postCommandResult(detail);
      if (detail.error !== undefined || needsPane(detail.result)) await showPane();
    } finally {
      event.completed();
    }
  };
}

/** The ribbon's commands on the given operations (the browser harness passes the double's). */
export function ribbonCommands(opsFactory?: () => PlanWorkbookOps): Record<"regenerateSummary" | "validatePlan", CommandHandler> {
  return {
    /** "요약 재생성": rebuild the summary tables from the detail tables. Opens the pane when
     * hand-edited summary cells need the user's confirmation. */
    regenerateSummary: command(
      "regenerateSummary",
      (ops) => ops.regenerate(),
      (result) => (result as { status?: string } | undefined)?.status === "confirm-needed",
      opsFactory,
    ),
    /** "검증": check the plan; opens the pane when there are findings to show. */
    validatePlan: command(
      "validatePlan",
      (ops) => ops.validate(),
      (findings) => Array.isArray(findings) && findings.length > 0,
      opsFactory,
    ),
  };
}

export const { regenerateSummary, validatePlan } = ribbonCommands();

if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("regenerateSummary", regenerateSummary);
  Office.actions.associate("validatePlan", validatePlan);
}
