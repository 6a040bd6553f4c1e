/**
 * .xlsx files written by hand, part by part, for the reliability tests and the CLI bench:
 * the shapes other programs write (openpyxl: absolute part paths in every relationship,
 * formulas without cached values) and hostile ones (a cell at XFD1048576, a shared string of
 * hundreds of millions of characters streamed into the archive).
 */
import { a1, columnIndex, parseA1, parseBox } from "../src/core/a1";
import type { CellSpec, WorkbookSpec } from "../src/workbook/workbook-model";
import { writeZip, type ZipPart } from "./zip-writer";

export type RawValue = string | number | boolean | null | { formula: string } | { error: string };

export interface RawTable {
  name: string;
  ref: string;
  columns: string[];
  totalsRow?: boolean;
}

export interface RawSheet {
  name: string;
  cells: Array<{ ref: string; value: RawValue }>;
  tables?: RawTable[];
  merges?: string[];
}

export interface HandmadeOptions {
  /** Relationship targets written as absolute part names ("/xl/..."), as openpyxl does. */
  absolute?: boolean;
  /** One shared string of this many characters in the given cell (streamed, never held). */
  hugeString?: { sheet: string; ref: string; length: number };
  /** Extra parts, e.g. a vbaProject.bin. */
  extraParts?: ZipPart[];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

function rowOf(ref: string): number {
  return parseA1(ref)!.row;
}

/** The sheets of a jobplan WorkbookSpec as raw cells and tables (values as the spec holds them). */
export function specSheets(spec: WorkbookSpec): RawSheet[] {
  return spec.sheets.map((sheet) => {
    const cells: RawSheet["cells"] = [];
    const tables: RawTable[] = [];
    for (const t of sheet.tables) {
      const { row, col } = t.origin;
      t.columns.forEach((c, i) => cells.push({ ref: a1(row, col + i), value: c.header.ko }));
      const rows: CellSpec[][] = t.rows.length ? t.rows : [t.columns.map((): CellSpec => ({ value: null }))];
      rows.forEach((r, ri) =>
        r.forEach((cell, ci) => {
          const value: RawValue = cell.formula !== undefined ? { formula: cell.formula } : ((cell.value ?? null) as RawValue);
          if (value !== null) cells.push({ ref: a1(row + 1 + ri, col + ci), value });
        }),
      );
      const last = row + rows.length + (t.totals ? 1 : 0);
      (t.totals ?? []).forEach((cell, ci) => {
        const value: RawValue = cell.formula !== undefined ? { formula: cell.formula } : ((cell.value ?? null) as RawValue);
        if (value !== null) cells.push({ ref: a1(last, col + ci), value });
      });
      tables.push({
        name: t.name,
        ref: `${a1(row, col)}:${a1(last, col + t.columns.length - 1)}`,
        columns: t.columns.map((c) => c.header.ko),
        totalsRow: !!t.totals,
      });
    }
    for (const c of sheet.cells ?? []) {
      const value: RawValue = c.cell.formula !== undefined ? { formula: c.cell.formula } : ((c.cell.value ?? null) as RawValue);
      if (value !== null) cells.push({ ref: a1(c.row, c.col), value });
    }
    return { name: sheet.name, cells, tables };
  });
}

export async function writeHandmadeXlsx(file: string, sheets: RawSheet[], opts: HandmadeOptions = {}): Promise<void> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const target = (p: string) => (opts.absolute ? `/${p}` : p.replace(/^xl\//, ""));
  const huge = opts.hugeString;
  const parts: ZipPart[] = [];
  let tableNo = 0;
  const overrides: string[] = [];
  sheets.forEach((sheet, si) => {
    const byRow = new Map<number, string[]>();
    const cells = [...sheet.cells].sort(
      (a, b) => rowOf(a.ref) - rowOf(b.ref) || columnIndex(a.ref.replace(/\d+$/, "")) - columnIndex(b.ref.replace(/\d+$/, "")),
    );
    for (const c of cells) {
      const v = c.value;
      let xml: string;
      if (huge && huge.sheet === sheet.name && huge.ref === c.ref) xml = `<c r="${c.ref}" t="s"><v>HUGE</v></c>`;
      else if (v === null) continue;
      else if (typeof v === "number") xml = `<c r="${c.ref}"><v>${v}</v></c>`;
      else if (typeof v === "boolean") xml = `<c r="${c.ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
      else if (typeof v === "string") xml = `<c r="${c.ref}" t="s"><v>${sst(v)}</v></c>`;
      else if ("formula" in v) xml = `<c r="${c.ref}"><f>${esc(v.formula.replace(/^=/, ""))}</f></c>`;
      else xml = `<c r="${c.ref}" t="e"><v>${esc(v.error)}</v></c>`;
      const r = rowOf(c.ref);
      if (!byRow.has(r)) byRow.set(r, []);
      byRow.get(r)!.push(xml);
    }
    if (huge && huge.sheet === sheet.name && !cells.some((c) => c.ref === huge.ref)) {
      const r = rowOf(huge.ref);
      if (!byRow.has(r)) byRow.set(r, []);
      byRow.get(r)!.push(`<c r="${huge.ref}" t="s"><v>HUGE</v></c>`);
    }
    const rows = [...byRow.keys()].sort((a, b) => a - b).map((r) => `<row r="${r + 1}">${byRow.get(r)!.join("")}</row>`);
    const tables = sheet.tables ?? [];
    const merges = sheet.merges?.length
      ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
      : "";
    const tableParts = tables.length
      ? `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`
      : "";
    const sheetPart = `xl/worksheets/sheet${si + 1}.xml`;
    parts.push({
      name: sheetPart,
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>${rows.join("")}</sheetData>${merges}${tableParts}</worksheet>`,
    });
    overrides.push(`<Override PartName="/${sheetPart}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    if (tables.length) {
      const rels = tables.map((t, i) => {
        tableNo++;
        const part = `xl/tables/table${tableNo}.xml`;
        const box = parseBox(t.ref);
        const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${esc(c)}"/>`).join("");
        parts.push({
          name: part,
          content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${tableNo}" name="${t.name}" displayName="${t.name}" ref="${t.ref}"${t.totalsRow ? ' totalsRowCount="1"' : ""}>${box ? `<autoFilter ref="${a1(box.top, box.left)}:${a1(box.bottom - (t.totalsRow ? 1 : 0), box.right)}"/>` : ""}<tableColumns count="${t.columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium9" showRowStripes="1"/></table>`,
        });
        overrides.push(`<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`);
        return `<Relationship Id="rId${i + 1}" Type="${REL}/table" Target="${opts.absolute ? `/${part}` : `../tables/table${tableNo}.xml`}"/>`;
      });
      parts.push({
        name: `xl/worksheets/_rels/sheet${si + 1}.xml.rels`,
        content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${rels.join("")}</Relationships>`,
      });
    }
  });
  const sstHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`;
  const hugeAt = strings.length;
  parts.push({
    name: "xl/sharedStrings.xml",
    content: () =>
      (function* () {
        yield sstHead + strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("");
        if (huge) {
          yield "<si><t>";
          const block = "가".repeat(1 << 20);
          for (let left = huge.length; left > 0; left -= block.length) yield left >= block.length ? block : block.slice(0, left);
          yield "</t></si>";
        }
        yield "</sst>";
      })(),
  });
  if (huge) {
    for (const p of parts) if (typeof p.content === "string") p.content = p.content.replace(/<v>HUGE<\/v>/g, `<v>${hugeAt}</v>`);
  }
  const sheetEntries = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const wbRels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(`xl/worksheets/sheet${i + 1}.xml`)}"/>`);
  wbRels.push(`<Relationship Id="rId${sheets.length + 1}" Type="${REL}/sharedStrings" Target="${target("xl/sharedStrings.xml")}"/>`);
  parts.unshift(
    {
      name: "[Content_Types].xml",
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${overrides.join("")}</Types>`,
    },
    {
      name: "_rels/.rels",
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${opts.absolute ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS}><workbookPr/><sheets>${sheetEntries}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}">${wbRels.join("")}</Relationships>`,
    },
  );
  parts.push(...(opts.extraParts ?? []));
  await writeZip(file, parts);
}
