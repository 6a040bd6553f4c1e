/**
 * jest's global set-up: when the run includes the suites that need webpack builds
 * (test/build, test/browser), it starts those builds in the background, one after another,
 * so that they run beside the first suites instead of inside them; each suite then takes the
 * shared build (build-cache.ts), waiting for it if it is not done yet. Builds whose inputs
 * did not change since the last run are reused and cost nothing.
 */
import { spawn } from "child_process";
import * as path from "path";
import { buildKey, ROOT, type BuildKind } from "./build-cache";
import * as fs from "fs";

/** Suites that need builds, and which. */
const NEEDS: Array<[string, BuildKind[]]> = [
  ["test/browser/taskpane.test.ts", ["harness"]],
  ["test/build/build-output.test.ts", ["cdn", "local"]],
  ["test/browser/addin-page.test.ts", ["cdn", "local"]],
];

interface GlobalConfig {
  testPathPatterns?: { patterns?: string[] };
}

export default async function globalSetup(globalConfig: GlobalConfig): Promise<void> {
  const patterns = (globalConfig.testPathPatterns?.patterns ?? []).map((p) => new RegExp(p, "i"));
  const wanted = new Set<BuildKind>();
  for (const [suite, kinds] of NEEDS) {
    const file = path.join(ROOT, suite);
    if (!patterns.length || patterns.some((re) => re.test(file))) kinds.forEach((k) => wanted.add(k));
  }
  const missing = [...wanted].filter((k) => !fs.existsSync(path.join(ROOT, "node_modules", ".cache", "jobplan-builds", `${k}-${buildKey(k)}`, ".complete")));
  if (!missing.length) return;
  // The harness first: the pane's test is short and waits for it alone.
  missing.sort((a, b) => (a === "harness" ? -1 : b === "harness" ? 1 : 0));
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test", "build", "build-cache.ts"), ...missing], { cwd: ROOT, stdio: "ignore", detached: true });
  child.unref();
}
