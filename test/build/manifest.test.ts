/**
 * @jest-environment jsdom
 */
// Offline manifest check: well-formed XML plus the project's rules. (`npm run validate`
// runs Microsoft's online validator; it is never called from tests.)
import * as fs from "fs";
import * as path from "path";
import {
  NS,
  all,
  allAnyNs,
  associatedActions,
  expectedTable,
  parseXmlWith,
  pngSize,
  resources,
  residUses,
  sourceFiles,
  urlToFile,
  urlValues,
  xsiType,
} from "./manifest-rules";

const ROOT = path.resolve(__dirname, "..", "..");
const DEV_URL = "https://localhost:3000/";
const text = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const parse = parseXmlWith(DOMParser);
const doc = parse(text);
const res = resources(doc);
const text1 = (local: string, ns = NS.app) =>
  all(doc, ns, local).map((e) => e.textContent?.trim() ?? "");

describe("manifest.xml", () => {
  test("is well-formed XML (and the checker notices when it is not)", () => {
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.namespaceURI).toBe(NS.app);
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    expect(() => parse(text.replace("</OfficeApp>", "</OfficeAp>"))).toThrow(/well-formed/);
    expect(() => parse(text.replace("<Version>", '<Version a="1" a="2">'))).toThrow(/well-formed/);
  });

  test("has exactly one Id, a GUID that is not a template's", () => {
    const ids = text1("Id");
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(ids[0]).not.toMatch(/^0{8}-/);
    // Yeoman generator's template Id: a copied one collides with every other sample add-in.
    expect(ids[0].toLowerCase()).not.toBe("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
  });

  test("has a Version of one to four numeric parts, and provider, locale, names", () => {
    const versions = text1("Version");
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(text1("ProviderName")[0]).not.toBe("");
    expect(text1("DefaultLocale")).toEqual(["ko-KR"]);
    for (const local of ["DisplayName", "Description"]) {
      const el = all(doc, NS.app, local)[0];
      expect(el.getAttribute("DefaultValue")).toBeTruthy();
      const en = all(el, NS.app, "Override").find((o) => o.getAttribute("Locale") === "en-US");
      expect(en?.getAttribute("Value")).toBeTruthy();
    }
  });

  test("every resid resolves to a resource of the right kind; resource ids are unique", () => {
    const uses = residUses(doc);
    expect(uses.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const el of uses) {
      const id = el.getAttribute("resid") ?? "";
      const defined =
        res.images.has(id) ||
        res.urls.has(id) ||
        res.shortStrings.has(id) ||
        res.longStrings.has(id);
      if (!defined) problems.push(`<${el.localName} resid="${id}"> is not defined`);
      const table = expectedTable(el);
      if (defined && table && !res[table].has(id))
        problems.push(`<${el.localName} resid="${id}"> must be in ${table}`);
      if (id.length > 32) problems.push(`resid "${id}" is longer than 32 characters`);
    }
    for (const [id, n] of res.idCounts)
      if (n > 1) problems.push(`resource id "${id}" defined ${n} times`);
    expect(problems).toEqual([]);
  });

  test("every URL is https (dev URLs on https://localhost:3000)", () => {
    const urls = urlValues(doc);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    expect(urls.filter((u) => !u.startsWith(DEV_URL) && u !== DEV_URL.replace(/\/$/, ""))).toEqual(
      [],
    );
  });

  test("declares the requirement sets it uses", () => {
    const sets = new Map(
      all(all(doc, NS.app, "Requirements")[0], NS.app, "Set").map((s) => [
        s.getAttribute("Name"),
        s.getAttribute("MinVersion"),
      ]),
    );
    expect(sets.get("SharedRuntime")).toBe("1.1");
    // 1.2: CustomFunctions.Error, and error values passed in (allowErrorForDataTypeAny).
    expect(Number(sets.get("CustomFunctionsRuntime"))).toBeGreaterThanOrEqual(1.2);
    expect(sets.get("ExcelApi")).toMatch(/^1\.\d+$/);
    expect(all(doc, NS.app, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  });

  test("one shared runtime resid is used for the pane, the functions page and the commands", () => {
    const runtimes = allAnyNs(doc, "Runtime");
    expect(runtimes).toHaveLength(1);
    const rid = runtimes[0].getAttribute("resid")!;
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    expect(res.urls.get(rid)).toBe(`${DEV_URL}taskpane.html`);

    const functionFiles = allAnyNs(doc, "FunctionFile").map((e) => e.getAttribute("resid"));
    expect(functionFiles).toEqual([rid]);

    const cf = allAnyNs(doc, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
    expect(cf).toHaveLength(1);
    const page = allAnyNs(cf[0], "Page")[0];
    expect(allAnyNs(page, "SourceLocation")[0].getAttribute("resid")).toBe(rid);

    // Exactly one task pane, with its TaskpaneId: a shared runtime supports one pane, and a
    // ShowTaskpane action without a TaskpaneId counts as another one.
    const taskpaneActions = allAnyNs(doc, "Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(taskpaneActions).toHaveLength(1);
    for (const a of taskpaneActions) {
      expect(allAnyNs(a, "SourceLocation")[0].getAttribute("resid")).toBe(rid);
      expect(allAnyNs(a, "TaskpaneId")[0]?.textContent?.trim()).toBeTruthy();
    }

    // the add-in's default page is the same document
    const def = all(all(doc, NS.app, "DefaultSettings")[0], NS.app, "SourceLocation")[0];
    expect(def.getAttribute("DefaultValue")).toBe(res.urls.get(rid));
  });

  test("custom functions: namespace PLAN, functions.json metadata, functions.js script", () => {
    const cf = allAnyNs(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    const ns = allAnyNs(cf, "Namespace")[0].getAttribute("resid")!;
    expect(res.shortStrings.get(ns)?.getAttribute("DefaultValue")).toBe("PLAN");
    const meta = allAnyNs(allAnyNs(cf, "Metadata")[0], "SourceLocation")[0].getAttribute("resid")!;
    expect(res.urls.get(meta)).toBe(`${DEV_URL}functions.json`);
    const script = allAnyNs(allAnyNs(cf, "Script")[0], "SourceLocation")[0].getAttribute("resid")!;
    expect(res.urls.get(script)).toBe(`${DEV_URL}functions.js`);
  });

  test("Home tab group with 작업창 / 요약 재생성 / 검증, Korean labels with en-US overrides", () => {
    const tab = allAnyNs(doc, "OfficeTab");
    expect(tab.map((t) => t.getAttribute("id"))).toEqual(["TabHome"]);
    const labels = allAnyNs(tab[0], "Control").map((c) => {
      const id = allAnyNs(c, "Label")[0].getAttribute("resid")!;
      return res.shortStrings.get(id)!.getAttribute("DefaultValue");
    });
    expect(labels).toEqual(["작업창", "요약 재생성", "검증"]);
    const controlIds = allAnyNs(doc, "Control").map((c) => c.getAttribute("id"));
    expect(new Set(controlIds).size).toBe(controlIds.length);

    const missing: string[] = [];
    for (const [id, el] of [...res.shortStrings, ...res.longStrings]) {
      if (id === "Functions.Namespace") continue;
      const en = all(el, NS.bt, "Override").find((o) => o.getAttribute("Locale") === "en-US");
      if (!en?.getAttribute("Value")) missing.push(id);
      if ((el.getAttribute("DefaultValue") ?? "").length > (res.shortStrings.has(id) ? 125 : 250)) {
        missing.push(`${id} too long`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("each ExecuteFunction FunctionName is associated in src/commands, and vice versa", () => {
    const names = allAnyNs(doc, "Action")
      .filter((a) => xsiType(a) === "ExecuteFunction")
      .map((a) => allAnyNs(a, "FunctionName")[0].textContent!.trim());
    expect(names.sort()).toEqual(["regenerateSummary", "validatePlan"]);
    const associated = associatedActions(sourceFiles(path.join(ROOT, "src", "commands")));
    expect(names.filter((n) => !associated.has(n))).toEqual([]);
    expect([...associated].filter((n) => !names.includes(n))).toEqual([]);
  });

  test("icons exist in assets/ as PNGs of the listed sizes", () => {
    const problems: string[] = [];
    const check = (url: string, size: number, where: string) => {
      const file = urlToFile(url, DEV_URL, ROOT);
      if (!file || !fs.existsSync(file)) return problems.push(`${where}: ${url} has no file`);
      const dim = pngSize(file);
      if (!dim) return problems.push(`${where}: ${file} is not a PNG`);
      if (dim.width !== size || dim.height !== size) {
        problems.push(
          `${where}: ${path.basename(file)} is ${dim.width}x${dim.height}, expected ${size}`,
        );
      }
    };
    check(all(doc, NS.app, "IconUrl")[0].getAttribute("DefaultValue")!, 32, "IconUrl");
    check(
      all(doc, NS.app, "HighResolutionIconUrl")[0].getAttribute("DefaultValue")!,
      64,
      "HighResolutionIconUrl",
    );
    const used = all(doc, NS.bt, "Image").filter((i) => i.hasAttribute("resid"));
    expect(used.length).toBeGreaterThan(0);
    for (const img of used) {
      const id = img.getAttribute("resid")!;
      check(res.images.get(id) ?? "", Number(img.getAttribute("size")), `bt:Image ${id}`);
    }
    // every size the project ships, for every icon
    for (const size of [16, 32, 64, 80]) {
      for (const name of ["icon", "regenerate", "validate"]) {
        check(`${DEV_URL}assets/${name}-${size}.png`, size, "assets");
      }
    }
    expect(problems).toEqual([]);
  });

  test("page URLs point at files the build emits or assets/ holds", () => {
    for (const url of res.urls.values()) {
      const rel = url.slice(DEV_URL.length);
      if (rel.startsWith("assets/")) expect(fs.existsSync(path.join(ROOT, rel))).toBe(true);
      else expect(["taskpane.html", "functions.js", "functions.json"]).toContain(rel);
    }
  });
});
