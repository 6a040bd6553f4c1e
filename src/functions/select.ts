/** Choosing the rows of one strategy (and optionally one task) in a parsed table. */
import { invalid, notAvailable, type FnError } from "./runtime";
import { cellText, nameKey, type Cell, type ParsedTable, type TableRow } from "./table";
import { withParticle } from "../core/particles";

/** An optional argument Excel left out: null / undefined (omitted) or "" (an empty cell, or a LAMBDA's IF(ISOMITTED(..),"",..)). */
export function isOmitted(x: Cell): boolean {
  if (x === null || x === undefined) return true;
  if (typeof x === "string" && x.trim() === "") return true;
  // An omitted optional LAMBDA parameter reaches a function as FALSE in some hosts.
  if (x === false) return true;
  return false;
}

/** A scalar text argument; a one-cell range (`[[x]]`) is accepted too. */
export function scalarText(x: Cell): string | undefined {
  let v = x;
  while (Array.isArray(v) && v.length === 1) v = v[0];
  if (Array.isArray(v)) return undefined;
  return cellText(v);
}

const ALL = new Set(["*", "전체", "all", "합계", "total"]);

export interface Selection {
  rows: TableRow[];
  /** The strategy / task as written in the table (first match), for messages. */
  strategy: string;
  task?: string;
}

/**
 * The data rows of `strategy` (and `task`). `*` (or 전체 / all) selects every strategy.
 * Names match ignoring spaces and case. An unknown name is #N/A; an empty strategy #VALUE!.
 */
export function selectRows(t: ParsedTable, strategyArg: Cell, taskArg?: Cell): Selection | FnError {
  if (isOmitted(strategyArg)) return invalid("추진전략 이름이 필요합니다('*'는 전체) / strategy name required ('*' for all)");
  const strategy = scalarText(strategyArg);
  if (strategy === undefined) return invalid("추진전략은 셀 하나여야 합니다 / strategy must be a single value");
  const all = ALL.has(nameKey(strategy));
  const sKey = nameKey(strategy);
  let task: string | undefined;
  if (!isOmitted(taskArg)) {
    task = scalarText(taskArg);
    if (task === undefined) return invalid("실천과제는 셀 하나여야 합니다 / task must be a single value");
  }
  const tKey = task !== undefined ? nameKey(task) : undefined;
  const rows: TableRow[] = [];
  let strategyFound = all;
  let shownStrategy = all ? strategy : "";
  for (const row of t.rows) {
    if (row.total) continue;
    if (!all && row.strategyKey !== sKey) continue;
    if (!strategyFound || !shownStrategy) {
      strategyFound = true;
      shownStrategy = row.strategy;
    }
    if (tKey !== undefined && row.taskKey !== tKey) continue;
    rows.push(row);
  }
  if (!strategyFound) return notAvailable(`추진전략 ${withParticle(`'${strategy}'`, "이/가")} ${t.label}에 없습니다 / strategy not found in ${t.label}`);
  if (tKey !== undefined && rows.length === 0) {
    return notAvailable(`실천과제 ${withParticle(`'${task}'`, "이/가")} '${shownStrategy}'에 없습니다 / task not found under this strategy`);
  }
  return { rows, strategy: shownStrategy, task };
}
