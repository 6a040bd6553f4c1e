/**
 * The root of the lazily loaded "workbook-ops" chunk (lazy-ops.ts): the Office.js adapter with
 * everything it uses (the workbook template and its renderer, the importer, the checks and
 * the summary, the self-test). Nothing else may import this module statically, or the chunk
 * is folded back into the page's start-up scripts.
 */
export { createPlanWorkbookOps } from "../excel/adapter";
export { selfTestText } from "../excel/self-test";
