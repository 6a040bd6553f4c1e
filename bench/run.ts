/**
 * `npm run bench`: every benchmark of the project, printing figures, then each target of
 * issue 14 marked met or not met. `npm run bench -- functions` (or engine, workbook, ...)
 * runs only the ones named.
 *
 * `npm run -s bench -- --json` prints ONE JSON object on stdout (the human output goes to
 * stderr): the figures below, the load average they were measured at, and which targets
 * were met. `--quick` measures small plans instead (and skips the pane's production build and
 * the hostile workbooks): the same keys, for checking that the benchmark runs.
 */
import os from "os";
import * as path from "path";
import { bundleAsCli, bundleForBench } from "./bundle";
import { FIGURES, TARGET_TEXT, targetsMet, type Figures } from "./targets";

interface Bench {
  name: string;
  file: string;
  fn: string;
  /** Measure the webpack production bundle (code that ships in the add-in), see bundle.ts. */
  bundled?: boolean;
  /** Measure the esbuild bundle, as the CLI runs (bundle.ts). */
  cliBundle?: boolean;
  /** Arguments of the benchmark function: full size, and --quick. */
  args?: { full: unknown[]; quick: unknown[] };
  /** Not run with --quick. */
  slow?: boolean;
}

const BENCHES: Bench[] = [
  {
    name: "engine",
    file: "engine.ts",
    fn: "benchEngine",
    args: { full: [[1_000, 10_000, 100_000]], quick: [[1_000, 5_000]] },
  },
  {
    name: "functions",
    file: "functions.ts",
    fn: "benchFunctions",
    bundled: true,
    args: { full: [10_000], quick: [1_000] },
  },
  {
    name: "workbook",
    file: "workbook.ts",
    fn: "benchWorkbook",
    cliBundle: true,
    args: { full: [10_000], quick: [500] },
  },
  { name: "pane", file: "pane.ts", fn: "benchPane", slow: true },
  {
    name: "cli",
    file: "cli.ts",
    fn: "benchCli",
    args: { full: [10_000], quick: [500, { hostile: false, runs: 1 }] },
  },
  { name: "parsers", file: "xlsx-parsers.ts", fn: "benchParsers", slow: true },
];

/** The figures a benchmark function returned, under the JSON keys. */
function figuresOf(name: string, result: unknown): Figures {
  if (name === "engine") {
    const rows = result as Array<{ projects: number; ms: number; afterGcMs: number }>;
    const last = rows[rows.length - 1];
    const per100k = (ms: number) => (last.projects >= 100_000 ? Math.round(ms * 10) / 10 : Math.round(((ms * 100_000) / last.projects) * 10) / 10);
    return {
      engine_100k_ms: per100k(last.ms),
      engine_100k_after_gc_ms: per100k(last.afterGcMs),
    };
  }
  return result && typeof result === "object" ? (result as Figures) : {};
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const json = argv.includes("--json");
  const quick = argv.includes("--quick");
  const wanted = argv.filter((a) => !a.startsWith("--"));
  const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
  if (unknown.length)
    throw new Error(
      `unknown benchmark ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.name).join(", ")}`,
    );
  // With --json, stdout holds the JSON object alone.
  const log = console.log;
  if (json) console.log = (...xs: unknown[]) => console.error(...xs);
  const figures: Figures = {};
  const load = os.loadavg()[0];
  let first = true;
  for (const b of BENCHES) {
    if (
      wanted.length ? !wanted.includes(b.name) : (quick && b.slow) || (json && b.name === "parsers")
    )
      continue;
    if (!first) console.log("");
    first = false;
    const full = path.join(__dirname, b.file);
    const target = b.bundled ? await bundleForBench(full) : b.cliBundle ? bundleAsCli(full) : full;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(target) as Record<string, (...args: unknown[]) => unknown>;
    const args = (quick ? b.args?.quick : b.args?.full) ?? [];
    Object.assign(figures, figuresOf(b.name, await mod[b.fn](...args)));
  }
  const met = targetsMet(figures);
  console.log("");
  console.log(
    `targets (issue 14)${quick ? ", --quick: small plans, not the targets' sizes" : ""}; load average ${load.toFixed(1)} -> ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
  );
  for (const [k, ok] of Object.entries(met))
    console.log(
      `  ${TARGET_TEXT[k].padEnd(60)} ${ok === null ? "not measured" : ok ? "met" : "NOT met"}`,
    );
  if (json) {
    const out: Record<string, unknown> = {};
    for (const k of FIGURES) out[k] = typeof figures[k] === "number" ? figures[k] : null;
    for (const [k, v] of Object.entries(figures)) if (!(k in out)) out[k] = v;
    Object.assign(out, {
      quick,
      load_average_1m: Math.round(load * 100) / 100,
      cpus: os.cpus().length,
      targets_met: met,
    });
    log(JSON.stringify(out));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
