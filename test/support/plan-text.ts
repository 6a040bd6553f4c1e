/**
 * A plan written out as a plan document's text, in the Seo-gu form (summary by task, plan
 * budget, 분야별 목표, one section per task with its budget lines and 【추진계획】 table), for
 * tests that read the same plan from text, workbook and function ranges. Each figure goes
 * through `cell`, so that a test can write any figure as a document would: with a unit, as
 * "-", badly grouped, as words.
 */
import type { Budget, Plan } from "../../src/core/model";

/** Where a figure sits, for a test that writes one figure differently. */
export interface FigureSpot {
  table: "summary-by-task" | "summary-by-strategy" | "plan-budget" | "task-plan" | "project";
  /** Strategy, task, project names, as deep as the figure goes; [] for plan totals. */
  path: string[];
  /** "total", a source key, or "target". */
  field: string;
}

/** How each figure is written: the plain number in the table's unit, or anything else. */
export type CellWriter = (value: number | null, spot: FigureSpot, plain: string) => string;

export interface TextOptions {
  cell?: CellWriter;
  /** Bullet before each project in the summary's list (`▷`, `-`, `•`). */
  bullet?: string;
  /** A 소계 row after each strategy's rows of the summary by task. */
  subtotals?: boolean;
}

const LABEL: Record<string, string> = { national: "국비", province: "시도비", municipal: "시군구비", private: "민자" };
const SHORT: Record<string, string> = { national: "국", province: "시", municipal: "구", private: "민자" };

export function group(n: number): string {
  return n.toLocaleString("en-US");
}

export function planText(plan: Plan, opts: TextOptions = {}): string {
  const w: CellWriter = opts.cell ?? ((_v, _s, plain) => plain);
  const num = (v: number | null | undefined, spot: FigureSpot) => w(v ?? null, spot, v === null || v === undefined ? "-" : group(v));
  const bullet = opts.bullet ?? "▷";
  const out: string[] = [`${plan.year ?? 2021}년도 일자리대책 연차별 세부계획`, "", "가상광역시 가상구", "", "I. 요약", "", "□ 핵심 전략", ""];
  const bt = plan.summary.byTask!;
  out.push(["추진전략", "실천과제", "세부사업내용", "일자리 목표", "사업예산 (백만원)"].join("\t"));
  out.push(["합 계", "", "", num(bt.total?.target, { table: "summary-by-task", path: [], field: "target" }), num(bt.total?.budget.total, { table: "summary-by-task", path: [], field: "total" })].join("\t"));
  for (const s of plan.strategies) {
    const rows = bt.rows.filter((r) => r.strategy === s.name);
    rows.forEach((r, i) => {
      const list = r.projects.map((p) => `${bullet} ${p}`).join(" ");
      const path = [r.strategy, r.task];
      out.push([i === 0 ? r.strategy : "", r.task, list, num(r.target, { table: "summary-by-task", path, field: "target" }), num(r.budget, { table: "summary-by-task", path, field: "total" })].join("\t"));
    });
    if (opts.subtotals && rows.length) {
      const target = rows.reduce((a, r) => a + (r.target ?? 0), 0);
      const budget = rows.reduce((a, r) => a + (r.budget ?? 0), 0);
      out.push(["", "소 계", "", group(target), group(budget)].join("\t"));
    }
  }
  const keys = plan.summary.sourceKeys ?? ["national", "province", "municipal"];
  const pb = plan.summary.planBudget!;
  out.push("", "□ 지역 일자리 목표 요약", "");
  out.push(["지역 일자리 예산(백만원)", ...keys.map(() => "")].join("\t"));
  out.push(["합 계", ...keys.map((k) => LABEL[k])].join("\t"));
  out.push([num(pb.total, { table: "plan-budget", path: [], field: "total" }), ...keys.map((k) => num(pb.parts[k] ?? 0, { table: "plan-budget", path: [], field: k }))].join("\t"));

  const bs = plan.summary.byStrategy!;
  out.push("", "Ⅲ. 일자리 목표", "", "2. 분야별 목표", "", "(단위 : 명)", "");
  out.push(["구 분", "목표 (인원)", "예 산(백만원)", ...keys.map(() => "")].join("\t"));
  out.push(["", "", "합계", ...keys.map((k) => LABEL[k])].join("\t"));
  const strategyRow = (name: string, target: number | null, b: Budget, path: string[]) =>
    [name, num(target, { table: "summary-by-strategy", path, field: "target" }), num(b.total, { table: "summary-by-strategy", path, field: "total" }), ...keys.map((k) => num(b.parts[k] ?? 0, { table: "summary-by-strategy", path, field: k }))].join("\t");
  if (bs.total) out.push(strategyRow("총 계", bs.total.target, bs.total.budget, []));
  for (const r of bs.rows) out.push(strategyRow(r.strategy, r.target, r.budget, [r.strategy]));

  out.push("", "IV. 세부실천과제", "");
  plan.strategies.forEach((s, si) => {
    s.tasks.forEach((t, ti) => {
      if (ti === 0) out.push(`[전략${si + 1}. ${s.name}]`);
      out.push(`${t.name} 추진`, "", "□ 사업목적", "", " - 일자리 창출", "", "□ 사업내용", "");
      for (const p of t.projects) {
        const path = [s.name, t.name, p.name];
        out.push(`○ ${p.name}`);
        if (p.budget) {
          const split = Object.keys(p.budget.parts)
            .map((k) => `${SHORT[k]} ${num(p.budget!.parts[k], { table: "project", path, field: k })}`)
            .join(", ");
          const total = num(p.budget.total, { table: "project", path, field: "total" });
          out.push(` - 사업예산 : ${/^[\d,]+$/.test(total) ? `${total}천원` : total}${split ? `(${split})` : ""}`);
        }
        out.push("");
      }
      const path = [s.name, t.name];
      const f = (field: string) => num(field === "total" ? t.budget.total : (t.budget.parts[field] ?? null), { table: "task-plan", path, field });
      out.push("【'21년 추진계획】", "");
      out.push(["구 분", "", "목표인원 및 예산"].join("\t"));
      const target = num(t.target, { table: "task-plan", path, field: "target" });
      out.push(["일자리 창출 성과목표", "", /^[\d,]+$/.test(target) ? `${target}명` : target].join("\t"));
      const total = f("total");
      out.push(["사 업 비", "계", /^[\d,]+$/.test(total) ? `${total}천원` : total].join("\t"));
      out.push(["", "국비", f("national")].join("\t"));
      out.push(["", "지방비", "시도비", f("province")].join("\t"));
      out.push(["", "", "시군구비", f("municipal")].join("\t"));
      out.push(["", "민자", f("private")].join("\t"));
      out.push("");
    });
  });
  return out.join("\n");
}
