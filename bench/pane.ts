/**
 * The task pane's own JavaScript, gzipped: the production build (office.js from the CDN, so
 * only jobplan's scripts count) of the three scripts taskpane.html loads. Limit 300 KB (a
 * test in test/build fails above it); aim 150 KB.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { gzipSync } from "zlib";

const ROOT = path.resolve(__dirname, "..");
const SCRIPTS = ["functions.js", "commands.js", "taskpane.js"];

export async function benchPane(): Promise<{ pane_js_gzip_bytes: number }> {
  const out = mkdtempSync(path.join(os.tmpdir(), "jobplan-bench-pane-"));
  try {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [cli, "--mode", "production", "--env", `outDir=${out}`], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build failed:\n${(r.stdout + r.stderr).slice(-2000)}`);
    console.log("pane: production build, the page's own JavaScript (office.js from the CDN not counted)");
    console.log("  file           |      bytes |    gzipped");
    let total = 0;
    for (const f of SCRIPTS) {
      const bytes = readFileSync(path.join(out, f));
      const gz = gzipSync(bytes, { level: 9 }).length;
      total += gz;
      console.log(`  ${f.padEnd(14)} | ${String(bytes.length).padStart(10)} | ${String(gz).padStart(10)}`);
    }
    console.log(`  total gzipped: ${total} bytes (${(total / 1024).toFixed(1)} KB; limit 300 KB, aim 150 KB)`);
    return { pane_js_gzip_bytes: total };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
