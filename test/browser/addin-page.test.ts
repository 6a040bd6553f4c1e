// The add-in's own shared-runtime page (taskpane.html as built for Office, not the harness) in
// headless Chromium outside Office: office.js loads from the page's own origin with no request
// to any other host, Office.onReady resolves (host null outside Office), and the pane renders.
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH): without it the test FAILS.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext } from "playwright-core";
import { strings } from "../../src/taskpane/i18n";

const ROOT = path.resolve(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

let buildDir: string;
let profileDir: string;
let server: http.Server;
let browser: BrowserContext;
let baseUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need Debian's chromium: ` +
        "`apt-get update && apt-get install -y chromium` (.ci/run installs it), or set CHROMIUM_PATH.",
    );
  }
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobplan-addin-"));
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobplan-chromium-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const build = spawnSync(
    process.execPath,
    [cli, "--mode", "development", "--env", `outDir=${buildDir}`],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 170_000,
    },
  );
  if (build.status !== 0) {
    throw new Error(
      `add-in build failed (exit ${build.status}):\n${`${build.stdout}\n${build.stderr}`.slice(-4000)}`,
    );
  }
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(
      /^\/+/,
      "",
    );
    const file = path.resolve(buildDir, rel);
    if (rel === "favicon.ico") {
      res.writeHead(204).end(); // the browser asks; the add-in has none
      return;
    }
    if (
      !file.startsWith(buildDir + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 320, height: 800 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}, 200_000);

afterAll(async () => {
  await browser?.close();
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const d of [buildDir, profileDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

test("taskpane.html loads office.js from its own origin only, Office.onReady fires, the pane renders", async () => {
  const page = await browser.newPage();
  const offOrigin: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseUrl)) offOrigin.push(r.url());
  });
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  try {
    await page.goto(baseUrl + "taskpane.html");
    const host = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const office = (window as unknown as { Office?: typeof Office }).Office;
          if (!office)
            return reject(new Error("window.Office is undefined: office.js did not load"));
          setTimeout(() => reject(new Error("Office.onReady did not resolve in 15 s")), 15_000);
          office.onReady((info) => resolve(String(info.host)));
        }),
    );
    expect(host).toBe("null"); // outside Office
    await page
      .getByRole("button", { name: strings("ko").insertButton, exact: true })
      .waitFor({ timeout: 15_000 });
    // office.js's own telemetry frame, which its o15 path (outside Office, or very old hosts)
    // opens; it is Microsoft's telemetry, not a script source, and fails harmlessly offline.
    const telemetry = (u: string) => u.includes("//telemetryservice.firstpartyapps.oaspapps.com/");
    expect(offOrigin.filter((u) => !telemetry(u))).toEqual([]);
    expect(failed.filter((u) => !telemetry(u))).toEqual([]);
    // Outside Office there is no custom-functions runtime: the only error allowed is the
    // metadata plugin's CustomFunctions.associate call finding no CustomFunctions.
    expect(errors.filter((e) => !/CustomFunctions is not defined/.test(e))).toEqual([]);
  } finally {
    await page.close();
  }
}, 90_000);
