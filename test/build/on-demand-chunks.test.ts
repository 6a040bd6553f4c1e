// The chunks the deployed page loads on demand (the Office.js adapter of
// src/commands/lazy-ops.ts, the pane's confirmation dialog), loaded in headless Chromium by the
// production page itself, in both builds: webpack's runtime finds each beside the page (no
// other host), and each brings what the pane calls from it. Outside Office the page never
// needs them, so the test asks the runtime for them as lazy-ops.ts and App.tsx would.
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH): without it the test FAILS.
import * as fs from "fs";
import * as path from "path";
import { startBrowserEnv, type BrowserEnv } from "../browser/browser-env";
import { sharedBuild } from "./build-cache";

/** A chunk file's id: webpack's JSONP chunks start by pushing `[[id], {modules}]`. */
function chunkId(dir: string, prefix: string): { file: string; id: number } {
  const file = fs.readdirSync(dir).find((f) => f.startsWith(prefix + ".") && f.endsWith(".js"));
  if (!file) throw new Error(`no ${prefix} chunk in ${dir}`);
  const m = /\.push\(\[\[(\d+)\]/.exec(fs.readFileSync(path.join(dir, file), "utf8").slice(0, 400));
  if (!m) throw new Error(`${file} is not a webpack chunk`);
  return { file, id: Number(m[1]) };
}

describe.each(["local", "cdn"] as const)("%s build", (kind) => {
  let env: BrowserEnv;
  let dir: string;
  beforeAll(async () => {
    dir = (await sharedBuild(kind)).dir;
    env = await startBrowserEnv({ build: kind, viewport: { width: 320, height: 800 } });
  }, 400_000);
  afterAll(async () => {
    await env?.close();
  });

  test("the page's runtime loads the adapter's and the dialog's chunks from beside the page", async () => {
    const page = await env.browser.newPage();
    const requested: string[] = [];
    const failed: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    page.on("requestfailed", (r) => failed.push(r.url()));
    page.on("response", (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.route((url) => !url.href.startsWith(env.baseUrl), (route) => route.abort());
    try {
      await page.goto(env.baseUrl + "taskpane.html");
      const ops = chunkId(dir, "workbook-ops");
      const dialog = chunkId(dir, "confirm-dialog");
      expect(requested.filter((u) => u.endsWith(ops.file) || u.endsWith(dialog.file))).toEqual([]);
      const exported = await page.evaluate(
        async (ids) => {
          type Require = ((id: string) => Record<string, unknown>) & { e(id: number): Promise<unknown>; m: Record<string, unknown> };
          const w = window as unknown as { webpackChunkjobplan?: unknown[] };
          if (!w.webpackChunkjobplan) throw new Error("webpack's runtime did not start");
          // a chunk whose third element is called with the runtime's require
          const req = await new Promise<Require>((resolve) => w.webpackChunkjobplan!.push([["jobplan-test-probe"], {}, resolve]));
          const before = new Set(Object.keys(req.m));
          await Promise.all(ids.map((id) => req.e(id)));
          const names: string[] = [];
          for (const id of Object.keys(req.m).filter((k) => !before.has(k))) {
            for (const [name, value] of Object.entries(req(id))) if (typeof value === "function") names.push(name);
          }
          return names;
        },
        [ops.id, dialog.id],
      );
      expect(exported).toEqual(expect.arrayContaining(["createPlanWorkbookOps", "selfTestText", "ConfirmDialog"]));
      for (const f of [ops.file, dialog.file]) expect(requested).toContain(env.baseUrl + f);
      // office.js's own telemetry frame (outside Office) is Microsoft's, not a script source
      const elsewhere = requested.filter((u) => !u.startsWith(env.baseUrl) && !u.includes("//telemetryservice.firstpartyapps.oaspapps.com/"));
      expect(elsewhere).toEqual(kind === "cdn" ? ["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"] : []);
      expect(failed.filter((u) => !u.includes("appsforoffice.microsoft.com") && !u.includes("telemetryservice"))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
