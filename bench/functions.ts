/**
 * Custom functions on a 10,000-row detail argument: the time of one call of each PLAN.*
 * function (the range is parsed once per call, rows are read once). Target: < 5 ms a call
 * for JOBTARGET, BUDGET, SPLITCHECK and RECONCILE. FINDINGS also runs core's checkPlan over
 * the whole plan, so its figure is printed for information.
 */
import { budget, jobTarget } from "../src/functions/aggregate";
import { checkPlan } from "../src/core/validate";
import { buildPlan, findings } from "../src/functions/findings";
import { reconcile } from "../src/functions/reconcile";
import { splitCheck } from "../src/functions/splitcheck";

const ROWS = 10_000;
const STRATEGIES = 10;

function detailRange(rows: number): unknown[][] {
  const out: unknown[][] = [["추진전략", "실천과제", "비고", "일자리 목표(명)", "계(천원)", "국비", "시도비", "시군구비", "민자"]];
  for (let i = 0; i < rows; i++) {
    const s = i % STRATEGIES;
    const nat = 1000 + ((i * 7919) % 900_000);
    const prov = (i * 104_729) % 500_000;
    const mun = (i * 1_299_709) % 700_000;
    // Half the figures as text the way a pasted table holds them, half as numbers.
    const t = (n: number) => (i % 2 ? n.toLocaleString("en-US") : n);
    out.push([`추진전략 ${s + 1}`, `실천과제 ${s + 1}-${i}`, "", t(i % 50), t(nat + prov + mun), t(nat), prov ? t(prov) : "-", t(mun), ""]);
  }
  return out;
}

function summaryRange(detail: unknown[][]): unknown[][] {
  const out: unknown[][] = [["추진전략", "일자리 목표", "사업예산(백만원)", "국비", "시비", "군구비"]];
  for (let s = 0; s < STRATEGIES; s++) out.push([`추진전략 ${s + 1}`, 1, 1, 1, 1, 1]);
  void detail;
  return out;
}

/**
 * Time of one call: CPU time of this process (user + system) per call, the best of five
 * batches, so that other processes on a busy machine do not decide the figure; the wall
 * time of the same batch is printed beside it.
 */
function time(label: string, calls: number, fn: () => unknown, targetMs?: number): number {
  fn(); // warm-up
  let cpu = Infinity;
  let wall = Infinity;
  for (let batch = 0; batch < 5; batch++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    const w = Number(process.hrtime.bigint() - t0) / 1e6 / calls;
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000 / calls;
    if (ms < cpu) {
      cpu = ms;
      wall = w;
    }
  }
  const verdict = targetMs === undefined ? "" : cpu < targetMs ? `  (< ${targetMs} ms: ok)` : `  (over ${targetMs} ms)`;
  console.log(`  ${label.padEnd(44)} ${cpu.toFixed(2).padStart(8)} ms/call cpu ${wall.toFixed(2).padStart(8)} ms wall${verdict}`);
  return cpu;
}

export function benchFunctions(): void {
  // Excel hands the add-in a deserialised JSON array: flat strings, not concatenations.
  const detail = JSON.parse(JSON.stringify(detailRange(ROWS))) as unknown[][];
  const summary = summaryRange(detail);
  const parts = [detail.slice(1, 1001).map((r) => [r[5], r[6], r[7], r[8]])];
  console.log(`custom functions, detail of ${ROWS.toLocaleString("en-US")} rows (${STRATEGIES} strategies):`);
  time("JOBTARGET(detail, strategy)", 20, () => jobTarget(detail, "추진전략 3"), 5);
  time("JOBTARGET(detail, \"*\") (all rows)", 20, () => jobTarget(detail, "*"), 5);
  time("JOBTARGET(detail, strategy, task)", 20, () => jobTarget(detail, "추진전략 3", "실천과제 3-2"), 5);
  time("BUDGET(detail, strategy)", 20, () => budget(detail, "추진전략 3"), 5);
  time("BUDGET(detail, \"*\", , \"시비\", \"백만원\")", 20, () => budget(detail, "*", "", "시비", "백만원"), 5);
  time("BUDGET(..., \"시비\", \"백만원\", \"끝수조정\")", 20, () => budget(detail, "추진전략 3", "", "시비", "백만원", "끝수조정"), 5);
  time("SPLITCHECK(total, 1,000×4 range)", 20, () => splitCheck(1, parts), 5);
  time("RECONCILE(summary, detail)", 10, () => reconcile(summary, detail), 5);
  time("FINDINGS(detail) (incl. core checkPlan)", 2, () => findings(detail));
  const built = buildPlan(detail);
  time("  of which: ranges -> Plan", 2, () => buildPlan(detail));
  if (built.kind === "ok") time("  of which: core checkPlan", 2, () => checkPlan(built.value.plan));
}

if (require.main === module) benchFunctions();
