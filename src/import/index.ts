/** Plan-document text importer: pure functions, no I/O. */
export { importPlanText } from "./import-plan";
export type { ImportOptions, ImportResult, SectionMatch } from "./import-plan";
export { nameKey, baseNameKey, displayName, nameSimilarity, sameName, headingTaskPart } from "./names";
export { parseStrategyLabel } from "./sections";
export { readBudgetLine } from "./budget-line";
