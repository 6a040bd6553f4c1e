/**
 * Excel on the web rejects a request or response above 5 MB. At 10,000 rows with the names a
 * real plan has (long Korean strategy, task and project names) and numbers in every formula
 * cell (as Excel shows them), regeneration reads its tables in blocks sized by response
 * bytes and formulas only of generated columns: twice in a row (the second run reads the
 * formulas the first wrote), then validation, all under the double's enforced limit.
 */
import { createFakeExcel } from "./fake-excel";
import { createPlanWorkbookOps } from "../../src/excel/adapter";

const LIMIT = 5 * 1024 * 1024;

const STRATEGIES = [
  "청년 행복 일자리 확대를 위한 맞춤형 취업 지원 강화",
  "사회적 경제 활성화 및 일자리 질 개선을 통한 좋은 일자리 창출",
  "경쟁력 있는 산업단지 조성과 제조업 일자리 창출",
  "고용 거버넌스 활성화 및 지역 상생협력 일자리 창출",
  "신중년·여성·장애인 등 취약계층 맞춤형 일자리 제공",
];

test("regenerate twice and validate at 10,000 rows stay under 5 MB per sync", async () => {
  // Every formula shows a number, as in Excel (the double has no formula engine).
  const fx = createFakeExcel({ payloadLimitBytes: LIMIT, evaluate: (_s, address) => 1_000_000 + address.length * 7919 });
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => true });
  await ops.insertTemplate({ planName: "서구 일자리대책 연차별 세부계획", year: 2020, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" });
  const n = 10_000;
  const tp: Array<Array<string | number>> = [];
  const pr: Array<Array<string | number>> = [];
  const st: Array<Array<string | number>> = [];
  for (let i = 0; i < n; i++) {
    const strategy = STRATEGIES[i % STRATEGIES.length];
    const task = `${i + 1}번 실천과제: 지역 청년 맞춤형 직무교육 및 채용연계 지원사업 확대 운영`;
    tp.push([strategy, task, 12, 1_234_567, 617_283, 308_642, 308_642, 0]);
    pr.push([strategy, task, `${i + 1}번 세부사업: 청년 일경험 드림 프로젝트(지역 기업 연계형)`, 12, 1_234_567, 617_283, 308_642, 308_642, 0]);
    st.push([strategy, task, `${i + 1}번 세부사업`, 12, 1235]);
  }
  fx.setTableBody("TaskPlans", tp);
  fx.setTableBody("Projects", pr);
  fx.setTableBody("SummaryByTask", st);
  fx.setTableBody("SummaryByStrategy", STRATEGIES.map((s) => [s]));

  fx.resetSyncCount();
  const first = await ops.regenerate();
  expect(first).toMatchObject({ status: "done" });
  if (first.status === "done") expect(first.changedCells).toBeGreaterThanOrEqual(n);
  const second = await ops.regenerate();
  expect(second).toEqual({ status: "done", changedCells: 0, addedRows: { byTask: 0, byStrategy: 0 } });
  const findings = await ops.validate();
  expect(Array.isArray(findings)).toBe(true);
  // The double fails a sync above the limit; these say how close the largest came.
  expect(fx.maxResponseBytes()).toBeLessThan(LIMIT);
  expect(fx.maxRequestBytes()).toBeLessThan(LIMIT);
  // The tables are several MB in all: more than one response was needed.
  expect(fx.maxResponseBytes()).toBeGreaterThan(LIMIT / 10);
}, 240_000);
