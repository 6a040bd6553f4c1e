// The add-in's own shared-runtime page (taskpane.html as built for Office, not the harness) in
// headless Chromium outside Office: office.js loads from the page's own origin with no request
// to any other host, Office.onReady resolves (host null outside Office), and the pane renders.
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH): without it the test FAILS.
import type { BrowserContext } from "playwright-core";
import { startBrowserEnv, type BrowserEnv } from "./browser-env";
import { strings } from "../../src/taskpane/i18n";

let env: BrowserEnv;
let browser: BrowserContext;
let baseUrl: string;

beforeAll(async () => {
  env = await startBrowserEnv({ name: "addin", env: [], viewport: { width: 320, height: 800 } });
  ({ browser, baseUrl } = env);
}, 200_000);

afterAll(async () => {
  await env?.close();
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
