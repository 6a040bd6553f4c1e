/**
 * `npm run bench`: every benchmark of the project, printing figures.
 * `npm run bench -- functions` (or engine, workbook) runs only the ones named.
 */
import * as path from "path";
import { bundleAsCli, bundleForBench } from "./bundle";

interface Bench {
  name: string;
  file: string;
  fn: string;
  /** Measure the webpack production bundle (code that ships in the add-in), see bundle.ts. */
  bundled?: boolean;
  /** Measure the esbuild bundle, as the CLI runs (bundle.ts). */
  cliBundle?: boolean;
}

const BENCHES: Bench[] = [
  { name: "engine", file: "engine.ts", fn: "benchEngine" },
  { name: "functions", file: "functions.ts", fn: "benchFunctions", bundled: true },
  { name: "workbook", file: "workbook.ts", fn: "benchWorkbook", cliBundle: true },
  { name: "pane", file: "pane.ts", fn: "benchPane" },
  { name: "cli", file: "cli.ts", fn: "benchCli" },
  { name: "parsers", file: "xlsx-parsers.ts", fn: "benchParsers" },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.name).join(", ")}`);
  let first = true;
  for (const b of BENCHES) {
    if (wanted.length && !wanted.includes(b.name)) continue;
    if (!first) console.log("");
    first = false;
    const full = path.join(__dirname, b.file);
    const target = b.bundled ? await bundleForBench(full) : b.cliBundle ? bundleAsCli(full) : full;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(target) as Record<string, () => unknown>;
    await mod[b.fn]();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
