/**
 * The detail of one task: each project's split, the task's split, and the projects adding
 * up to the task's plan table. The three are read together so that one wrong figure is one
 * error, reported at the figure the others point to:
 * - a project whose split fails and whose task agrees with it once one of its figures takes
 *   the value that balances the split: the error names that figure;
 * - a task whose split fails where exactly one of its figures disagrees with its projects
 *   and the projects' sum balances the row: the error names that figure;
 * - a roll-up that fails only because of a figure reported above is info that follows from it.
 */
import type { Budget, FundingSource, Project, Task } from "../model";
import { sumParts } from "../rollup";
import { emit, fieldLabel, fmt, followsFrom, lastFinding, signed, suspect, suspectOf, type CheckContext } from "./context";
import type { Finding } from "../findings";

type Field = string;

function valueOf(b: Budget, f: Field): number {
  return f === "total" ? (b.total ?? 0) : (b.parts[f] ?? 0);
}

/** Whether the budget states a split to check (a total and at least one source). */
function hasSplit(b: Budget): boolean {
  return b.total !== null && Object.keys(b.parts).length > 0;
}

/** What each figure would be if it alone were wrong and the split balanced: 계 = sum, or source = its share of the gap. */
function balancingValues(b: Budget, sources: readonly FundingSource[]): Map<Field, number> {
  const delta = (b.total ?? 0) - sumParts(b.parts);
  const out = new Map<Field, number>([["total", sumParts(b.parts)]]);
  for (const s of sources) out.set(s.key, (b.parts[s.key] ?? 0) + delta);
  return out;
}

interface Rollup {
  /** Projects with a stated 계, which the task's figures are compared with. */
  budgeted: Project[];
  fields: Field[];
  sum(f: Field): number;
}

/** A task's projects read once: their roll-up, and the projects whose split does not add up. */
interface ProjectsRead {
  rollup?: Rollup;
  unbalanced: Project[];
  /** The projects' head counts added up, when every project states one. */
  headcounts?: number;
}

/**
 * One pass over the projects (this runs once per project of the plan): each budget's parts
 * are walked once, for its own split and for the task's sums.
 */
const NO_PROJECTS: ProjectsRead = { unbalanced: [] };

function readProjects(ctx: CheckContext, task: Task): ProjectsRead {
  if (task.projects.length === 0) return NO_PROJECTS;
  const budgeted: Project[] = [];
  const unbalanced: Project[] = [];
  let total = 0;
  // Parts are walked by the plan's source keys (the only keys a budget holds), in arrays:
  // a for-in over budgets of many shapes was most of the check's time on large plans.
  const keys = ctx.sourceKeys;
  const sums: number[] = new Array<number>(keys.length).fill(0);
  const stated: boolean[] = new Array<boolean>(keys.length).fill(false);
  let headcounts: number | undefined = 0;
  for (const p of task.projects) {
    if (headcounts !== undefined) headcounts = typeof p.headcount === "number" ? headcounts + p.headcount : undefined;
    const b = p.budget;
    if (!b) continue;
    const parts = b.parts;
    const budgetedHere = b.total !== null;
    let sum = 0;
    let count = 0;
    for (let i = 0; i < keys.length; i++) {
      const v = parts[keys[i]];
      if (v === undefined) continue;
      sum += v;
      count++;
      if (budgetedHere) {
        sums[i] += v;
        stated[i] = true;
      }
    }
    if (!budgetedHere) continue;
    budgeted.push(p);
    total += b.total!;
    if (count > 0 && sum !== b.total) unbalanced.push(p);
  }
  if (!budgeted.length) return { unbalanced, headcounts };
  const fields = ["total"];
  const byKey: Record<string, number> = {};
  keys.forEach((k, i) => {
    if (stated[i]) byKey[k] = sums[i];
    if (stated[i] || task.budget.parts[k] !== undefined) fields.push(k);
  });
  return { rollup: { budgeted, fields, sum: (f) => (f === "total" ? total : (byKey[f] ?? 0)) }, unbalanced, headcounts };
}

/** The note of comparisons about a task whose name its strategy uses twice. */
export const DUPLICATE_NAME = {
  ko: "같은 이름의 실천과제가 두 번 있어 세부사업을 나눌 수 없음",
  en: "the task's name is used twice, so its projects cannot be told apart",
};

/**
 * `duplicate`: the strategy names another task the same (reported where it was read): its
 * projects cannot be told apart, so their roll-up follows from that.
 */
export function checkTaskDetail(ctx: CheckContext, strategyName: string, task: Task, duplicate = false): void {
  const path = [strategyName, task.name];
  const { rollup, unbalanced, headcounts } = readProjects(ctx, task);
  const gap = (f: Field) => (rollup ? valueOf(task.budget, f) - rollup.sum(f) : 0);
  const sources = ctx.plan.settings.sources;

  for (const p of unbalanced) {
    const b = p.budget!;
    const balancing = balancingValues(b, sources);
    // The figure whose balancing value also makes the task's roll-up agree is the wrong one.
    const pointed = rollup ? [...balancing].filter(([f, v]) => gap(f) !== 0 && gap(f) === v - valueOf(b, f)) : [];
    const at = pointed.length === 1 ? pointed[0][0] : "total";
    const finding = splitError(ctx, { budget: b, path: [...path, p.name], table: "project", at, alt: balancing.get(at)!, sources });
    if (pointed.length === 1) suspect(ctx, b, at, finding, [balancing.get(at)!]);
    else for (const [f, v] of balancing) suspect(ctx, b, f, finding, [v]);
  }

  let pinned: Field | undefined;
  if (hasSplit(task.budget) && task.budget.total !== sumParts(task.budget.parts)) {
    const balancing = balancingValues(task.budget, sources);
    // A single figure that disagrees with the projects, and whose projects' sum balances the row.
    const pointed = rollup ? rollup.fields.filter((f) => gap(f) !== 0 && balancing.get(f) === rollup.sum(f)) : [];
    pinned = pointed.length === 1 ? pointed[0] : undefined;
    const at = pinned ?? "total";
    const finding = splitError(ctx, { budget: task.budget, path, table: "task-plan", at, alt: balancing.get(at)!, sources, projectsSum: pinned !== undefined });
    if (pinned !== undefined) suspect(ctx, task.budget, pinned, finding, [rollup!.sum(pinned)]);
    else for (const [f, v] of balancing) suspect(ctx, task.budget, f, finding, [v]);
  }

  if (rollup) checkRollup(ctx, path, task, rollup, pinned, duplicate);
  if (headcounts !== undefined && task.projects.length > 0) checkHeadcounts(ctx, path, task, headcounts);
}

interface SplitErrorArgs {
  budget: Budget;
  path: string[];
  table: "project" | "task-plan";
  /** The figure reported: "total" or a source key. */
  at: Field;
  /** What that figure would be for the row to add up. */
  alt: number;
  sources: readonly FundingSource[];
  /** The task's projects add up to `alt` as well. */
  projectsSum?: boolean;
}

function splitError(ctx: CheckContext, a: SplitErrorArgs): Finding {
  const b = a.budget;
  const sum = sumParts(b.parts);
  const where = a.path.join(" › ");
  const total = b.total ?? 0;
  let ko: string;
  let en: string;
  let expected = sum;
  let actual = total;
  const left = a.sources.find((s) => (b.parts[s.key] ?? 0) !== 0 && sum - total === b.parts[s.key]);
  if (a.at !== "total") {
    const label = fieldLabel(ctx, a.at);
    const stated = valueOf(b, a.at);
    expected = a.alt;
    actual = stated;
    const because = a.projectsSum ? { ko: "세부사업의 합도 ", en: "its projects add up to it too" } : { ko: "", en: "" };
    ko = `${where}: ${label.ko} ${fmt(stated)}천원으로는 계 ${fmt(total)}천원이 맞지 않습니다 — ${because.ko}${fmt(a.alt)}천원이어야 재원 합이 계와 같습니다 (차이 ${signed(stated - a.alt)}천원).`;
    en = `${where}: ${label.en} ${fmt(stated)} does not add up to the total ${fmt(total)}; ${fmt(a.alt)} would${because.en ? `, and ${because.en}` : ""} (${signed(stated - a.alt)}, 천원).`;
  } else if (left) {
    ko = `${where}: 계 ${fmt(total)}천원에 옆에 적힌 ${left.label} ${fmt(b.parts[left.key])}천원이 빠져 있습니다 — ${fmt(sum)}천원이어야 맞습니다.`;
    en = `${where}: the total ${fmt(total)} leaves out the ${left.labelEn} ${fmt(b.parts[left.key])} stated beside it; ${fmt(sum)} was likely meant (천원).`;
  } else {
    ko = `${where}: 계 ${fmt(total)}천원이 재원 합계(${fmt(sum)}천원)와 맞지 않습니다 — 차이 ${signed(total - sum)}천원.`;
    en = `${where}: total ${fmt(total)} differs from the sum of its sources ${fmt(sum)} by ${signed(total - sum)} (천원).`;
  }
  emit(ctx, {
    code: "split",
    severity: "error",
    ko,
    en,
    path: a.path,
    table: a.table,
    field: a.at,
    ref: b.refs?.[a.at] ?? b.refs?.total,
    expected,
    actual,
    unit: "천원",
  });
  return lastFinding(ctx);
}

/** A project whose one suspect figure, at its likely value, closes the roll-up gap of `field`. */
function projectExplaining(ctx: CheckContext, projects: readonly Project[], field: Field, gap: number): Finding | undefined {
  for (const p of projects) {
    const s = suspectOf(ctx, p.budget!, field);
    if (s && s.alts.some((alt) => alt - valueOf(p.budget!, field) === gap)) return s.finding;
  }
  return undefined;
}

function checkRollup(ctx: CheckContext, path: string[], task: Task, rollup: Rollup, pinned: Field | undefined, duplicate: boolean): void {
  const unbudgeted = task.projects.length - rollup.budgeted.length;
  const note =
    unbudgeted > 0 ? { ko: ` (예산이 없는 세부사업 ${unbudgeted}개 제외)`, en: ` (${unbudgeted} project(s) without a budget left out)` } : { ko: "", en: "" };
  const failing = rollup.fields.filter((f) => f !== pinned && valueOf(task.budget, f) !== rollup.sum(f));
  const gapOf = (f: Field) => valueOf(task.budget, f) - rollup.sum(f);
  // A task whose 계 and sources miss their projects by the same amount has one discrepancy:
  // reported at 계, its sources following from it.
  const partsFailing = failing.filter((f) => f !== "total");
  const oneGap =
    failing.includes("total") && partsFailing.length > 0 && !suspectOf(ctx, task.budget, "total") && partsFailing.reduce((a, f) => a + gapOf(f), 0) === gapOf("total");
  let totalFinding: Finding | undefined;
  for (const field of failing.sort((a, b) => (a === "total" ? -1 : b === "total" ? 1 : 0))) {
    const declared = valueOf(task.budget, field);
    const summed = rollup.sum(field);
    const gap = summed - declared;
    const own = suspectOf(ctx, task.budget, field);
    const follows =
      projectExplaining(ctx, rollup.budgeted, field, -gap) ??
      (own && own.alts.includes(summed) ? own.finding : undefined) ??
      (oneGap && field !== "total" ? totalFinding : undefined);
    const label = fieldLabel(ctx, field);
    const tail = follows ? followsFrom(follows) : duplicate ? DUPLICATE_NAME : undefined;
    emit(ctx, {
      code: "rollup",
      severity: tail ? "info" : "error",
      ko: `${path.join(" › ")}: 세부사업 ${label.ko} 합 ${fmt(summed)}천원이 추진계획의 ${label.ko} ${fmt(declared)}천원과 ${signed(declared - summed)} 다릅니다${note.ko}${tail ? ` (${tail.ko})` : ""}.`,
      en: `${path.join(" › ")}: projects' ${label.en} add up to ${fmt(summed)}, the task plan says ${fmt(declared)} (${signed(declared - summed)}, 천원)${note.en}${tail ? ` (${tail.en})` : ""}.`,
      path,
      table: "task-plan",
      field,
      ref: task.budget.refs?.[field] ?? task.ref,
      expected: summed,
      actual: declared,
      unit: "천원",
    });
    if (!tail) {
      const f = lastFinding(ctx);
      if (field === "total") totalFinding = f;
      suspect(ctx, task.budget, field, f, [summed]);
    }
  }
}

/** Head counts are not always job targets (a trainee is not a job yet), so this is a hint. */
function checkHeadcounts(ctx: CheckContext, path: string[], task: Task, sum: number): void {
  if (task.target === null || sum === task.target) return;
  emit(ctx, {
    code: "headcount-rollup",
    severity: "info",
    ko: `${path.join(" › ")}: 세부사업 인원 합 ${fmt(sum)}명이 일자리 목표 ${fmt(task.target)}명과 다릅니다 (인원이 모두 일자리는 아닐 수 있음).`,
    en: `${path.join(" › ")}: project head counts add up to ${fmt(sum)}, the job target is ${fmt(task.target)} (head counts need not all be jobs).`,
    path,
    table: "task-plan",
    field: "target",
    ref: task.targetRef ?? task.ref,
    expected: sum,
    actual: task.target,
    unit: "명",
  });
}
