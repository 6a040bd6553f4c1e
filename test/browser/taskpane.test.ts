// The built task pane in headless Chromium, outside Office: test/browser/harness.tsx wires the
// real App and adapter to the Office.js test double. Clicks go through accessible roles and
// names, as a person (or a screen reader) would find the buttons. Screenshots of the pane at
// 320 px (a narrow Office task pane) land in test-output/.
//
// Needs Debian's chromium (/usr/bin/chromium, or CHROMIUM_PATH): without it the test FAILS.
import * as fs from "fs";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { ROOT, startBrowserEnv, type BrowserEnv } from "./browser-env";
import { strings } from "../../src/taskpane/i18n";
import { SEOGU_PATH } from "../support/samples";

const OUTPUT = path.join(ROOT, "test-output");
const PANE_WIDTH = 320;
const t = strings("ko");
const en = strings("en");

let env: BrowserEnv;
let browser: BrowserContext;
let baseUrl: string;

beforeAll(async () => {
  env = await startBrowserEnv({ build: "harness", viewport: { width: PANE_WIDTH, height: 900 } });
  ({ browser, baseUrl } = env);
  fs.mkdirSync(OUTPUT, { recursive: true });
}, 200_000);

afterAll(async () => {
  await env?.close();
});

/** Opens the pane at task-pane width; collects page errors so a test can assert there are none. */
async function openPane(
  query = "",
  ready = t.insertButton,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(baseUrl) && !r.url().startsWith("data:"))
      errors.push(`off-origin request: ${r.url()}`);
  });
  await page.goto(baseUrl + query);
  try {
    await page
      .getByRole("button", { name: ready, exact: true })
      .first()
      .waitFor({ timeout: 20_000 });
  } catch {
    throw new Error(
      `the pane did not render a "${ready}" button; page errors: ${errors.join("; ") || "none"}`,
    );
  }
  return { page, errors };
}

/** Waits until the pane's live status region says `text` (or an alert shows an error). */
async function waitForStatus(page: Page, text: string, timeout = 60_000): Promise<void> {
  const status = page.getByRole("status").filter({ hasText: text });
  const alert = page.getByRole("alert");
  await Promise.race([
    status.first().waitFor({ timeout }),
    alert
      .first()
      .waitFor({ timeout })
      .then(async () => {
        throw new Error(
          `the pane shows an error instead of "${text}": ${await alert.first().innerText()}`,
        );
      }),
  ]);
}

/** Elements wider than the pane, or cut off at its right edge: layout problems at 320 px. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>(
        "button, input, textarea, select, [role=status], h1, h2, h3, li",
      ),
    )) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) {
        const label = (el.getAttribute("aria-label") || el.innerText || el.tagName)
          .trim()
          .slice(0, 40);
        out.push(`${el.tagName.toLowerCase()} "${label}" ends at ${Math.round(r.right)}px`);
      }
    }
    return out;
  }, PANE_WIDTH);
}

describe("task pane in Chromium (outside Office, on the Excel test double)", () => {
  test("insert template, import the Seo-gu plan, validate, regenerate; findings list screenshot", async () => {
    const { page, errors } = await openPane();
    try {
      // 1. insert the template
      await page.getByRole("button", { name: t.insertButton, exact: true }).click();
      await waitForStatus(
        page,
        t
          .insertDone(0)
          .replace(/\d+.*$/, "")
          .trim(),
      );

      // 2. import a real plan so that validation has something to say
      await page
        .getByRole("textbox", { name: t.importLabel })
        .fill(fs.readFileSync(SEOGU_PATH, "utf8"));
      await page.getByRole("button", { name: t.importButton, exact: true }).click();
      await waitForStatus(
        page,
        t
          .importDone(0)
          .replace(/\d+.*$/, "")
          .trim(),
        120_000,
      );

      // 3. validate: the findings list appears
      await page.getByRole("button", { name: t.validateButton, exact: true }).click();
      await waitForStatus(page, t.validateDone(0).slice(0, 6));
      const groups = page.getByRole("group");
      await groups.first().waitFor({ timeout: 10_000 });
      expect(await groups.count()).toBeGreaterThan(0);
      await page.screenshot({
        path: path.join(OUTPUT, "taskpane-findings-320.png"),
        fullPage: true,
      });
      // the findings list itself: the 검증 section of the pane
      await page
        .getByRole("region", { name: t.validateTitle, exact: true })
        .screenshot({ path: path.join(OUTPUT, "taskpane-findings-list-320.png") });

      // 4. regenerate the summary (overwrite hand edits if the pane asks)
      await page.getByRole("button", { name: t.regenerateButton, exact: true }).click();
      const overwrite = page.getByRole("button", { name: t.confirmOverwrite, exact: true });
      const done = t
        .regenerateDone(0)
        .replace(/\d+.*$/, "")
        .trim();
      await Promise.race([
        waitForStatus(page, done),
        overwrite
          .waitFor({ timeout: 60_000 })
          .then(() => overwrite.click())
          .then(() => waitForStatus(page, done)),
      ]);
      await page.screenshot({
        path: path.join(OUTPUT, "taskpane-regenerated-320.png"),
        fullPage: true,
      });

      // the workbook double really changed
      const sheets = await page.evaluate(() =>
        (window as unknown as { jobplanFake: { sheetNames(): string[] } }).jobplanFake.sheetNames(),
      );
      expect(sheets.length).toBeGreaterThan(1);

      expect(await overflowing(page)).toEqual([]);
      expect(errors).toEqual([]);
    } catch (error) {
      await page
        .screenshot({ path: path.join(OUTPUT, "taskpane-failure-320.png"), fullPage: true })
        .catch(() => {});
      throw error;
    } finally {
      await page.close();
    }
  }, 240_000);

  test("ribbon results reach the pane: 검증 run before it mounted, 요약 재생성 needing confirmation while it is open", async () => {
    const { page, errors } = await openPane("?ribbonFirst=1");
    try {
      // The findings of the ribbon's 검증, run before the pane existed.
      await page.getByRole("button", { name: t.goToCell("추진계획!D3"), exact: true }).waitFor({ timeout: 20_000 });
      await waitForStatus(page, "리본의 검증 결과");
      // A generated cell typed over, then the ribbon's 요약 재생성: the pane asks.
      await page.evaluate(async () => {
        const w = window as unknown as {
          jobplanFake: { sheet(n: string): { set(a: string, v: unknown): void } };
          jobplanRibbon(name: string): Promise<void>;
        };
        await w.jobplanRibbon("regenerateSummary");
        w.jobplanFake.sheet("추진계획").set("I3", 12345);
        await w.jobplanRibbon("regenerateSummary");
      });
      const overwrite = page.getByRole("button", { name: t.confirmOverwrite, exact: true });
      await overwrite.waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(OUTPUT, "taskpane-ribbon-confirm-320.png"), fullPage: true });
      await overwrite.click();
      await waitForStatus(page, t.regenerateDone(0).replace(/\d+.*$/, "").trim());
      const i3 = await page.evaluate(() =>
        (window as unknown as { jobplanFake: { sheet(n: string): { formula(a: string): unknown } } }).jobplanFake.sheet("추진계획").formula("I3"),
      );
      expect(String(i3)).toMatch(/^=/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  test("생성 셀 보호 on: the note on Excel's undo history, and the inserted sheets protected", async () => {
    const { page, errors } = await openPane();
    try {
      const toggle = page.getByRole("switch", { name: t.protectLabel, exact: true });
      await toggle.check();
      await page.getByText(t.protectNote).waitFor({ timeout: 10_000 });
      await page.getByRole("button", { name: t.insertButton, exact: true }).click();
      await waitForStatus(page, t.insertDone(0).replace(/\d+.*$/, "").trim());
      await page.screenshot({ path: path.join(OUTPUT, "taskpane-protect-320.png"), fullPage: true });
      const protectedSheets = await page.evaluate(() => {
        const fake = (window as unknown as { jobplanFake: { sheetNames(): string[]; sheet(n: string): { protection: { protected: boolean } } } }).jobplanFake;
        return fake.sheetNames().filter((n) => fake.sheet(n).protection.protected);
      });
      expect(protectedSheets).toEqual(expect.arrayContaining(["요약", "분야별 목표", "추진계획", "검증", "변경 이력"]));
      expect(await overflowing(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  test("the 진단 / Self-test link runs on the workbook and shows a report to copy", async () => {
    const { page, errors } = await openPane();
    try {
      await page.getByRole("button", { name: t.selfTestLink, exact: true }).click();
      await page.getByRole("button", { name: t.selfTestRun, exact: true }).click();
      await page.getByText(t.selfTestPass).waitFor({ timeout: 30_000 });
      const report = await page.getByRole("textbox", { name: t.selfTestReport }).inputValue();
      expect(report).toMatch(/^jobplan self-test: PASS/);
      expect(await overflowing(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);

  test("English pane (Office display language en-US) at 320 px", async () => {
    const { page, errors } = await openPane("?locale=en-US", en.insertButton);
    try {
      for (const name of [
        en.insertButton,
        en.importButton,
        en.validateButton,
        en.regenerateButton,
      ]) {
        await page.getByRole("button", { name, exact: true }).waitFor({ timeout: 10_000 });
      }
      await page.screenshot({ path: path.join(OUTPUT, "taskpane-en-320.png"), fullPage: true });
      expect(await overflowing(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 60_000);
});
