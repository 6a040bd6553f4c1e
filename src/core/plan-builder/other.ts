/** 공통 일자리 목표 and 추진일정. */
import type { CommonTarget, ScheduleRow } from "../model";
import type { BuildContext } from "./context";
import type { RowsTable } from "./input";

const MEASURES = ["lastTarget", "lastResult", "achievementRate", "target", "changeRate"] as const;

export function readCommonTargets(t: RowsTable, ctx: BuildContext): void {
  const { unreadable } = ctx.missingColumns(t, ["name"], []);
  if (unreadable) return;
  for (const row of ctx.rows(t)) {
    const name = row.name("name");
    if (!name) continue;
    row.path = [name];
    const unitText = row.text("unit") ?? "";
    // A rate (취업률, 고용률) changes in %p; a count (피보험자 수) in %.
    const isRate = unitText.includes("%") || (!unitText && /[률율]$/.test(name.replace(/\s|\(.*\)$/g, "")));
    const c: CommonTarget = { name, unit: isRate ? "%" : "명", ref: row.ref("name") };
    for (const f of MEASURES) if (row.has(f)) c[f] = row.measure(f);
    ctx.plan.commonTargets.push(c);
  }
}

const LEVELS: Record<string, ScheduleRow["level"]> = {
  strategy: "strategy",
  task: "task",
  project: "project",
  전략: "strategy",
  추진전략: "strategy",
  과제: "task",
  실천과제: "task",
  사업: "project",
  세부사업: "project",
};

export function readSchedule(t: RowsTable, ctx: BuildContext): void {
  for (const row of ctx.rows(t)) {
    const name = row.name("name");
    if (!name) continue;
    const level = LEVELS[(row.name("level") ?? "").replace(/\s/g, "").toLowerCase()] ?? "project";
    ctx.plan.schedule.push({
      level,
      name,
      months: Array.from({ length: 12 }, (_, i) => row.text(`m${i + 1}`) ?? ""),
      ref: row.ref("name"),
    });
  }
}
