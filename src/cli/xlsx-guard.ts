/**
 * What rewriting a workbook through ExcelJS would lose or could not survive, found from the
 * archive before anything is written: macros, parts ExcelJS does not carry over (charts,
 * pivot tables, slicers, external links, embedded objects), text over Excel's cell limit
 * and cells so far out that loading the sheet whole would exhaust memory.
 */
import { readWorkbookParts } from "./xlsx-structure";
import { CELL_TEXT_LIMIT, xmlReader } from "./xml-stream";
import { ZipArchive } from "./zip-archive";

import type { Text } from "./messages";

export type TooLarge = { kind: "overlong" } | { kind: "far"; sheet: string; cell: string };

export interface RewriteRisks {
  macros: boolean;
  /** Kinds of content a rewrite would drop, each with one part name as an example. */
  dropped: Array<{ what: Text; part: string }>;
  /** Why the workbook cannot be rewritten whole, if so. */
  tooLarge?: TooLarge;
  /** Relationship targets are absolute (openpyxl): ExcelJS needs them relative. */
  absoluteTargets: boolean;
}

const DROPPED: Array<[RegExp, Text]> = [
  [/^xl\/charts\//i, { ko: "차트", en: "charts" }],
  [/^xl\/chartsheets\//i, { ko: "차트 시트", en: "chart sheets" }],
  [/^xl\/pivot(Tables|Cache)\//i, { ko: "피벗 테이블", en: "pivot tables" }],
  [/^xl\/slicer(s|Caches)\//i, { ko: "슬라이서", en: "slicers" }],
  [/^xl\/timeline(s|Caches)\//i, { ko: "시간 표시 막대", en: "timelines" }],
  [/^xl\/externalLinks\//i, { ko: "외부 연결", en: "external links" }],
  [/^xl\/(embeddings|activeX|ctrlProps)\//i, { ko: "포함된 개체나 컨트롤", en: "embedded objects or controls" }],
  [/^xl\/queryTables\//i, { ko: "쿼리 표", en: "query tables" }],
  [/^xl\/connections\.xml$/i, { ko: "데이터 연결", en: "data connections" }],
  [/^customXml\//i, { ko: "사용자 지정 XML", en: "custom XML" }],
];

/**
 * Rows and columns past which a cell on a sheet with tables is refused: adding a summary row
 * moves the cells below it, and ExcelJS would build every row down to that cell.
 */
const MAX_ROW = 200_000;
const MAX_COL = 16_384;

async function farthestCell(zip: ZipArchive, part: string): Promise<{ row: number; col: number; ref: string }> {
  let row = 0;
  let col = 0;
  let ref = "";
  const r = xmlReader({
    open(name, a) {
      const r = name === "c" ? a.get("r") : undefined;
      if (!r) return;
      const m = /^([A-Z]+)(\d+)$/.exec(r);
      if (!m) return;
      let c = 0;
      for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
      if (Number(m[2]) > row || c > col) ref = r;
      row = Math.max(row, Number(m[2]));
      col = Math.max(col, c);
    },
  });
  if ((await zip.read(part, (chunk) => r.write(chunk))) === "done") r.close();
  return { row, col, ref };
}

async function hasOverlongString(zip: ZipArchive, part: string | undefined): Promise<boolean> {
  if (!part) return false;
  let length = 0;
  let inT = false;
  let found = false;
  const r = xmlReader({
    open(name) {
      if (name === "si") length = 0;
      else if (name === "t") inT = true;
    },
    text(s) {
      if (inT) length += s.length;
    },
    close(name) {
      if (name === "t") inT = false;
      else if (name === "si" && length > CELL_TEXT_LIMIT) found = true;
    },
  });
  if ((await zip.read(part, (chunk) => r.write(chunk))) === "done") r.close();
  return found;
}

export async function rewriteRisks(file: string): Promise<RewriteRisks> {
  const zip = await ZipArchive.open(file);
  try {
    const names = zip.names();
    const macros = names.some((n) => /vbaProject\.bin$/i.test(n));
    const dropped: RewriteRisks["dropped"] = [];
    for (const [re, what] of DROPPED) {
      const hit = names.find((n) => re.test(n.replace(/^\/+/, "")));
      if (hit) dropped.push({ what, part: hit });
    }
    const parts = await readWorkbookParts(zip);
    let tooLarge: TooLarge | undefined;
    if (await hasOverlongString(zip, parts.sharedStrings)) tooLarge = { kind: "overlong" };
    for (const s of parts.sheets) {
      if (tooLarge || !s.tables.length) continue;
      const far = await farthestCell(zip, s.part);
      if (far.row > MAX_ROW || far.col > MAX_COL) tooLarge = { kind: "far", sheet: s.name, cell: far.ref };
    }
    return { macros, dropped, tooLarge, absoluteTargets: parts.absoluteTargets };
  } finally {
    zip.close();
  }
}
