/** The summary tables (백만원): by task, by strategy, and the plan-wide budget. */
import type { Measure, MissingFields, PlanHeadline, SummaryStrategyRow, SummaryTaskRow, SummaryTotals, SummarySubtotal } from "../model";
import { listItems, totalWord } from "../vocabulary";
import type { BuildContext } from "./context";
import { sourceField, type RowsTable } from "./input";
import type { RowCursor } from "./row-reader";

function blank(row: RowCursor, field: string): boolean {
  const v = row.raw(field);
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** The sources a summary table has columns for, in the settings' order. */
export function summarySourcesOf(t: RowsTable, ctx: BuildContext): string[] {
  return ctx.sources.filter((s) => t.columns[sourceField(s.key)] !== undefined).map((s) => s.key);
}

export function readSummaryByTask(t: RowsTable, ctx: BuildContext): void {
  const { unreadable, missing } = ctx.missingColumns(t, ["task"], ["strategy", "target", "total"]);
  if (unreadable) return;
  const rows: SummaryTaskRow[] = [];
  const subtotals: SummarySubtotal[] = [];
  let total: SummaryTotals | undefined;
  let strategy = "";
  const totalsOf = (row: RowCursor): SummaryTotals | undefined => {
    row.path = [];
    if (blank(row, "target") && blank(row, "total")) return undefined;
    return {
      target: row.count("target"),
      budget: { total: row.budget("total", [], "백만원").budget.total, parts: {}, refs: { total: row.ref("total") } },
      ref: row.ref("strategy"),
      targetRef: row.ref("target"),
    };
  };
  for (const row of ctx.rows(t)) {
    const s = row.name("strategy");
    const task = row.name("task");
    const sWord = s === null ? undefined : totalWord(s);
    const tWord = task === null ? undefined : totalWord(task);
    if (sWord === "total" && !task) {
      total = totalsOf(row) ?? total;
      continue;
    }
    if (s !== null && sWord === undefined) strategy = s;
    if (sWord === "subtotal" || tWord !== undefined || !task) {
      // 소계 rows, and a strategy's own row without a task, total the rows of one strategy.
      const of = sWord === "subtotal" || s === null ? strategy : s;
      row.path = [of];
      const target = row.count("target");
      const budget = row.budget("total", [], "백만원").budget;
      if (target === null && budget.total === null && !row.text("projects")) continue;
      subtotals.push({ strategy: of, target, budget: budget.total, ref: row.ref(sWord === "subtotal" ? "strategy" : "task"), refs: { target: row.ref("target"), budget: row.ref("total") } });
      continue;
    }
    row.path = [strategy, task];
    // A row that states nothing (a template row for a task the published summary lacked).
    if (blank(row, "target") && blank(row, "total") && blank(row, "projects")) continue;
    rows.push({
      strategy,
      task,
      projects: listItems(row.text("projects")),
      target: row.count("target"),
      budget: row.budget("total", [], "백만원").budget.total,
      ref: row.ref("task"),
      refs: { target: row.ref("target"), budget: row.ref("total"), projects: row.ref("projects") },
    });
  }
  for (const row of ctx.totalsRows(t)) total = totalsOf(row) ?? total;
  if (!rows.length && !total) return;
  ctx.plan.summary.byTask = { rows };
  if (total) ctx.plan.summary.byTask.total = total;
  if (subtotals.length) ctx.plan.summary.byTask.subtotals = subtotals;
  const notStated = missing.filter((f) => f === "target" || f === "total");
  if (notStated.length) ctx.plan.summary.byTask.missing = notStated as MissingFields;
}

export function readSummaryByStrategy(t: RowsTable, ctx: BuildContext): void {
  const { unreadable, missing } = ctx.missingColumns(t, ["strategy"], ["target", "total"]);
  if (unreadable) return;
  const keys = summarySourcesOf(t, ctx);
  const sources = ctx.sources.filter((s) => keys.includes(s.key));
  const rows: SummaryStrategyRow[] = [];
  let total: SummaryTotals | undefined;
  const figures = (row: RowCursor) => {
    const target = row.count("target");
    const { budget, stated } = row.budget("total", sources, "백만원");
    return { target, budget, stated: stated || target !== null, ref: row.ref("strategy"), targetRef: row.ref("target") };
  };
  for (const row of ctx.rows(t)) {
    const name = row.name("strategy");
    const word = name === null ? undefined : totalWord(name);
    row.path = word || !name ? [] : [name];
    if (word === "subtotal") continue;
    const f = figures(row);
    if (!f.stated) continue;
    if (word === "total") {
      total = { target: f.target, budget: f.budget, ref: f.ref, targetRef: f.targetRef };
      continue;
    }
    if (!name) {
      ctx.sink.add("unreadable", "error", { ko: "분야별 목표 행에 추진전략 이름이 없습니다.", en: "A row of the summary by strategy has no strategy name." }, row.ref("strategy"), { table: "summary-by-strategy" });
      continue;
    }
    rows.push({ strategy: name, target: f.target, budget: f.budget, ref: f.ref, targetRef: f.targetRef });
  }
  for (const row of ctx.totalsRows(t)) {
    row.path = [];
    const f = figures(row);
    if (f.stated) total = { target: f.target, budget: f.budget, ref: f.ref, targetRef: f.targetRef };
  }
  if (!rows.length && !total) return;
  ctx.plan.summary.byStrategy = { rows };
  if (total) ctx.plan.summary.byStrategy.total = total;
  const notStated = missing.filter((f) => f === "target" || f === "total");
  if (notStated.length) ctx.plan.summary.byStrategy.missing = notStated as MissingFields;
}

export function readPlanBudget(t: RowsTable, ctx: BuildContext): void {
  const keys = summarySourcesOf(t, ctx);
  const sources = ctx.sources.filter((s) => keys.includes(s.key));
  for (const row of ctx.rows(t)) {
    const { budget, stated } = row.budget("total", sources, "백만원");
    if (stated) ctx.plan.summary.planBudget = budget;
    const headline: PlanHeadline = {};
    const insured = row.has("insuredTarget") ? row.measure("insuredTarget") : null;
    const rate = row.has("employmentRateTarget") ? row.measure("employmentRateTarget") : null;
    if (insured) headline.insuredTarget = insured;
    if (rate) headline.employmentRateTarget = rate;
    if (insured || rate) ctx.plan.headline = { ...ctx.plan.headline, ...headline } as { insuredTarget?: Measure; employmentRateTarget?: Measure };
    return;
  }
}
