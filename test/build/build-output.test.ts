// Takes both production builds (made once per set of inputs and shared with the browser
// tests: build-cache.ts) and checks what would be deployed: the shared-runtime page, the
// bundles and their size, functions.json with the PLAN functions and allowErrorForDataTypeAny, the manifest with
// production URLs that all resolve to emitted files; office.js from Microsoft's CDN in the
// default build, and in the `--env officejs=local` build served locally with every file it
// loads for Excel (all languages) and no CDN URL in any file.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { buildFiles, PROD_URL, sharedBuild } from "./build-cache";

const ROOT = path.resolve(__dirname, "..", "..");
const OFFICE_JS_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");

/** Hosts that serve libraries or Office's own scripts publicly: none may appear in dist. */
export const CDN_HOSTS = [
  "appsforoffice.microsoft.com",
  "unpkg.com",
  "jsdelivr.net",
  "cdnjs.cloudflare.com",
  "ajax.googleapis.com",
  "ajax.aspnetcdn.com",
  "code.jquery.com",
  "fonts.googleapis.com",
  "static2.sharepointonline.com",
  "spoprod-a.akamaihd.net",
  "cdn.office.net",
  "esm.sh",
  "cdn.skypack.dev",
  "bootstrapcdn.com",
];
/**
 * Any other host with "cdn" in its name is caught too. Microsoft's own files (copied byte for
 * byte from @microsoft/office-js) carry exactly these two, neither of which an add-in reaches:
 * - ajax.aspnetcdn.com: office.js (and the custom-functions runtime, its sibling loader) would
 *   load MicrosoftAjax.js from it only when `requiresMsAjax`, which both hard-code to false
 *   (checked below);
 * - alcdn.msauth.net: the Excel host files' first-party single-sign-on fallback (MSAL).
 * A new office-js version that adds any other CDN reference fails this test.
 */
const VENDOR_EXCEPTIONS = [
  { file: /^(office|o15apptofilemappingtable|custom-functions-runtime|excel-[\w.-]+)\.js$/, host: "ajax.aspnetcdn.com" },
  { file: /^excel-[\w.-]+\.js$/, host: "alcdn.msauth.net" },
];

interface Build {
  out: string;
  files: string[];
  log: string;
}

/** The shared production build (made once per set of inputs: build-cache.ts). */
async function build(kind: "cdn" | "local"): Promise<Build> {
  const b = await sharedBuild(kind);
  return { out: b.dir, files: buildFiles(b.dir), log: b.log };
}

/** The entry scripts taskpane.html must load (manifest.xml names functions.js too). */
const PAGE_SCRIPTS = ["functions.js", "commands.js", "taskpane.js"];
/**
 * Every script jobplan ships, gzipped: what the page loads at start plus what it loads on
 * demand (the Office.js adapter's chunk). Limit 300 KB; issue 14 aims at 150 KB.
 */
const LIMIT_GZIP_BYTES = 300 * 1024;
/**
 * Where it is now, with a small margin: all of it (225,025 bytes when set), and what
 * taskpane.html loads at start (161,788 bytes; the rest loads with the first operation).
 */
const LIMIT_ALL_GZIP_BYTES = 232 * 1024;
const LIMIT_START_GZIP_BYTES = 168 * 1024;
/** office.js and the files it loads (the local build copies them as shipped): Microsoft's. */
const isOfficeFile = (dir: string, f: string) => {
  const shipped = path.join(OFFICE_JS_DIST, f);
  return fs.existsSync(shipped) && fs.readFileSync(shipped).equals(fs.readFileSync(path.join(dir, f)));
};

/** The scripts an HTML page loads, in order. */
const scriptSrcs = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
/** jobplan's own scripts in a build: every .js file except office.js's. */
const ownScripts = (b: Build) => b.files.filter((f) => f.endsWith(".js") && !isOfficeFile(b.out, f));
const gzipSize = (dir: string, f: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length;

let cdn: Build;
let local: Build;
// The tests below that do not say otherwise are about the local build (and its files).
let out: string;
let files: string[];
let buildLog: string;

beforeAll(async () => {
  [cdn, local] = await Promise.all([build("cdn"), build("local")]);
  ({ out, files, log: buildLog } = local);
}, 600_000);

const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");

describe("production build with --env officejs=local (office.js served locally)", () => {
  test("emits the shared-runtime page, bundles, metadata, manifest, icons and office.js", () => {
    for (const f of [
      "manifest.xml",
      "taskpane.html",
      "taskpane.js",
      "commands.js",
      "functions.js",
      "functions.json",
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-web-16.00.js",
      "excel-win32-16.01.js",
      "excel-mac-16.00.js",
      "ko-kr/office_strings.js",
      "en-us/office_strings.js",
      "assets/icon-16.png",
      "assets/icon-80.png",
    ]) {
      expect(files).toContain(f);
    }
    expect(buildLog).not.toMatch(/\bERROR\b/);
  });

  test("the local build copies every language's strings and the custom-functions runtime", () => {
    const languages = fs
      .readdirSync(OFFICE_JS_DIST, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(OFFICE_JS_DIST, d.name, "office_strings.js")))
      .map((d) => `${d.name}/office_strings.js`);
    expect(languages.length).toBeGreaterThan(30);
    expect(files).toEqual(expect.arrayContaining([...languages, "custom-functions-runtime.js"]));
    expect(files.filter((f) => /outlook_strings/.test(f))).toEqual([]);
  });

  test("office.js files are copied as shipped (not re-minified), and not all 87 MB of them", () => {
    for (const f of [
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-web-16.00.js",
      "ko-kr/office_strings.js",
    ]) {
      expect(
        fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(OFFICE_JS_DIST, f))),
      ).toBe(true);
    }
    expect(files.filter((f) => f.endsWith(".debug.js"))).toEqual([]);
    expect(
      files.filter((f) => /^(word|powerpoint|outlook|onenote|project|access)/.test(f)),
    ).toEqual([]);
    const bytes = files.reduce((n, f) => n + fs.statSync(path.join(out, f)).size, 0);
    expect(bytes).toBeLessThan(40 * 1024 * 1024);
  });

  test("taskpane.html loads office.js from its own folder, then functions, commands and the pane", () => {
    const srcs = scriptSrcs(read("taskpane.html"));
    expect(srcs[0]).toBe("office.js");
    expect(srcs).toEqual(expect.arrayContaining(["functions.js", "commands.js", "taskpane.js"]));
    expect(srcs.indexOf("functions.js")).toBeGreaterThan(0);
    for (const s of srcs) expect(s).not.toMatch(/^(https?:)?\/\//);
  });

  test("functions.json lists the PLAN custom functions declared in src/functions/functions.ts, and accepts error values", () => {
    const meta = JSON.parse(read("functions.json")) as {
      allowErrorForDataTypeAny?: boolean;
      functions: { id: string; name: string }[];
    };
    // Without it a #REF! anywhere in TaskPlans[#All] makes every PLAN function an error.
    expect(meta.allowErrorForDataTypeAny).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(cdn.out, "functions.json"), "utf8")).allowErrorForDataTypeAny).toBe(true);
    expect(meta.functions.length).toBeGreaterThan(0);
    const source = fs.readFileSync(path.join(ROOT, "src", "functions", "functions.ts"), "utf8");
    const declared = (source.match(/@customfunction\b/g) ?? []).length;
    expect(meta.functions).toHaveLength(declared);
    for (const f of meta.functions) expect(f.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    // the metadata plugin's loader registers each one with the runtime
    const bundle = read("functions.js");
    for (const f of meta.functions) expect(bundle).toContain(JSON.stringify(f.id));
    expect(bundle).toMatch(/CustomFunctions\.associate/);
  });

  test("the ribbon command handlers are in commands.js", () => {
    const bundle = read("commands.js");
    expect(bundle).toContain('"regenerateSummary"');
    expect(bundle).toContain('"validatePlan"');
  });

  test("dist/manifest.xml uses the production URL, and every URL in it is a file in dist", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("localhost");
    const urls = [...manifest.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map(
      (m) => m[1],
    );
    expect(urls.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const url of urls) {
      if (url === new URL(PROD_URL).origin) continue; // AppDomain
      expect(url.startsWith(PROD_URL)).toBe(true);
      const rel = url.slice(PROD_URL.length);
      if (!files.includes(rel)) missing.push(rel);
    }
    expect(missing).toEqual([]);
  });

  test("no file in the output contains a CDN URL", () => {
    const hits: string[] = [];
    for (const f of files) {
      if (/\.(png|ico|jpe?g|gif|woff2?)$/.test(f)) continue;
      const text = read(f);
      const found = new Set<string>();
      for (const host of CDN_HOSTS) if (text.includes(host)) found.add(host);
      for (const m of text.matchAll(/\/\/([a-z0-9.-]*cdn[a-z0-9.-]*\.[a-z]{2,})/gi))
        found.add(m[1].toLowerCase());
      for (const host of found) {
        const excused = VENDOR_EXCEPTIONS.some((e) => e.host === host && e.file.test(f));
        if (!excused) hits.push(`${f}: ${host}`);
      }
    }
    expect(hits).toEqual([]);
  });

  test.each(["office.debug.js", "custom-functions-runtime.debug.js"])("%s never loads MicrosoftAjax from its CDN (requiresMsAjax is hard-coded false)", (file) => {
    const debug = fs.readFileSync(path.join(OFFICE_JS_DIST, file), "utf8");
    const assignments = debug.match(/requiresMsAjax\s*=[^=]/g) ?? [];
    expect(assignments).toHaveLength(1);
    expect(debug).toMatch(/var requiresMsAjax = false;/);
  });
});

describe("default build: office.js from Microsoft's CDN", () => {
  test("taskpane.html loads office.js from the CDN first; no office.js file is copied", () => {
    const srcs = scriptSrcs(fs.readFileSync(path.join(cdn.out, "taskpane.html"), "utf8"));
    expect(srcs[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(srcs.slice(1)).toEqual(expect.arrayContaining(["functions.js", "commands.js", "taskpane.js"]));
    expect(cdn.files.filter((f) => /^(office|o15apptofilemappingtable|excel-.*|custom-functions-runtime)\.js$|office_strings/.test(f))).toEqual([]);
    expect(cdn.log).not.toMatch(/\bERROR\b/);
  });

  test("the CDN is named only in that script tag: no other file refers to any CDN", () => {
    const hits: string[] = [];
    for (const f of cdn.files) {
      if (/\.(png|ico|jpe?g|gif|woff2?)$/.test(f)) continue;
      let text = fs.readFileSync(path.join(cdn.out, f), "utf8");
      if (f === "taskpane.html") text = text.replace("https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "");
      for (const host of CDN_HOSTS) if (text.includes(host)) hits.push(`${f}: ${host}`);
    }
    expect(hits).toEqual([]);
  });

  test(`jobplan's JavaScript is under ${LIMIT_GZIP_BYTES / 1024} KB gzipped, ${LIMIT_START_GZIP_BYTES / 1024} KB of it at start (tree-shaken ES modules)`, () => {
    const started = scriptSrcs(fs.readFileSync(path.join(cdn.out, "taskpane.html"), "utf8")).slice(1);
    const all = ownScripts(cdn);
    expect(all).toEqual(expect.arrayContaining([...PAGE_SCRIPTS, ...started]));
    const total = all.reduce((n, f) => n + gzipSize(cdn.out, f), 0);
    const atStart = started.reduce((n, f) => n + gzipSize(cdn.out, f), 0);
    expect(total).toBeLessThan(LIMIT_GZIP_BYTES);
    expect(total).toBeLessThan(LIMIT_ALL_GZIP_BYTES);
    expect(atStart).toBeLessThan(LIMIT_START_GZIP_BYTES);
    // A Fluent icon that no component uses must not ship (it did with CommonJS modules).
    for (const f of all) expect(fs.readFileSync(path.join(cdn.out, f), "utf8")).not.toContain("AccessTime24Regular");
  });

  test("each of the three scripts ships its own code once: no second copy of the adapter, core or React", () => {
    const text = (f: string) => fs.readFileSync(path.join(cdn.out, f), "utf8");
    // commands.js is the ribbon's handlers, not the adapter they call (it had all of it)
    expect(gzipSize(cdn.out, "commands.js")).toBeLessThan(4 * 1024);
    // React's reconciler ships once, in the pane's script
    const react = ownScripts(cdn).filter((f) => text(f).includes("react.dev/errors/"));
    expect(react).toEqual(["taskpane.js"]);
  });

  test.each(["cdn", "local"] as const)("%s build: every script of jobplan is loaded by taskpane.html or by the webpack runtime on demand", (kind) => {
    const b = kind === "cdn" ? cdn : local;
    const started = scriptSrcs(fs.readFileSync(path.join(b.out, "taskpane.html"), "utf8")).slice(1);
    for (const s of started) expect(b.files).toContain(s);
    const onDemand = ownScripts(b).filter((f) => !started.includes(f));
    // the Office.js adapter (src/commands/lazy-ops.ts) and the pane's confirmation dialog,
    // under content-hashed names
    expect(onDemand.map((f) => f.replace(/\.[0-9a-f]{8}\.js$/, "")).sort()).toEqual(["confirm-dialog", "workbook-ops"]);
    // the runtime (loaded by the page) names each on-demand chunk and its hash
    const runtime = started.find((f) => /^runtime\b/.test(f));
    expect(runtime).toBeDefined();
    const code = fs.readFileSync(path.join(b.out, runtime!), "utf8");
    for (const f of onDemand) {
      const [, name, hash] = /^(.+)\.([0-9a-f]{8})\.js$/.exec(f)!;
      expect(code).toContain(name);
      expect(code).toContain(hash);
    }
  });

  test("both builds carry the same manifest and functions metadata", () => {
    for (const f of ["manifest.xml", "functions.json"]) expect(fs.readFileSync(path.join(cdn.out, f), "utf8")).toBe(read(f));
  });
});
