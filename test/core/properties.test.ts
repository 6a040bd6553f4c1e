/**
 * Property tests: checks are silent on consistent plans, and one changed number in a
 * consistent plan is reported at the place it was changed.
 */
import fc from "fast-check";
import { generatePlan } from "../../bench/generate-plan";
import { checkPlan } from "../../src/core/validate";
import type { Plan } from "../../src/core/model";

const planArb = fc
  .record({ projects: fc.integer({ min: 1, max: 60 }), strategies: fc.integer({ min: 1, max: 4 }), tasksPerStrategy: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 1, max: 1_000_000 }) })
  .map((o) => ({ opts: o }));

interface Perturbation {
  apply(plan: Plan, delta: number): { path: string[]; table: string } | null;
}

/** Every kind of figure a plan holds, each changed in place. */
const perturbations: Record<string, Perturbation> = {
  projectTotal: {
    apply(plan, delta) {
      const s = plan.strategies.find((x) => x.tasks.some((t) => t.projects.length > 0));
      const t = s?.tasks.find((x) => x.projects.length > 0);
      const p = t?.projects[t.projects.length - 1];
      if (!s || !t || !p?.budget) return null;
      p.budget.total = (p.budget.total ?? 0) + delta;
      return { path: [s.name, t.name, p.name], table: "project" };
    },
  },
  projectPart: {
    apply(plan, delta) {
      const s = plan.strategies.find((x) => x.tasks.some((t) => t.projects.length > 0));
      const t = s?.tasks.find((x) => x.projects.length > 0);
      const p = t?.projects[0];
      if (!s || !t || !p?.budget) return null;
      p.budget.parts.national = (p.budget.parts.national ?? 0) + delta;
      return { path: [s.name, t.name, p.name], table: "project" };
    },
  },
  taskTotal: {
    apply(plan, delta) {
      const s = plan.strategies[plan.strategies.length - 1];
      const t = s.tasks[0];
      t.budget.total = (t.budget.total ?? 0) + delta;
      return { path: [s.name, t.name], table: "task-plan" };
    },
  },
  taskPart: {
    apply(plan, delta) {
      const s = plan.strategies[0];
      const t = s.tasks[s.tasks.length - 1];
      t.budget.parts.municipal = (t.budget.parts.municipal ?? 0) + delta;
      return { path: [s.name, t.name], table: "task-plan" };
    },
  },
  taskTarget: {
    apply(plan, delta) {
      const s = plan.strategies[0];
      const t = s.tasks[0];
      t.target = (t.target ?? 0) + delta;
      return { path: [s.name, t.name], table: "summary-by-task" };
    },
  },
  summaryTaskBudget: {
    apply(plan, delta) {
      const row = plan.summary.byTask!.rows[0];
      row.budget = (row.budget ?? 0) + delta * 2;
      return { path: [row.strategy, row.task], table: "summary-by-task" };
    },
  },
  summaryTaskTarget: {
    apply(plan, delta) {
      const rows = plan.summary.byTask!.rows;
      const row = rows[rows.length - 1];
      row.target = (row.target ?? 0) + delta;
      return { path: [row.strategy, row.task], table: "summary-by-task" };
    },
  },
  summaryStrategyPart: {
    apply(plan, delta) {
      const row = plan.summary.byStrategy!.rows[0];
      row.budget.parts.province = (row.budget.parts.province ?? 0) + delta * 2;
      return { path: [row.strategy], table: "summary-by-strategy" };
    },
  },
  planBudget: {
    apply(plan, delta) {
      plan.summary.planBudget!.total = (plan.summary.planBudget!.total ?? 0) + delta * 2;
      return { path: [], table: "plan-budget" };
    },
  },
};

describe("properties", () => {
  it("checks are silent on generated consistent plans", () => {
    fc.assert(
      fc.property(planArb, ({ opts }) => {
        expect(checkPlan(generatePlan({ ...opts, wholeMillions: true }))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("any amounts: a summary generated with largest-remainder gives no error", () => {
    fc.assert(
      fc.property(planArb, ({ opts }) => {
        expect(checkPlan(generatePlan(opts)).filter((f) => f.severity === "error")).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("one perturbed number is reported as an error at the right place", () => {
    fc.assert(
      fc.property(
        planArb,
        fc.constantFrom(...Object.keys(perturbations)),
        fc.integer({ min: 1, max: 5_000 }).chain((n) => fc.constantFrom(n, -n)),
        ({ opts }, kind, delta) => {
          const plan = generatePlan({ ...opts, wholeMillions: true });
          // Summary figures are in 백만원: change a detail amount by whole millions so the
          // change cannot hide inside rounding.
          const scaled = kind.startsWith("task") && kind !== "taskTarget" ? delta * 1000 : kind.startsWith("project") ? delta * 1000 : delta;
          const where = perturbations[kind].apply(plan, scaled);
          fc.pre(where !== null);
          const errors = checkPlan(plan).filter((f) => f.severity === "error");
          const hit = errors.some(
            (f) => f.location.table === where!.table && JSON.stringify(f.location.path) === JSON.stringify(where!.path),
          );
          if (!hit) throw new Error(`${kind} ${scaled} not reported at ${JSON.stringify(where)}: ${JSON.stringify(errors.map((e) => e.location))}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
