/**
 * What both browser tests need: a webpack build (shared with test/build: build-cache.ts), a
 * static server for it on 127.0.0.1, and Debian's Chromium started headless with a fresh
 * profile. Without Chromium the tests FAIL with a message saying how to install it.
 */
import { sharedBuild, type BuildKind } from "../build/build-cache";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

export interface BrowserEnv {
  baseUrl: string;
  browser: BrowserContext;
  close(): Promise<void>;
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel =
      decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") ||
      "index.html";
    const file = path.resolve(dir, rel);
    if (rel === "favicon.ico") {
      res.writeHead(204).end(); // the browser asks; the add-in has none
      return;
    }
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Takes the build (`cdn`, `local`: the add-in as deployed; `harness`: the pane on the double), serves it and starts Chromium. */
export async function startBrowserEnv(opts: { build: BuildKind; viewport: { width: number; height: number } }): Promise<BrowserEnv> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need Debian's chromium: ` +
        "`apt-get update && apt-get install -y chromium` (.ci/run installs it), or set CHROMIUM_PATH.",
    );
  }
  const { dir: buildDir } = await sharedBuild(opts.build);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "jobplan-chromium-"));
  const server = await serve(buildDir);
  // Playwright passes profileDir as a fresh --user-data-dir.
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport,
    deviceScaleFactor: 1,
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
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
