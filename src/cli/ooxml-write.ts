/**
 * Writes a WorkbookSpec as an .xlsx directly, part by part (the template, `import`, `demo`):
 * about ten times faster than building an ExcelJS workbook and serialising it, with every
 * feature the ExcelJS renderer writes (tables, formulas, styles, conditional formats,
 * validations, notes, links, page setup, print titles, merges, protection, defined names).
 * The file goes through a temporary file renamed over the target (safe-write.ts).
 */
import type { Writable } from "stream";
import type { CellValue, WorkbookSpec } from "../workbook/workbook-model";
import { quoteSheet } from "../core/a1";
import { gridSheet } from "./ooxml-grid";
import { relsXml, REL_NS, MAIN_NS, SharedStrings, sheetParts, XML_HEAD, type PartNumbers } from "./ooxml-sheet";
import { StyleTable } from "./ooxml-styles";
import { escapeXml } from "./ooxml-text";
import { writeFileSafely } from "./safe-write";
import { deflatePart, ZipWriter, type DeflatedPart } from "./zip-write";

const CT = "application/vnd.openxmlformats-officedocument";

export interface XlsxWriteOptions {
  /** Cached results of formula cells: sheet name -> A1 address -> value. */
  results?: ReadonlyMap<string, ReadonlyMap<string, CellValue>>;
  /** Creation time written in the document properties (default: now). */
  now?: Date;
}

/** Excel's theme part (ExcelJS's copy of the Office theme): table styles take their colours from it. */
function themeXml(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("exceljs/lib/xlsx/xml/theme1.js") as string;
}

function workbookXml(spec: WorkbookSpec, printTitles: Array<{ sheet: number; ref: string }>): string {
  const sheets = spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const names = [
    ...printTitles.map((p) => `<definedName name="_xlnm.Print_Titles" localSheetId="${p.sheet}">${escapeXml(p.ref)}</definedName>`),
    ...(spec.names ?? []).map((n) => `<definedName name="${escapeXml(n.name)}"${n.comment ? ` comment="${escapeXml(n.comment)}"` : ""}>${escapeXml(n.formula.replace(/^=/, ""))}</definedName>`),
  ];
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>` +
    `<sheets>${sheets.join("")}</sheets>` +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    `<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>`
  );
}

function docProps(spec: WorkbookSpec, now: Date): { core: string; app: string } {
  const when = now.toISOString().replace(/\.\d+Z$/, "Z");
  const core =
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>jobplan</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  const titles = spec.sheets.map((s) => `<vt:lpstr>${escapeXml(s.name)}</vt:lpstr>`).join("");
  // The application is named as ExcelJS names it, so that LibreOffice treats the files of both writers alike.
  const app =
    `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">` +
    `<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${spec.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${spec.sheets.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`;
  return { core, app };
}

/** Every part of the workbook; [Content_Types].xml, which names them, comes last. */
export function* xlsxParts(spec: WorkbookSpec, options: XlsxWriteOptions = {}): Generator<[string, string | Uint8Array]> {
  const lang = spec.lang ?? "ko";
  const styles = new StyleTable(spec.font);
  const sst = new SharedStrings();
  const no: PartNumbers = { table: 1, sheet: 1, shapeBlock: 1 };
  const overrides: string[] = [];
  const over = (part: string, type: string) => overrides.push(`<Override PartName="/${part}" ContentType="${type}"/>`);
  const printTitles: Array<{ sheet: number; ref: string }> = [];
  let vml = false;
  for (let i = 0; i < spec.sheets.length; i++) {
    const sheet = spec.sheets[i];
    const grid = gridSheet(sheet, { lang, styles, results: options.results?.get(sheet.name) });
    const t = sheet.pageSetup?.printTitleRows;
    if (t) printTitles.push({ sheet: i, ref: `${quoteSheet(sheet.name)}!$${t.first + 1}:$${t.last + 1}` });
    no.sheet = i + 1;
    const firstTable = no.table;
    const parts = sheetParts(grid, sst, no);
    const name = `xl/worksheets/sheet${i + 1}.xml`;
    yield [name, parts.sheet];
    over(name, `${CT}.spreadsheetml.worksheet+xml`);
    if (parts.rels.length) yield [`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relsXml(parts.rels)];
    for (let k = 0; k < parts.tables.length; k++) {
      const table = `xl/tables/table${firstTable + k}.xml`;
      yield [table, parts.tables[k]];
      over(table, `${CT}.spreadsheetml.table+xml`);
    }
    if (parts.comments && parts.vml) {
      yield [`xl/comments${i + 1}.xml`, parts.comments];
      over(`xl/comments${i + 1}.xml`, `${CT}.spreadsheetml.comments+xml`);
      yield [`xl/drawings/vmlDrawing${i + 1}.vml`, parts.vml];
      vml = true;
    }
  }
  yield ["xl/sharedStrings.xml", sst.xml()];
  yield ["xl/styles.xml", styles.xml()];
  yield ["xl/theme/theme1.xml", themeXml()];
  yield ["xl/workbook.xml", workbookXml(spec, printTitles)];
  const bookRels = [
    ...spec.sheets.map((_, i) => ({ type: "worksheet", target: `worksheets/sheet${i + 1}.xml` })),
    { type: "styles", target: "styles.xml" },
    { type: "theme", target: "theme/theme1.xml" },
    { type: "sharedStrings", target: "sharedStrings.xml" },
  ];
  yield ["xl/_rels/workbook.xml.rels", relsXml(bookRels)];
  const props = docProps(spec, options.now ?? new Date());
  yield ["docProps/core.xml", props.core];
  yield ["docProps/app.xml", props.app];
  yield [
    "_rels/.rels",
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  ];
  over("xl/workbook.xml", `${CT}.spreadsheetml.sheet.main+xml`);
  over("xl/sharedStrings.xml", `${CT}.spreadsheetml.sharedStrings+xml`);
  over("xl/styles.xml", `${CT}.spreadsheetml.styles+xml`);
  over("xl/theme/theme1.xml", `${CT}.theme+xml`);
  over("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
  over("docProps/app.xml", `${CT}.extended-properties+xml`);
  yield [
    "[Content_Types].xml",
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      (vml ? `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` : "") +
      `${overrides.join("")}</Types>`,
  ];
}

/** Writes the workbook's archive into a stream (left open); [Content_Types].xml first, as Excel writes it. */
export async function writeXlsx(spec: WorkbookSpec, out: Writable, options: XlsxWriteOptions = {}): Promise<void> {
  // Each part is compressed on zlib's threads while the next one is made.
  const parts: Array<[string, Promise<DeflatedPart>]> = [];
  for (const [name, content] of xlsxParts(spec, options)) {
    const part = deflatePart(content);
    // A write that fails stops before awaiting every part: those left are not unhandled errors.
    part.catch(() => undefined);
    parts.push([name, part]);
  }
  parts.unshift(parts.pop()!);
  const zip = new ZipWriter(out);
  for (const [name, part] of parts) await zip.add(name, await part);
  await zip.finish();
}

/** Writes the workbook to `file` through a temporary file renamed over it. */
export async function writeXlsxFile(spec: WorkbookSpec, file: string, options: XlsxWriteOptions = {}): Promise<void> {
  await writeFileSafely(file, (out) => writeXlsx(spec, out, options));
}
