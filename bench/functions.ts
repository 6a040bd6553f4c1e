/**
 * Custom functions on a 10,000-row detail argument: the time of one call of each PLAN.*
 * function, measured on the webpack build (bench/run.ts bundles this file, see bundle.ts).
 * Target: < 5 ms a call, the range parsed once per call, nothing quadratic.
 *
 * Two figures per function, both with arguments shaped as Excel sends them (every call gets
 * its own deep copy of the range):
 * - first call after an edit: the detail differs from every range seen before in its first
 *   row, so the comparison with the previous version reads the whole range before the parse
 *   (the worst case); this is the figure the target applies to;
 * - other cells of the same recalculation: equal ranges, the parse of the first call reused.
 */
import { budget, jobTarget } from "../src/functions/aggregate";
import { checkPlan } from "../src/core/validate";
import { buildPlan, findings } from "../src/functions/findings";
import { forgetRecentResults } from "../src/functions/recent";
import { reconcile } from "../src/functions/reconcile";
import { splitCheck } from "../src/functions/splitcheck";
import { parseTable } from "../src/functions/table";

const ROWS = 10_000;
/** FINDINGS's first call on 10,000 rows (issue 14); the other functions stay under TARGET_MS. */
export const FINDINGS_TARGET_MS = 10;

export interface FunctionsFigures {
  /** CPU ms of FINDINGS's first call after an edit, on the detail of `rows` rows. */
  findings_10k_first_cpu_ms: number;
  /** The largest first-call CPU ms of the other PLAN functions on the same detail. */
  functions_max_first_cpu_ms: number;
}
const STRATEGIES = 10;
const TARGET_MS = 5;

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

function summaryRange(): unknown[][] {
  const out: unknown[][] = [["추진전략", "일자리 목표", "사업예산(백만원)", "국비", "시비", "군구비"]];
  for (let s = 0; s < STRATEGIES; s++) out.push([`추진전략 ${s + 1}`, 1, 1, 1, 1, 1]);
  return out;
}

/** What Excel hands a call: a fresh, deserialised copy (flat strings, no shared rows). */
const excelCopy = (m: unknown[][]): unknown[][] => JSON.parse(JSON.stringify(m)) as unknown[][];

/** Copies of the detail, each edited in its first data row (a different job target). */
function editedVersions(detail: unknown[][], n: number): unknown[][][] {
  return Array.from({ length: n }, (_, k) => {
    const v = excelCopy(detail);
    v[1][3] = 1000 + k;
    return v;
  });
}

interface Timing {
  cpu: number;
  wall: number;
}

/**
 * Time of one call, after warm-up calls: CPU time of this process (user + system) per call,
 * the best of five batches, so that other processes on a busy machine do not decide the figure; the wall
 * time of the same batch is printed beside it.
 */
function perCall(calls: number, fn: (i: number) => unknown): Timing {
  // Warm-up: a function called on every recalculation runs as optimised code; the first
  // calls of a fresh process do not.
  for (let i = -Math.min(calls, 10); i < 0; i++) fn(i);
  let best: Timing = { cpu: Infinity, wall: Infinity };
  for (let batch = 0; batch < 5; batch++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn(batch * calls + i);
    const wall = Number(process.hrtime.bigint() - t0) / 1e6 / calls;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000 / calls;
    if (cpu < best.cpu) best = { cpu, wall };
  }
  return best;
}

/** The i-th of `xs`, cycling (i may be negative: the warm-up calls). */
const pick = <T>(xs: readonly T[], i: number): T => xs[((i % xs.length) + xs.length) % xs.length];

const ms = (t: Timing) => `${t.cpu.toFixed(2).padStart(7)} ms cpu ${t.wall.toFixed(2).padStart(7)} ms wall`;

export function benchFunctions(rows = ROWS): FunctionsFigures {
  const base = detailRange(rows);
  const versions = editedVersions(base, 3);
  const same = [excelCopy(base), excelCopy(base)];
  const summary = summaryRange();
  const parts = [base.slice(1, 1001).map((r) => [r[5], r[6], r[7], r[8]])];
  console.log(`custom functions, detail of ${rows.toLocaleString("en-US")} rows (${STRATEGIES} strategies), per call, webpack build:`);
  console.log(`  ${"".padEnd(40)} ${"first call after an edit".padEnd(31)}  other cells, same ranges`);
  const cases: Array<[string, number, (detail: unknown[][]) => unknown]> = [
    ["JOBTARGET(detail, strategy)", 20, (d) => jobTarget(d, "추진전략 3")],
    ['JOBTARGET(detail, "*") (all rows)', 20, (d) => jobTarget(d, "*")],
    ["JOBTARGET(detail, strategy, task)", 20, (d) => jobTarget(d, "추진전략 3", "실천과제 3-2")],
    ["BUDGET(detail, strategy)", 20, (d) => budget(d, "추진전략 3")],
    ['BUDGET(detail, "*", , "시비", "백만원")', 20, (d) => budget(d, "*", "", "시비", "백만원")],
    ['BUDGET(..., "시비", "백만원", "끝수조정")', 20, (d) => budget(d, "추진전략 3", "", "시비", "백만원", "끝수조정")],
    ["RECONCILE(summary, detail)", 20, (d) => reconcile(excelCopy(summary), d)],
    ["FINDINGS(detail)", 3, (d) => findings(d)],
  ];
  let findingsFirst = NaN;
  let maxOther = 0;
  for (const [label, calls, fn] of cases) {
    forgetRecentResults();
    // Cycling through edited versions: no call finds its detail among the recent ranges.
    const first = perCall(calls, (i) => fn(pick(versions, i)));
    forgetRecentResults();
    const others = perCall(calls, (i) => fn(pick(same, i)));
    const isFindings = label.startsWith("FINDINGS");
    const target = isFindings ? FINDINGS_TARGET_MS : TARGET_MS;
    if (isFindings) findingsFirst = first.cpu;
    else maxOther = Math.max(maxOther, first.cpu);
    const verdict = first.cpu < target || (isFindings && first.cpu <= target) ? `ok (${isFindings ? "<=" : "<"} ${target} ms)` : `over ${target} ms`;
    console.log(`  ${label.padEnd(40)} ${ms(first)}  ${ms(others)}  ${verdict}`);
  }
  const split = perCall(20, () => splitCheck(1, parts));
  console.log(`  ${"SPLITCHECK(total, 1,000×4 range)".padEnd(40)} ${ms(split)}  (no detail argument)`);
  const built = buildPlan(versions[0]);
  console.log("  FINDINGS, first call, made of:");
  const read = perCall(3, (i) => {
    forgetRecentResults();
    return parseTable(pick(versions, i), { label: "detail", defaultUnit: "천원" });
  });
  console.log(`    ${"reading the range (parseTable)".padEnd(38)} ${ms(read)}`);
  const toPlan = perCall(3, (i) => {
    forgetRecentResults();
    return buildPlan(pick(versions, i));
  });
  console.log(`    ${"ranges -> Plan (reading included)".padEnd(38)} ${ms(toPlan)}`);
  if (built.kind === "ok") console.log(`    ${"core checkPlan".padEnd(38)} ${ms(perCall(3, () => checkPlan(built.value.plan)))}`);
  // FINDINGS validates the whole plan, so its time grows with the rows: linear, not quadratic.
  console.log("  FINDINGS(detail), first call, by size:");
  for (const size of [rows / 10, rows, rows * 2]) {
    const sized = editedVersions(detailRange(size), 3);
    forgetRecentResults();
    const t = perCall(3, (i) => findings(pick(sized, i)));
    console.log(`    ${`${size.toLocaleString("en-US")} rows`.padEnd(38)} ${ms(t)}  ${(t.cpu / (size / 1000)).toFixed(2)} ms cpu per 1,000 rows`);
  }
  return { findings_10k_first_cpu_ms: round2(findingsFirst), functions_max_first_cpu_ms: round2(maxOther) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
