// Offline checks for manifest.xml (Microsoft's validator is an online service). Shared by
// manifest.test.ts (the source manifest) and build-output.test.ts (the copied one in dist).
import * as fs from "fs";
import * as path from "path";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

export type ParseXml = (text: string) => Document;

/** Parses strictly; throws with the parser's message when the XML is not well-formed. */
export function parseXmlWith(DOMParserCtor: { new (): DOMParser }): ParseXml {
  return (text) => {
    const doc = new DOMParserCtor().parseFromString(text, "application/xml");
    const err = doc.getElementsByTagName("parsererror")[0];
    if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
    return doc;
  };
}

export const all = (root: Document | Element, ns: string, local: string): Element[] =>
  Array.from(root.getElementsByTagNameNS(ns, local));
export const allAnyNs = (root: Document | Element, local: string): Element[] =>
  Array.from(root.getElementsByTagNameNS("*", local));
export const xsiType = (el: Element): string | null => el.getAttributeNS(NS.xsi, "type");

export interface Resources {
  images: Map<string, string>;
  urls: Map<string, string>;
  shortStrings: Map<string, Element>;
  longStrings: Map<string, Element>;
  /** every id defined, with how many times */
  idCounts: Map<string, number>;
}

export function resources(doc: Document): Resources {
  const res: Resources = {
    images: new Map(),
    urls: new Map(),
    shortStrings: new Map(),
    longStrings: new Map(),
    idCounts: new Map(),
  };
  const section = (local: string) => all(doc, NS.bt, local)[0];
  const collect = (local: string, child: string, put: (id: string, el: Element) => void) => {
    const sec = section(local);
    if (!sec) return;
    for (const el of Array.from(sec.children)) {
      if (el.localName !== child || el.namespaceURI !== NS.bt) continue;
      const id = el.getAttribute("id") ?? "";
      res.idCounts.set(id, (res.idCounts.get(id) ?? 0) + 1);
      put(id, el);
    }
  };
  collect("Images", "Image", (id, el) => res.images.set(id, el.getAttribute("DefaultValue") ?? ""));
  collect("Urls", "Url", (id, el) => res.urls.set(id, el.getAttribute("DefaultValue") ?? ""));
  collect("ShortStrings", "String", (id, el) => res.shortStrings.set(id, el));
  collect("LongStrings", "String", (id, el) => res.longStrings.set(id, el));
  return res;
}

/** Every element with a resid attribute. */
export function residUses(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName("*")).filter((el) => el.hasAttribute("resid"));
}

/** Which resource table a resid on this element must point into. */
export function expectedTable(el: Element): keyof Omit<Resources, "idCounts"> | null {
  const parent = el.parentElement;
  switch (el.localName) {
    case "Image":
      return "images";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
    case "Runtime":
      return "urls";
    case "Label":
    case "Namespace":
      return "shortStrings";
    case "Title":
      return "shortStrings";
    case "Description":
      return parent && (parent.localName === "Supertip" || parent.localName === "GetStarted")
        ? "longStrings"
        : null;
    default:
      return null;
  }
}

/** All URL-looking values in attributes (but namespace declarations and xsi:type) and text. */
export function urlValues(doc: Document): string[] {
  const out: string[] = [];
  const looksLikeUrl = (v: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v.trim());
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name === "xmlns" || attr.prefix === "xmlns" || attr.namespaceURI === NS.xsi)
        continue;
      if (looksLikeUrl(attr.value)) out.push(attr.value.trim());
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3 /* text */ && looksLikeUrl(node.textContent ?? "")) {
        out.push((node.textContent ?? "").trim());
      }
    }
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const buf = fs.readFileSync(file);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    buf.length < 24 ||
    !buf.subarray(0, 8).equals(sig) ||
    buf.toString("ascii", 12, 16) !== "IHDR"
  ) {
    return null;
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Maps an add-in URL (e.g. https://localhost:3000/assets/icon-16.png) to a file under `root`. */
export function urlToFile(url: string, baseUrl: string, root: string): string | null {
  if (!url.startsWith(baseUrl)) return null;
  const rel = decodeURIComponent(url.slice(baseUrl.length).split(/[?#]/)[0]);
  return path.join(root, rel);
}

/** Names passed to Office.actions.associate("name", ...) in the given source files. */
export function associatedActions(files: string[]): Set<string> {
  const names = new Set<string>();
  const re = /Office\s*\.\s*actions\s*\.\s*associate\s*\(\s*(["'`])([^"'`]+)\1/g;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
    for (const m of text.matchAll(re)) names.add(m[2]);
  }
  return names;
}

export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js)$/.test(d.name) ? [p] : [];
  });
}
