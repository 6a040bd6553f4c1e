/**
 * `npm run bench`: every benchmark of the project, printing figures. Benchmarks of other
 * parts (custom functions, workbook) are picked up when their modules exist.
 */
import * as fs from "fs";
import * as path from "path";
import { benchEngine } from "./engine";

async function main(): Promise<void> {
  benchEngine();
  const optional: Array<[string, string]> = [
    ["functions.ts", "benchFunctions"],
    ["workbook.ts", "benchWorkbook"],
  ];
  for (const [file, fn] of optional) {
    const full = path.join(__dirname, file);
    if (!fs.existsSync(full)) continue;
    console.log("");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(full) as Record<string, () => unknown>;
    await mod[fn]();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
