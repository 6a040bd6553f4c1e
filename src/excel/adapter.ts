/**
 * The Office.js adapter: the only code in jobplan that calls Excel.run. The contract (the
 * operations and their types) lives in contract.ts, the implementation in ops.ts; this module
 * is the one entry point the pane and the ribbon commands import.
 */
export * from "./contract";
export { createPlanWorkbookOps } from "./ops";
