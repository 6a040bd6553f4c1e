/**
 * The XML parts of one worksheet written directly: the sheet (cells, columns, rows, merges,
 * validations, conditional formats, links, page setup, protection, in the schema's element
 * order), its tables, its notes (comments plus the VML shapes Excel shows them with) and its
 * relationships. Strings go to the workbook's shared strings.
 */
import { columnLetter } from "../core/a1";
import type { GridCell, GridSheet, GridTable } from "./ooxml-grid";
import { PAGE_MARGINS, PROTECTION_ALLOWS, TABLE_STYLE } from "./render-rules";
import { escapeXml, textElement } from "./ooxml-text";
import { ByteSink } from "./byte-sink";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The workbook's shared strings: each distinct text once. */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  /** Cells that refer to a string (count attribute). */
  refs = 0;

  of(text: string): number {
    this.refs++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si>${textElement(s)}</si>`);
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.refs}" uniqueCount="${this.list.length}">${items.join("")}</sst>`;
  }
}

/** Column letters by index, made once. */
const letters: string[] = [];
function letter(col: number): string {
  return letters[col] ?? (letters[col] = columnLetter(col));
}

function numberText(n: number): string | undefined {
  return Number.isFinite(n) ? String(n) : undefined;
}

/** Encoded once: `<f>…</f>` by formula (a generated column holds one formula on every row), ` s="12"` by style. */
const formulaBytes = new Map<string, Buffer>();
function formulaElement(formula: string): Buffer {
  let f = formulaBytes.get(formula);
  if (f === undefined) {
    if (formulaBytes.size > 10_000) formulaBytes.clear();
    formulaBytes.set(formula, (f = Buffer.from(`<f>${escapeXml(formula)}</f>`, "utf8")));
  }
  return f;
}
const styleAttrs: string[] = [""];
function styleAttr(xf: number): string {
  return styleAttrs[xf] ?? (styleAttrs[xf] = ` s="${xf}"`);
}

/** Writes `<c r="A1" s="3" …>…</c>` for a cell; `col` and `row` make its address. */
function writeCell(out: ByteSink, col: string, row: string, c: GridCell, sst: SharedStrings): void {
  out.ascii('<c r="');
  out.ascii(col);
  out.ascii(row);
  out.ascii('"');
  out.ascii(styleAttr(c.xf));
  if (c.formula !== undefined) {
    const r = c.result;
    const t = typeof r === "string" ? ' t="str"' : typeof r === "boolean" ? ' t="b"' : "";
    out.ascii(t + ">");
    out.bytes(formulaElement(c.formula));
    if (typeof r === "number" && numberText(r) !== undefined) out.ascii(`<v>${numberText(r)}</v>`);
    else if (typeof r === "string") out.text(`<v>${escapeXml(r)}</v>`);
    else if (typeof r === "boolean") out.ascii(r ? "<v>1</v>" : "<v>0</v>");
    out.ascii("</c>");
    return;
  }
  const v = c.value;
  if (typeof v === "string") {
    out.ascii(' t="s"><v>');
    out.uint(sst.of(v));
    out.ascii("</v></c>");
  } else if (typeof v === "number" && numberText(v) !== undefined) {
    out.ascii("><v>");
    out.ascii(numberText(v)!);
    out.ascii("</v></c>");
  } else if (typeof v === "boolean") out.ascii(v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
  else out.ascii("/>");
}

function colsXml(sheet: GridSheet): string {
  const cols = [...sheet.cols].filter(([, c]) => c.width !== undefined || c.hidden).sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  for (let i = 0; i < cols.length; ) {
    const [first, c] = cols[i];
    let last = first;
    while (i + 1 < cols.length && cols[i + 1][0] === last + 1 && cols[i + 1][1].width === c.width && !!cols[i + 1][1].hidden === !!c.hidden) last = cols[++i][0];
    i++;
    const width = c.width ?? 9;
    out.push(`<col min="${first + 1}" max="${last + 1}" width="${width}"${c.hidden ? ' hidden="1"' : ""} customWidth="1"/>`);
  }
  return out.length ? `<cols>${out.join("")}</cols>` : "";
}

function viewsXml(sheet: GridSheet): string {
  const n = sheet.freezeRows;
  if (!n) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = `A${n + 1}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${n}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`;
}

function pageXml(sheet: GridSheet): string {
  const p = sheet.pageSetup;
  const m = PAGE_MARGINS;
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!p) return margins;
  const options = p.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : "";
  const setup = `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"/>`;
  const footer = p.footer ? `<headerFooter><oddFooter>${escapeXml(p.footer)}</oddFooter></headerFooter>` : "";
  return options + margins + setup + footer;
}

function validationsXml(sheet: GridSheet): string {
  if (!sheet.validations.length) return "";
  const items = sheet.validations.map(({ sqref, rule: r }) => {
    const attrs = [
      `type="${r.type}"`,
      r.operator ? `operator="${r.operator}"` : "",
      'allowBlank="1"',
      r.prompt ? `showInputMessage="1" promptTitle="${escapeXml(r.promptTitle)}" prompt="${escapeXml(r.prompt)}"` : "",
      `showErrorMessage="1" errorStyle="${r.errorStyle}" errorTitle="${escapeXml(r.errorTitle)}" error="${escapeXml(r.error)}"`,
      `sqref="${sqref}"`,
    ].filter(Boolean);
    return `<dataValidation ${attrs.join(" ")}><formula1>${escapeXml(r.formula)}</formula1></dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

export interface SheetParts {
  sheet: Buffer;
  /** Relationship targets of the sheet, relative to xl/worksheets/. */
  rels: Array<{ type: "table" | "comments" | "vmlDrawing"; target: string }>;
  tables: string[];
  comments?: string;
  vml?: string;
}

/** Workbook-wide numbering: tables, the parts of notes, and the blocks of 1,024 note shape ids. */
export interface PartNumbers {
  table: number;
  sheet: number;
  shapeBlock: number;
}

/** The sheet's parts; `no` is advanced past the tables and shape ids it uses. */
export function sheetParts(sheet: GridSheet, sst: SharedStrings, no: PartNumbers): SheetParts {
  const sheetNo = no.sheet;
  const firstTableId = no.table;
  const data = new ByteSink(1 << 20);
  const notes: Array<{ ref: string; row: number; col: number; text: string }> = [];
  const links: string[] = [];
  let maxRow = -1;
  let maxCol = -1;
  let last = sheet.rows.length - 1;
  for (const r of sheet.heights.keys()) if (r > last) last = r;
  for (let r = 0; r <= last; r++) {
    const cells = sheet.rows[r];
    const h = sheet.heights.get(r);
    if (!cells && h === undefined) continue;
    const rowNo = String(r + 1);
    data.ascii(`<row r="${rowNo}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ""}`);
    let any = false;
    if (cells) {
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell) continue;
        if (!any) data.ascii(">");
        any = true;
        writeCell(data, letter(c), rowNo, cell, sst);
        if (c > maxCol) maxCol = c;
        if (cell.note) notes.push({ ref: letter(c) + rowNo, row: r, col: c, text: cell.note });
        if (cell.link) links.push(`<hyperlink ref="${letter(c) + rowNo}" location="${escapeXml(cell.link)}"/>`);
      }
    }
    if (any) {
      maxRow = r;
      data.ascii("</row>");
    } else data.ascii("/>");
  }
  const dimension = maxRow < 0 ? "A1" : `A1:${letter(maxCol)}${maxRow + 1}`;
  const rels: SheetParts["rels"] = [];
  const out: string[] = [
    XML_HEAD,
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    sheet.pageSetup ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    `<dimension ref="${dimension}"/>`,
    viewsXml(sheet),
    '<sheetFormatPr defaultRowHeight="15"/>',
    colsXml(sheet),
  ];
  const tail: string[] = [];
  if (sheet.protect) tail.push(`<sheetProtection sheet="1" ${PROTECTION_ALLOWS.map((k) => `${k}="0"`).join(" ")}/>`);
  if (sheet.merges.length) tail.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${letter(m.left)}${m.top + 1}:${letter(m.right)}${m.bottom + 1}"/>`).join("")}</mergeCells>`);
  for (const f of sheet.formats) tail.push(`<conditionalFormatting sqref="${f.sqref}"><cfRule type="expression" dxfId="${f.dxf}" priority="${f.priority}"><formula>${escapeXml(f.formula)}</formula></cfRule></conditionalFormatting>`);
  tail.push(validationsXml(sheet));
  if (links.length) tail.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  tail.push(pageXml(sheet));
  let comments: string | undefined;
  let vml: string | undefined;
  if (notes.length) {
    rels.push({ type: "comments", target: `../comments${sheetNo}.xml` }, { type: "vmlDrawing", target: `../drawings/vmlDrawing${sheetNo}.vml` });
    tail.push(`<legacyDrawing r:id="rId${rels.length}"/>`);
    comments = commentsXml(notes);
    vml = vmlXml(notes, no.shapeBlock);
    no.shapeBlock += Math.ceil(notes.length / 1024);
  }
  no.table += sheet.tables.length;
  const tables = sheet.tables.map((t, i) => tableXml(t, firstTableId + i));
  sheet.tables.forEach((_, i) => rels.push({ type: "table", target: `../tables/table${firstTableId + i}.xml` }));
  if (tables.length) {
    const first = rels.length - tables.length + 1;
    tail.push(`<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${first + i}"/>`).join("")}</tableParts>`);
  }
  tail.push("</worksheet>");
  const xml = new ByteSink(data.result().length + (1 << 16));
  xml.text(out.join(""));
  xml.ascii("<sheetData>");
  xml.bytes(data.result());
  xml.ascii("</sheetData>");
  xml.text(tail.join(""));
  return { sheet: xml.result(), rels, tables, comments, vml };
}

function tableXml(t: GridTable, id: number): string {
  const cols = t.columns.map((name, i) => {
    const total = t.totals?.[i];
    const extra = total ? (total.label !== undefined ? ` totalsRowLabel="${escapeXml(total.label)}"` : ' totalsRowFunction="none"') : "";
    return `<tableColumn id="${i + 1}" name="${escapeXml(name)}"${extra}/>`;
  });
  const totals = t.totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"';
  return (
    `${XML_HEAD}<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(t.name)}" displayName="${escapeXml(t.name)}" ref="${t.ref}"${totals}>` +
    `<autoFilter ref="${t.filterRef}"/><tableColumns count="${cols.length}">${cols.join("")}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="0" showColumnStripes="0"/></table>`
  );
}

function commentsXml(notes: ReadonlyArray<{ ref: string; text: string }>): string {
  const list = notes.map((n) => `<comment ref="${n.ref}" authorId="0"><text><r>${textElement(n.text)}</r></text></comment>`);
  return `${XML_HEAD}<comments xmlns="${MAIN_NS}"><authors><author>jobplan</author></authors><commentList>${list.join("")}</commentList></comments>`;
}

/** The note boxes Excel draws (hidden until the cell is pointed at); shape ids from `block` * 1024 on. */
function vmlXml(notes: ReadonlyArray<{ row: number; col: number }>, block: number): string {
  const blocks = Array.from({ length: Math.ceil(notes.length / 1024) }, (_, i) => block + i);
  const shapes = notes.map((n, i) => {
    const anchor = [n.col + 1, 15, Math.max(0, n.row - 1), 10, n.col + 3, 15, n.row + 3, 4].join(", ");
    return (
      `<v:shape id="_x0000_s${block * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(",")}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    shapes.join("") +
    `</xml>`
  );
}

/** A part's relationships. */
export function relsXml(rels: ReadonlyArray<{ type: string; target: string }>, base: string = REL_NS): string {
  const items = rels.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${base}/${r.type}" Target="${escapeXml(r.target)}"/>`);
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${items.join("")}</Relationships>`;
}

export { MAIN_NS, REL_NS, XML_HEAD };
