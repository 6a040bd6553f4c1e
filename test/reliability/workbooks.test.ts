/**
 * Reliability catalogue, workbooks: files saved by LibreOffice, openpyxl and ExcelJS are
 * read alike; hostile workbooks (a cell at XFD1048576, a 300-million-character string) are
 * read in bounded memory; what summarize cannot rewrite without loss (macros, charts, pivot
 * tables) or at all is refused before anything is written; broken archives end in one line.
 */
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { importPlanText } from "../../src/import";
import { checkPlan } from "../../src/core";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { buildCliBundle, runJobplan } from "../../bench/cli-run";
import { cleanupRecalc, recalcWithLibreOffice } from "../../bench/workbook-helpers";
import { specSheets, writeHandmadeXlsx, type RawSheet } from "../../bench/xlsx-handmade";
import { writeZip } from "../../bench/zip-writer";
import { ZipArchive } from "../../src/cli/zip-archive";
import { caseDir, changes, cli, findingCodes, fingerprint, SAMPLE_TEXT, sampleWorkbook } from "./harness";

jest.setTimeout(240_000);

const { plan, findings } = importPlanText(SAMPLE_TEXT);
const SHEETS: RawSheet[] = specSheets(buildWorkbookSpec(plan, [...findings, ...checkPlan(plan)]));
const MEMO = (cells: RawSheet["cells"]): RawSheet => ({ name: "메모", cells });

let reference: string[];
const dir = caseDir();

beforeAll(async () => {
  buildCliBundle();
  await sampleWorkbook(path.join(dir, "exceljs.xlsx"));
  reference = await findingCodes(dir, "exceljs.xlsx");
  expect(reference).toContain("error:malformed-number");
});

/** Runs summarize on a copy and says whether it succeeded or left every file as it was. */
async function summarizeSucceedsOrChangesNothing(file: string): Promise<"succeeded" | "refused"> {
  const d = caseDir();
  copyFileSync(file, path.join(d, "wb.xlsx"));
  const before = fingerprint(d);
  const r = await cli(d, ["summarize", "wb.xlsx"]);
  if (r.code === 0 || r.code === 1) {
    expect(changes(before, fingerprint(d))).toEqual(["wb.xlsx"]);
    expect((await cli(d, ["check", "wb.xlsx"])).code).toBe(r.code);
    return "succeeded";
  }
  expect(r.code).toBe(2);
  expect(r.err.trim().split("\n")).toHaveLength(1);
  expect(changes(before, fingerprint(d))).toEqual([]);
  return "refused";
}

describe("workbooks saved by other programs", () => {
  test("a workbook saved by LibreOffice (tables without <tableStyleInfo>) reads with the same findings, and summarize rewrites it", async () => {
    const saved = recalcWithLibreOffice(path.join(dir, "exceljs.xlsx"));
    try {
      const zip = readFileSync(saved);
      expect(zip.includes(Buffer.from("tableStyleInfo"))).toBe(false);
      copyFileSync(saved, path.join(dir, "libreoffice.xlsx"));
    } finally {
      cleanupRecalc(saved);
    }
    expect(await findingCodes(dir, "libreoffice.xlsx")).toEqual(reference);
    expect(await summarizeSucceedsOrChangesNothing(path.join(dir, "libreoffice.xlsx"))).toBe("succeeded");
  });

  test("an openpyxl-shaped workbook (absolute part paths, formulas without cached values) reads with the same findings, and summarize rewrites it", async () => {
    await writeHandmadeXlsx(path.join(dir, "openpyxl.xlsx"), SHEETS, { absolute: true });
    const zip = await ZipArchive.open(path.join(dir, "openpyxl.xlsx"));
    expect(await zip.text("xl/worksheets/_rels/sheet1.xml.rels")).toContain('Target="/xl/tables/table1.xml"');
    zip.close();
    expect(await findingCodes(dir, "openpyxl.xlsx")).toEqual(reference);
    expect(await summarizeSucceedsOrChangesNothing(path.join(dir, "openpyxl.xlsx"))).toBe("succeeded");
  });

  test("a plan typed into a plain sheet (no Excel tables) is read from its used block", async () => {
    const task = SHEETS.find((s) => s.name === "추진계획")!;
    await writeHandmadeXlsx(path.join(dir, "plain.xlsx"), [{ name: "내 계획", cells: task.cells.map((c) => ({ ...c, ref: c.ref })) }]);
    const r = await cli(dir, ["check", "plain.xlsx", "--json"]);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out) as Array<{ code: string; location: { sheet?: string; cell?: string } }>;
    expect(found.find((f) => f.code === "malformed-number")?.location).toMatchObject({ sheet: "내 계획", cell: "E11" });
  });
});

describe("hostile workbooks: memory bounded by the plan's tables", () => {
  const HOSTILE: Array<[string, RawSheet[], Parameters<typeof writeHandmadeXlsx>[2]]> = [
    ["an extra sheet with cells A1 and XFD1048576", [...SHEETS, MEMO([{ ref: "A1", value: "메모" }, { ref: "XFD1048576", value: "끝" }])], {}],
    ["an extra sheet with cells A1 and A1048576", [...SHEETS, MEMO([{ ref: "A1", value: "메모" }, { ref: "A1048576", value: "끝" }])], {}],
    ["one 300-million-character shared string on an extra sheet", [...SHEETS, MEMO([{ ref: "A1", value: "메모" }])], { hugeString: { sheet: "메모", ref: "B2", length: 300_000_000 } }],
  ];

  test.each(HOSTILE)("check of a workbook with %s reads the plan under 300 MB, and summarize succeeds or changes nothing", async (name, sheets, opts) => {
    const file = path.join(dir, `hostile-${name.length}.xlsx`);
    await writeHandmadeXlsx(file, sheets, opts);
    const before = fingerprint(dir);
    const run = runJobplan(["check", file, "--json"]);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Array<{ severity: string; code: string }>).map((f) => `${f.severity}:${f.code}`).sort()).toEqual(reference);
    expect(run.peakMb).toBeGreaterThan(0);
    expect(run.peakMb).toBeLessThan(300);
    expect(changes(before, fingerprint(dir))).toEqual([]);
    await summarizeSucceedsOrChangesNothing(file);
  });

  test("a text over Excel's 32,767-character limit inside a plan table: exit 2 naming the cell", async () => {
    const file = path.join(dir, "overlong-cell.xlsx");
    await writeHandmadeXlsx(file, SHEETS, { hugeString: { sheet: "추진계획", ref: "B3", length: 40_000 } });
    const r = await cli(dir, ["check", file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: ${file}의 추진계획!B3 칸에 Excel의 한도(32,767자)를 넘는 글이 있습니다 (Excel이 저장한 파일이 아닙니다: 그 칸을 고치세요)\n`);
  });

  test("summarize of a workbook holding a text over Excel's limit is refused before writing", async () => {
    const d = caseDir();
    await writeHandmadeXlsx(path.join(d, "wb.xlsx"), [...SHEETS, MEMO([{ ref: "A1", value: "메모" }])], { hugeString: { sheet: "메모", ref: "A2", length: 50_000 } });
    const before = fingerprint(d);
    const r = await cli(d, ["summarize", "wb.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Excel의 한 칸 한도(32,767자)를 넘는 글이 있어 아무것도 쓰지 않았습니다");
    expect(changes(before, fingerprint(d))).toEqual([]);
  });

  test("a large Excel table of other data (RawData, 300,000 rows) beside the plan is not held: check reads the plan under 300 MB", async () => {
    const rows = 300_000;
    const data: RawSheet = {
      name: "원자료",
      cells: [{ ref: "A1", value: "번호" }, { ref: "B1", value: "금액" }, ...Array.from({ length: rows }, (_, i) => [{ ref: `A${i + 2}`, value: i }, { ref: `B${i + 2}`, value: i * 10 }]).flat()],
      tables: [{ name: "RawData", ref: `A1:B${rows + 1}`, columns: ["번호", "금액"] }],
    };
    const file = path.join(dir, "raw-data.xlsx");
    await writeHandmadeXlsx(file, [...SHEETS, data]);
    const run = runJobplan(["check", file, "--json"]);
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as Array<{ severity: string; code: string }>).map((f) => `${f.severity}:${f.code}`).sort()).toEqual(reference);
    expect(run.peakMb).toBeLessThan(300);
  });

  test("an Excel table whose range covers a million rows: exit 2 naming the table, not an exhausted memory", async () => {
    const sheets = SHEETS.map((s) => (s.name === "세부사업" ? { ...s, tables: s.tables!.map((t) => ({ ...t, ref: t.ref.replace(/\d+$/, "1048576") })) } : s));
    const file = path.join(dir, "whole-column-table.xlsx");
    await writeHandmadeXlsx(file, sheets);
    const r = await cli(dir, ["check", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/의 표 세부사업!A1:I1048576이 jobplan이 읽는 크기\(200,000행\)를 넘습니다/);
  });
});

describe("what summarize cannot rewrite without loss is refused before anything is written", () => {
  const VBA = { name: "xl/vbaProject.bin", content: Buffer.from("not really VBA, but the part ExcelJS would drop") };
  const CASES: Array<[string, string, Parameters<typeof writeHandmadeXlsx>[2], RegExp]> = [
    ["a macro-enabled workbook (.xlsm with vbaProject.bin)", "plan.xlsm", { extraParts: [VBA] }, /매크로가 있는 통합문서입니다/],
    ["an .xlsx holding vbaProject.bin", "plan.xlsx", { extraParts: [VBA] }, /매크로가 있는 통합문서입니다/],
    ["a workbook with a chart", "chart.xlsx", { extraParts: [{ name: "xl/charts/chart1.xml", content: "<c:chartSpace/>" }] }, /차트: xl\/charts\/chart1\.xml/],
    ["a workbook with a pivot table", "pivot.xlsx", { extraParts: [{ name: "xl/pivotTables/pivotTable1.xml", content: "<pivotTableDefinition/>" }] }, /피벗 테이블/],
    ["a workbook with external links", "links.xlsx", { extraParts: [{ name: "xl/externalLinks/externalLink1.xml", content: "<externalLink/>" }] }, /외부 연결/],
  ];

  test.each(CASES)("%s: exit 2, nothing written; check still reads it", async (_name, file, opts, message) => {
    const d = caseDir();
    await writeHandmadeXlsx(path.join(d, file), SHEETS, opts);
    const before = fingerprint(d);
    const r = await cli(d, ["summarize", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("아무것도 쓰지 않았습니다");
    expect(changes(before, fingerprint(d))).toEqual([]);
    expect((await cli(d, ["check", file])).code).toBe(1);
  });
});

describe("archives that are no readable workbook end in one line, exit 2", () => {
  async function broken(name: string, make: (file: string) => Promise<void> | void, message: RegExp): Promise<void> {
    const d = caseDir();
    const file = path.join(d, name);
    await make(file);
    const before = fingerprint(d);
    for (const command of ["check", "summarize"]) {
      const r = await cli(d, [command, name]);
      expect([command, r.code]).toEqual([command, 2]);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split("\n")).toHaveLength(1);
    }
    expect(changes(before, fingerprint(d))).toEqual([]);
  }

  test("a text file named .xlsx: not a zip archive", () => broken("notes.xlsx", (f) => writeFileSync(f, "메모입니다"), /\.xlsx 파일이 아닙니다 \(zip 형식이 아님\)/));
  test("an empty file named .xlsx: not a zip archive", () => broken("empty.xlsx", (f) => writeFileSync(f, ""), /zip 형식이 아님/));
  test("a workbook cut in half (an interrupted download)", () =>
    broken(
      "half.xlsx",
      async (f) => {
        await sampleWorkbook(f);
        writeFileSync(f, readFileSync(f).subarray(0, 9000));
      },
      /\.xlsx 파일을 읽을 수 없습니다: .*half\.xlsx \(Excel에서 열어 다시 저장해 보세요; 원인: zip: /,
    ));
  test("a zip that holds no workbook", () => broken("other.xlsx", (f) => writeZip(f, [{ name: "readme.txt", content: "hello" }]), /원인: no workbook part/));
  test("a sheet whose XML is cut off", () =>
    broken(
      "cut-xml.xlsx",
      (f) =>
        writeZip(f, [
          { name: "_rels/.rels", content: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
          { name: "xl/workbook.xml", content: `<workbook xmlns:r="r"><sheets><sheet name="추진계획" sheetId="1" r:id="rId1"/></sheets></workbook>` },
          { name: "xl/_rels/workbook.xml.rels", content: `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
          { name: "xl/worksheets/sheet1.xml", content: `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>추진전략</t></is></c><c r="B1" t="inlineStr"><is><t>실천` },
        ]),
      /원인: XML: /,
    ));
  test("a table whose range is not a range", async () => {
    const sheets = SHEETS.map((s) => (s.name === "추진계획" ? { ...s, tables: s.tables!.map((t) => ({ ...t, ref: "A1:ZZZZ" })) } : s));
    await broken("bad-ref.xlsx", (f) => writeHandmadeXlsx(f, sheets), /원인: table TaskPlans has a bad range "A1:ZZZZ"/);
  });
});
