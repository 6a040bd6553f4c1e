/**
 * What rewriting a workbook through ExcelJS would lose or could not survive, found from the
 * archive before anything is written: macros, parts ExcelJS does not carry over (charts,
 * pivot tables, slicers, external links, embedded objects), text over Excel's cell limit
 * and cells so far out that loading the sheet whole would exhaust memory.
 */
import { Overlong } from "./sheet-scan";
import { readWorkbookParts } from "./xlsx-structure";
import { CELL_TEXT_LIMIT, xmlReader } from "./xml-stream";
import { ZipArchive } from "./zip-archive";

export interface RewriteRisks {
  macros: boolean;
  /** Kinds of content a rewrite would drop, with one part name each as an example. */
  dropped: string[];
  /** Why the workbook is too large to load whole, if it is. */
  tooLarge?: string;
}

const DROPPED: Array<[RegExp, string]> = [
  [/^xl\/charts\//i, "charts"],
  [/^xl\/chartsheets\//i, "chart sheets"],
  [/^xl\/pivot(Tables|Cache)\//i, "pivot tables"],
  [/^xl\/slicer(s|Caches)\//i, "slicers"],
  [/^xl\/timeline(s|Caches)\//i, "timelines"],
  [/^xl\/externalLinks\//i, "external links"],
  [/^xl\/(embeddings|activeX|ctrlProps)\//i, "embedded objects or controls"],
  [/^xl\/queryTables\//i, "query tables"],
  [/^xl\/connections\.xml$/i, "data connections"],
  [/^customXml\//i, "custom XML"],
];

/** Rows or columns past which ExcelJS's whole-sheet model costs too much. */
const MAX_ROW = 1_000_000;
const MAX_COL = 4_096;

async function farthestCell(zip: ZipArchive, part: string): Promise<{ row: number; col: number }> {
  let row = 0;
  let col = 0;
  const r = xmlReader(
    {
      open(name, a) {
        if (name !== "c" || !a.r) return;
        const m = /^([A-Z]+)(\d+)$/.exec(a.r);
        if (!m) return;
        row = Math.max(row, Number(m[2]));
        let c = 0;
        for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
        col = Math.max(col, c);
      },
    },
    new Set(["c"]),
  );
  await zip.read(part, (chunk) => r.write(chunk));
  return { row, col };
}

async function hasOverlongString(zip: ZipArchive, part: string | undefined): Promise<Overlong | undefined> {
  if (!part) return undefined;
  let length = 0;
  let inT = false;
  let found: Overlong | undefined;
  const r = xmlReader(
    {
      open(name) {
        if (name === "si") length = 0;
        else if (name === "t") inT = true;
      },
      text(s) {
        if (inT) length += s.length;
      },
      close(name) {
        if (name === "t") inT = false;
        else if (name === "si" && length > CELL_TEXT_LIMIT && !found) found = new Overlong(length);
      },
    },
    new Set(),
  );
  await zip.read(part, (chunk) => r.write(chunk));
  return found;
}

export async function rewriteRisks(file: string): Promise<RewriteRisks> {
  const zip = await ZipArchive.open(file);
  try {
    const names = zip.names();
    const macros = names.some((n) => /vbaProject\.bin$/i.test(n));
    const dropped: string[] = [];
    for (const [re, what] of DROPPED) {
      const hit = names.find((n) => re.test(n.replace(/^\/+/, "")));
      if (hit) dropped.push(`${what}: ${hit}`);
    }
    const parts = await readWorkbookParts(zip);
    let tooLarge: string | undefined;
    const overlong = await hasOverlongString(zip, parts.sharedStrings);
    if (overlong) tooLarge = `a text of ${overlong.length.toLocaleString("en-US")} characters, over Excel's limit of ${CELL_TEXT_LIMIT.toLocaleString("en-US")}`;
    for (const s of parts.sheets) {
      if (tooLarge) break;
      const far = await farthestCell(zip, s.part);
      if (far.row > MAX_ROW || far.col > MAX_COL) tooLarge = `sheet ${s.name} has a cell at row ${far.row.toLocaleString("en-US")}, column ${far.col.toLocaleString("en-US")}`;
    }
    return { macros, dropped, tooLarge };
  } finally {
    zip.close();
  }
}
