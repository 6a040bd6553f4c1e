/**
 * Names match exactly whatever characters they hold: `~ * ?` (wildcards to SUMIFS), a
 * leading `< > =` (operators), quotes, text that reads as a number or a date, a name that
 * is another's prefix, names differing only in case, a name longer than SUMIFS criteria may
 * be (255). Recalculated by LibreOffice, every 산출 equals the core's figure and every 상태
 * says 일치, in the template and after `summarize` regenerated the formulas.
 */
import path from "path";
import { summarizePlan } from "../../src/core/summarize";
import { checkPlan } from "../../src/core";
import { defaultSettings, type Plan, type Strategy } from "../../src/core/model";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { workbookTables } from "../../src/cli/xlsx-read";
import { summarizeWorkbook } from "../../src/cli/workbook-io";
import { classifyTable, type InputTable } from "../../src/workbook/read-tables";
import { matchHeaders, summaryByStrategyColumns, summaryByTaskColumns } from "../../src/workbook/columns";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { cleanupRecalc, recalcAllWithLibreOffice } from "../../bench/workbook-helpers";
import { readWorkbook, tempDir } from "./helpers/workbook-files";

jest.setTimeout(240_000);

const LONG = "청년 일자리 " + "가나다라마바사".repeat(45);

const NAMES: Array<[string, string[]]> = [
  ["~청년*일자리?", ["<5인 미만 사업장 지원", ">=고용 유지", "청년*"]],
  ["=SUM(1,2)", ['"따옴표" 과제', "1,000", "3/4 분기 사업"]],
  ["청년", ["A~B", "abc", "ABC", LONG]],
];

/** A plan whose names hold every troublesome character; its summaries declare exactly the core's figures. */
function specialPlan(): Plan {
  let n = 0;
  const strategies: Strategy[] = NAMES.map(([name, tasks]) => ({
    name,
    tasks: tasks.map((task) => {
      n++;
      const national = 100_000 * n + 499;
      const municipal = 50_000 * n + 501;
      return { name: task, target: 10 * n, budget: { total: national + municipal, parts: { national, municipal } }, projects: [] };
    }),
  }));
  const plan: Plan = { name: "특수문자 계획", year: 2021, settings: defaultSettings(), strategies, summary: { sourceKeys: ["national", "province", "municipal"] }, commonTargets: [], schedule: [] };
  const g = summarizePlan(plan);
  const budget = (f: { total: number; parts: Record<string, number> }) => ({ total: f.total, parts: { ...f.parts } });
  plan.summary.byTask = {
    rows: g.byTask.map((r) => ({ strategy: r.strategy, task: r.task, projects: [], target: r.target, budget: r.total })),
    total: { target: g.total.target, budget: { total: g.total.total, parts: {} } },
  };
  plan.summary.byStrategy = {
    rows: g.byStrategy.map((r) => ({ strategy: r.strategy, target: r.target, budget: budget(r) })),
    total: { target: g.total.target, budget: budget(g.total) },
  };
  return plan;
}

function table(tables: InputTable[], kind: string): InputTable {
  const t = tables.find((x) => classifyTable(x) === kind);
  if (!t) throw new Error(`no ${kind} table`);
  return t;
}

/** The files recalculated by LibreOffice in one start of it, read back as tables. */
async function recalculated(files: string[]): Promise<InputTable[][]> {
  const outs = recalcAllWithLibreOffice(files);
  try {
    const out: InputTable[][] = [];
    for (const f of outs) out.push(workbookTables(await readWorkbook(f)));
    return out;
  } finally {
    cleanupRecalc(outs[0]);
  }
}

function expectCoreFigures(plan: Plan, tables: InputTable[]): void {
  const g = summarizePlan(plan);
  const bt = table(tables, "summaryByTask");
  const tm = matchHeaders(bt.values[0], summaryByTaskColumns()).index;
  const byTask = bt.values.slice(1).map((r) => [r[tm.strategy], r[tm.task], r[tm.target], r[tm.budget], r[tm.status]]);
  expect(byTask).toEqual([
    ["합계", null, g.total.target, g.total.total, "일치"],
    ...g.byTask.map((r) => [r.strategy, r.task, r.target, r.total, "일치"]),
  ]);
  const bs = table(tables, "summaryByStrategy");
  const sm = matchHeaders(bs.values[0], summaryByStrategyColumns(plan.settings, plan.summary.sourceKeys)).index;
  const keys = g.sourceKeys;
  const byStrategy = bs.values.slice(1).map((r) => [r[sm.strategy], r[sm.target], r[sm.total], ...keys.map((k) => r[sm["gen:src:" + k]]), r[sm.status]]);
  expect(byStrategy).toEqual([
    ["총계", g.total.target, g.total.total, ...keys.map((k) => g.total.parts[k]), "일치"],
    ...g.byStrategy.map((r) => [r.strategy, r.target, r.total, ...keys.map((k) => r.parts[k]), "일치"]),
  ]);
}

describe("names with special characters", () => {
  it("sum exactly their own rows, in the template and after summarize (LibreOffice)", async () => {
    const plan = specialPlan();
    // The generated figures differ from task to task, so a wrong match cannot look right.
    expect(new Set(summarizePlan(plan).byTask.map((r) => r.total)).size).toBe(10);
    const dir = tempDir();
    const file = path.join(dir, "special.xlsx");
    await writeWorkbookFile(buildWorkbookSpec(plan, checkPlan(plan)), file);

    const again = path.join(dir, "again.xlsx");
    const result = await summarizeWorkbook(file, again, "ko");
    // The reader and the checks see the names as written, too (abc / ABC are flagged as a likely duplicate).
    expect(result.findings.filter((f) => ["summary-mismatch", "unmatched", "malformed-number"].includes(f.code))).toEqual([]);
    // The template and the summarized copy (summarize wrote a new file: the template is as written).
    const [template, summarized] = await recalculated([file, again]);
    expectCoreFigures(plan, template);
    expectCoreFigures(plan, summarized);
  });
});
