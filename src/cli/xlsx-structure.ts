/**
 * The structure of an .xlsx package, from its small parts: sheets in workbook order with
 * their part names and Excel tables, the shared strings part, which cell styles are dates,
 * the 1904 date system, macros. Part paths are resolved through the relationships, so
 * absolute targets (openpyxl) and relative ones (Excel, LibreOffice, ExcelJS) both work.
 */
import { XlsxReadError } from "./errors";
import { ZipArchive, resolveTarget } from "./zip-archive";
import { attrByLocal, parseXmlRecords } from "./xml-stream";

export interface TablePart {
  name: string;
  ref: string;
  totalsRow: boolean;
}

export interface SheetPart {
  name: string;
  part: string;
  tables: TablePart[];
}

export interface WorkbookParts {
  sheets: SheetPart[];
  sharedStrings?: string;
  /** Indexes of cell formats (the `s` attribute) whose number format shows a date. */
  dateStyles: Set<number>;
  date1904: boolean;
  /** Some relationship names its target absolutely ("/xl/..."), as openpyxl writes them. */
  absoluteTargets: boolean;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  absolute: boolean;
}

/** The rels part of a part: `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`. */
function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

async function relationships(zip: ZipArchive, source: string): Promise<Relationship[]> {
  const text = await zip.text(relsPartOf(source));
  if (text === undefined) return [];
  const out: Relationship[] = [];
  parseXmlRecords(text, (name, a) => {
    if (name !== "Relationship" || a.TargetMode === "External" || !a.Target) return;
    out.push({ id: a.Id, type: a.Type ?? "", target: resolveTarget(source, a.Target), absolute: a.Target.startsWith("/") });
  });
  return out;
}

const ofType = (rels: Relationship[], kind: string) => rels.filter((r) => r.type.endsWith("/" + kind));

/** Built-in number formats ExcelJS shows as dates (its defaultnumformats with date codes). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** ExcelJS's test for a date format: date letters outside quotes and brackets. */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

async function dateStyles(zip: ZipArchive, part: string | undefined): Promise<Set<number>> {
  const out = new Set<number>();
  const text = part ? await zip.text(part) : undefined;
  if (!text) return out;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXmlRecords(
    text,
    (name, a) => {
      if (name === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  );
  xfs.forEach((id, i) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) out.add(i);
  });
  return out;
}

async function tablePart(zip: ZipArchive, part: string): Promise<TablePart | undefined> {
  const text = await zip.text(part, 16 * 2 ** 20);
  if (text === undefined) return undefined;
  let table: TablePart | undefined;
  parseXmlRecords(text, (name, a) => {
    if (name === "table" && !table && a.ref)
      table = {
        name: a.name ?? a.displayName ?? "",
        ref: a.ref,
        totalsRow: a.totalsRowCount === "1",
      };
  });
  return table;
}

/** The main workbook part, as the package's relationships name it. */
async function workbookPart(zip: ZipArchive): Promise<string> {
  const main = ofType(await relationships(zip, ""), "officeDocument")[0];
  return main?.target ?? "xl/workbook.xml";
}

export async function readWorkbookParts(zip: ZipArchive): Promise<WorkbookParts> {
  const wbPart = await workbookPart(zip);
  const text = await zip.text(wbPart);
  if (text === undefined) throw new XlsxReadError(`no workbook part (${wbPart})`);
  const listed: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  parseXmlRecords(text, (name, a) => {
    if (name === "sheet") listed.push({ name: a.name ?? "", rid: attrByLocal(a, "id", ["sheetId"]) ?? "" });
    else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
  });
  const rels = await relationships(zip, wbPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let absoluteTargets = rels.some((r) => r.absolute);
  for (const s of listed) {
    const rel = byId.get(s.rid);
    // Chart sheets and dialog sheets hold no cells.
    if (!rel || !rel.type.endsWith("/worksheet")) continue;
    const tables: TablePart[] = [];
    const sheetRels = await relationships(zip, rel.target);
    if (sheetRels.some((r) => r.absolute)) absoluteTargets = true;
    for (const t of ofType(sheetRels, "table")) {
      const table = await tablePart(zip, t.target);
      if (table) tables.push(table);
    }
    sheets.push({ name: s.name, part: rel.target, tables });
  }
  return {
    sheets,
    sharedStrings: ofType(rels, "sharedStrings")[0]?.target,
    dateStyles: await dateStyles(zip, ofType(rels, "styles")[0]?.target),
    date1904,
    absoluteTargets,
  };
}
