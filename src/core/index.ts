export * from "./model";
export * from "./findings";
export * from "./amounts";
export * from "./names";
export * from "./rollup";
export * from "./summarize";
export * from "./validate";
export { reconcileAmount, type ReconcileStatus, type Reconciled } from "./checks/reconcile";
export { roundingSlack } from "./checks/split";
