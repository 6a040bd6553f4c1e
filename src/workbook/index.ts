/** The jobplan workbook, described once for the CLI (ExcelJS) and the add-in (Office.js). */
export * from "./workbook-model";
export * from "./columns";
export * from "./summary-formulas";
export * from "./plan-info";
export * from "./template-sheets";
export * from "./read-tables";
export * from "./regenerate";
export * from "./summary-rows";
export * from "./change-log";
export * from "./protection";
export * from "./finding-labels";
export * from "./cell-limits";
