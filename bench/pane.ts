/**
 * The add-in page's own JavaScript, gzipped: the production build (office.js from the CDN, so
 * only jobplan's scripts count): what taskpane.html loads at start (runtime, shared chunk,
 * functions, commands, pane) and what the page loads on demand (the Office.js adapter's
 * chunk). `pane_js_gzip_bytes` is all of it. Limit 300 KB (a test in test/build fails above
 * it); aim 150 KB.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { gzipSync } from "zlib";

const ROOT = path.resolve(__dirname, "..");

export async function benchPane(): Promise<{ pane_js_gzip_bytes: number }> {
  const out = mkdtempSync(path.join(os.tmpdir(), "jobplan-bench-pane-"));
  try {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const r = spawnSync(process.execPath, [cli, "--mode", "production", "--env", `outDir=${out}`], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`build failed:\n${(r.stdout + r.stderr).slice(-2000)}`);
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const atStart = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
    const onDemand = readdirSync(out).filter((f) => f.endsWith(".js") && !atStart.includes(f)).sort();
    console.log("pane: production build, the page's own JavaScript (office.js from the CDN not counted)");
    console.log("  file                         | loaded    |      bytes |    gzipped");
    let total = 0;
    let start = 0;
    for (const f of [...atStart, ...onDemand]) {
      const bytes = readFileSync(path.join(out, f));
      const gz = gzipSync(bytes, { level: 9 }).length;
      total += gz;
      if (atStart.includes(f)) start += gz;
      console.log(`  ${f.padEnd(28)} | ${(atStart.includes(f) ? "at start" : "on demand").padEnd(9)} | ${String(bytes.length).padStart(10)} | ${String(gz).padStart(10)}`);
    }
    console.log(`  at start: ${start} bytes (${(start / 1024).toFixed(1)} KB) gzipped`);
    console.log(`  total gzipped: ${total} bytes (${(total / 1024).toFixed(1)} KB; limit 300 KB, aim 150 KB)`);
    return { pane_js_gzip_bytes: total };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
