// The add-in's own shared-runtime page (taskpane.html as built for Office, not the harness) in
// headless Chromium outside Office, in both builds:
// - `--env officejs=local`: office.js loads from the page's own origin with no request to any
//   other host, Office.onReady resolves (host null outside Office), and the page says the pane
//   runs inside Excel and how to sideload it, with no button that would fail;
// - the default build, with the network to Microsoft's CDN cut (as on this machine): the
//   only request elsewhere is office.js from the CDN, and the page says the same, adding that
//   office.js could not be loaded.
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH): without it the test FAILS.
import type { Page } from "playwright-core";
import { startBrowserEnv, type BrowserEnv } from "./browser-env";
import { langOf, strings, type Strings } from "../../src/taskpane/i18n";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

let local: BrowserEnv;
let cdn: BrowserEnv;

beforeAll(async () => {
  // The production builds, as deployed (shared with test/build).
  [local, cdn] = await Promise.all([startBrowserEnv({ build: "local", viewport: { width: 320, height: 800 } }), startBrowserEnv({ build: "cdn", viewport: { width: 320, height: 800 } })]);
}, 400_000);

afterAll(async () => {
  await local?.close();
  await cdn?.close();
});

/** Opens taskpane.html, recording requests, failures and page errors. */
async function open(env: BrowserEnv) {
  const page: Page = await env.browser.newPage();
  const offOrigin: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(env.baseUrl)) offOrigin.push(r.url());
  });
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  // Nothing leaves this machine: every other host is cut off (the CDN included).
  await page.route((url) => !url.href.startsWith(env.baseUrl), (route) => route.abort());
  await page.goto(env.baseUrl + "taskpane.html");
  // Outside Office the page speaks the browser's language.
  const t: Strings = strings(langOf(await page.evaluate(() => navigator.language)));
  return { page, offOrigin, failed, errors, t };
}

// office.js's own telemetry frame, which its o15 path (outside Office, or very old hosts)
// opens; it is Microsoft's telemetry, not a script source, and fails harmlessly offline.
const telemetry = (u: string) => u.includes("//telemetryservice.firstpartyapps.oaspapps.com/");
// Outside Office there is no custom-functions runtime: the metadata plugin's
// CustomFunctions.associate call finds no CustomFunctions.
const expectedError = (e: string) => /CustomFunctions is not defined/.test(e);

test("local build: office.js from its own origin, Office.onReady fires, the page says to open it in Excel", async () => {
  const { page, offOrigin, failed, errors, t } = await open(local);
  try {
    const host = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const office = (window as unknown as { Office?: typeof Office }).Office;
          if (!office) return reject(new Error("window.Office is undefined: office.js did not load"));
          setTimeout(() => reject(new Error("Office.onReady did not resolve in 15 s")), 15_000);
          office.onReady((info) => resolve(String(info.host)));
        }),
    );
    expect(host).toBe("null"); // outside Office
    await page.getByText(t.outsideTitle).waitFor({ timeout: 15_000 });
    expect(await page.getByText(t.outsideSteps[0]).count()).toBe(1);
    expect(await page.getByText(t.outsideNoOffice).count()).toBe(0);
    expect(await page.getByRole("button").count()).toBe(0);
    expect(offOrigin.filter((u) => !telemetry(u))).toEqual([]);
    expect(failed.filter((u) => !telemetry(u))).toEqual([]);
    expect(errors.filter((e) => !expectedError(e))).toEqual([]);
  } finally {
    await page.close();
  }
}, 90_000);

test("default build: office.js is asked of Microsoft's CDN; unreachable here, the page still says what to do", async () => {
  const { page, offOrigin, errors, t } = await open(cdn);
  try {
    await page.getByText(t.outsideTitle).waitFor({ timeout: 15_000 });
    await page.getByText(t.outsideNoOffice).waitFor({ timeout: 5_000 });
    expect(await page.getByRole("button").count()).toBe(0);
    expect(offOrigin).toEqual([CDN_OFFICE_JS]);
    expect(errors.filter((e) => !expectedError(e))).toEqual([]);
  } finally {
    await page.close();
  }
}, 90_000);
