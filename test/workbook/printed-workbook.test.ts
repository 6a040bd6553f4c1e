/**
 * The demo workbook (the Seo-gu sample imported, as `npm run demo` writes it) as a 주무관
 * prints and reads it: A4 landscape fitted to the page width on every sheet, 요약 on one
 * page with its titles and unit lines, findings linked to their cells from the first import,
 * Korean words only, one font, the published number format, notes where text is left out of
 * the sums. LibreOffice prints it to PDF; pages of 요약, 분야별 목표 and 검증 are written to
 * test-output/ as images.
 */
import { mkdirSync, readFileSync, statSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { runCli, type CliIO } from "../../src/cli/run-cli";
import { SUMMARY_FORMAT, YEAR_FORMAT } from "../../src/workbook/columns";
import { FONT } from "../../src/workbook/sheet-layout";
import { SHEET_NAMES } from "../../src/workbook/template-sheets";
import { pageImage, pageTexts, printToPdf, sheetXml } from "./helpers/pdf";
import { REPO, readWorkbook, tempDir } from "./helpers/workbook-files";
import { SUMMARY_FIRST } from "./helpers/layout";

jest.setTimeout(240_000);

const OUTPUT = path.join(REPO, "test-output");

function io(cwd: string): CliIO {
  return { stdout: () => undefined, stderr: () => undefined, cwd, env: {} };
}

/** Runs the CLI in a temp directory and returns the path of the workbook it wrote. */
/** Runs the CLI; `import` of a plan with errors ends with 1 (it says so), anything else with 0. */
async function cli(args: string[], file: string, exit = 0): Promise<string> {
  const dir = tempDir();
  expect(await runCli(args, io(dir))).toBe(exit);
  return path.join(dir, file);
}

const demo = () => cli(["demo"], path.join("out", "seogu-2020.xlsx"));

/** Words that must not appear on the Korean workbook's sheets (codes, English labels, status words). */
const ENGLISH = [
  "strategy",
  "task",
  "project",
  "name",
  "region",
  "year",
  "rounding",
  "half-up",
  "largest-remainder",
  "line",
  "Total",
  "OK",
  "MISMATCH",
  "error",
  "warning",
  "info",
  "National",
  "Province",
  "Municipal",
  "Private",
  "Key",
  "Value",
  "English",
  "jobplan",
  "Y",
  "N",
  "Page",
];
const ENGLISH_WORD = new RegExp(`(^|[^A-Za-z-])(${ENGLISH.join("|")})(?![A-Za-z-])`);

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && v && "formula" in v) return "";
  if (typeof v === "object" && v && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
  if (typeof v === "object" && v && "text" in v) return String((v as { text: unknown }).text);
  return String(v);
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return ((note as ExcelJS.Comment).texts ?? []).map((t) => t.text).join("");
}

/** Every word a person sees on a sheet: shown cells, notes, input prompts and messages, the footer. */
function visibleTexts(wb: ExcelJS.Workbook, skip: (sheet: string, header: string) => boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const ws of wb.worksheets) {
    const headerOf = new Map<number, string>();
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const col = Number(cell.col);
        if (ws.getColumn(col).hidden) return;
        const header = headerOf.get(col) ?? "";
        const text = cellText(cell);
        if (text === "코드") headerOf.set(col, text);
        if (!skip(ws.name, header)) out.push([`${ws.name}!${cell.address}`, text]);
        if (cell.note) out.push([`${ws.name}!${cell.address} (메모)`, noteText(cell.note)]);
      }),
    );
    const dv = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    for (const [at, rule] of Object.entries(dv)) out.push([`${ws.name}!${at} (입력 안내)`, [rule.promptTitle, rule.prompt, rule.errorTitle, rule.error].filter(Boolean).join(" ")]);
    // The footer without its codes (&A sheet name, &P page, &N pages, &L / &R sections).
    out.push([`${ws.name} (바닥글)`, (ws.headerFooter?.oddFooter ?? "").replace(/&[A-Z]/g, " ")]);
  }
  return out;
}

function englishLeaks(wb: ExcelJS.Workbook): string[] {
  const codeColumn = (sheet: string, header: string) => sheet === SHEET_NAMES.findings && header === "코드";
  return visibleTexts(wb, codeColumn)
    .filter(([, text]) => ENGLISH_WORD.test(text))
    .map(([at, text]) => `${at}: ${text.slice(0, 80)}`);
}

describe("the demo workbook, printed", () => {
  let file: string;
  let pdf: string;
  let pages: string[];

  beforeAll(async () => {
    file = await demo();
    pdf = printToPdf(file, tempDir());
    pages = pageTexts(pdf);
  });

  it("sets every sheet to A4 landscape, one page wide, header rows repeated, a footer with the sheet name and page n/m", async () => {
    const xml = await sheetXml(readFileSync(file));
    expect([...xml.keys()]).toEqual(["요약", "분야별 목표", "세부사업", "추진계획", "공통목표", "추진일정", "검증", "설정"]);
    for (const [name, sheet] of xml) {
      const setup = /<pageSetup [^>]*>/.exec(sheet)?.[0] ?? "";
      expect([name, /paperSize="9"/.test(setup), /orientation="landscape"/.test(setup), /fitToWidth="1"/.test(setup)]).toEqual([name, true, true, true]);
      expect([name, /<pageSetUpPr [^>]*fitToPage="1"/.test(sheet)]).toEqual([name, true]);
      expect([name, /<oddFooter>[^<]*&amp;A[^<]*&amp;P \/ &amp;N/.test(sheet)]).toEqual([name, true]);
    }
    // 요약 is scaled to one page tall as well; the others run on as long as they need.
    expect(/fitToHeight="1"/.test(/<pageSetup [^>]*>/.exec(xml.get("요약")!)![0])).toBe(true);
    const book = await (await import("jszip")).default.loadAsync(readFileSync(file)).then((z) => z.file("xl/workbook.xml")!.async("string"));
    expect(book.match(/<definedName name="_xlnm.Print_Titles"/g)?.length).toBe(8);
  });

  it("prints 요약 on one page with its titles and unit lines, and the whole workbook in few pages", () => {
    const [first, second] = pages;
    for (const text of ["□ '20년 지역 일자리 목표 요약", "(단위: 백만원, 명, %)", "□ '20년 일자리창출 핵심 전략", "(단위: 명, 백만원)", "청년 창업 인프라 조성", "민간기업 유치 및 상생협력"]) {
      expect([text, first.includes(text)]).toEqual([text, true]);
    }
    // The footer: sheet name and page n of m.
    expect(first).toMatch(new RegExp(`요약[\\s\\S]*1 / ${pages.length}쪽`));
    expect(second).toContain("□ '20년 분야별 일자리 목표");
    expect(second).not.toContain("일자리창출 핵심 전략");
    // It printed as 32 pages before (요약 on three).
    expect(pages.length).toBeLessThanOrEqual(12);
  });

  it("writes images of 요약, 분야별 목표 and 검증 to test-output/", () => {
    mkdirSync(OUTPUT, { recursive: true });
    const findingsPage = pages.findIndex((p) => p.includes("□ 검증 결과")) + 1;
    expect(findingsPage).toBeGreaterThan(2);
    const images = [
      pageImage(pdf, 1, path.join(OUTPUT, "workbook-summary")),
      pageImage(pdf, 2, path.join(OUTPUT, "workbook-strategy")),
      pageImage(pdf, findingsPage, path.join(OUTPUT, "workbook-findings")),
    ];
    for (const img of images) expect(statSync(img).size).toBeGreaterThan(20_000);
  });
});

describe("the demo workbook's 검증 sheet", () => {
  it("links every finding to the cell its figure went to, from the first import on", async () => {
    const file = await demo();
    const wb = await readWorkbook(file);
    const ws = wb.getWorksheet("검증")!;
    const xml = (await sheetXml(readFileSync(file))).get("검증")!;
    const links = new Map([...xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]+)"\/>/g)].map((m) => [m[1], m[2].replace(/&apos;/g, "'")]));
    // Header on row 3; one row a finding below it.
    const rows: number[] = [];
    for (let r = 4; ws.getCell(`A${r}`).value; r++) rows.push(r);
    expect(rows.length).toBe(18);
    let figures = 0;
    for (const r of rows) {
      const where = cellText(ws.getCell(`C${r}`));
      const m = /^(.+)!([A-Z]+\d+)$/.exec(where);
      expect([r, where, !!m]).toEqual([r, where, true]);
      expect([r, links.get(`C${r}`)]).toEqual([r, `'${m![1]}'!${m![2]}`]);
      // The linked cell holds the figure the finding is about (as written, for a malformed one).
      const target = wb.getWorksheet(m![1])!.getCell(m![2]);
      const actual = ws.getCell(`G${r}`).value;
      // (민자 left out of a summary names the summary's cell, which prints "-".)
      if (typeof actual === "number" && typeof target.value === "number") {
        expect([where, target.value]).toEqual([where, actual]);
        figures++;
      }
      expect([where, target.value === null]).toEqual([where, false]);
    }
    expect(figures).toBeGreaterThanOrEqual(10);
    // Worst first, with the source text line kept in its own column and the code beside the Korean label.
    const severities = rows.map((r) => cellText(ws.getCell(`A${r}`)));
    expect(severities).toEqual([...severities].sort((a, b) => ["오류", "경고", "참고"].indexOf(a) - ["오류", "경고", "참고"].indexOf(b)));
    expect(new Set(severities)).toEqual(new Set(["오류", "경고", "참고"]));
    expect([cellText(ws.getCell("B4")), cellText(ws.getCell("C4")), ws.getCell("I4").value, cellText(ws.getCell("J4"))]).toEqual(["잘못된 숫자", "추진계획!E11", 1091, "malformed-number"]);
    expect(wb.getWorksheet("추진계획")!.getCell("E11").value).toBe("867,5000천원");
    // Messages do not repeat the names already in 항목.
    for (const r of rows) {
      const item = cellText(ws.getCell(`D${r}`));
      if (item && item !== "합계") expect([r, cellText(ws.getCell(`E${r}`)).startsWith(item.split(" › ")[0] + " ›")]).toEqual([r, false]);
    }
    // Rows coloured by severity.
    expect(/<conditionalFormatting sqref="A4:J\d+"><cfRule [^>]*><formula>\$A4=&quot;오류&quot;/.test(xml)).toBe(true);
  });
});

describe("the Korean workbook", () => {
  it("holds no English words on its sheets, in the imported plan and in the empty template", async () => {
    const imported = await readWorkbook(await demo());
    expect(englishLeaks(imported)).toEqual([]);
    const template = await readWorkbook(await cli(["template", "-o", "t.xlsx", "--year", "2021"], "t.xlsx"));
    expect(englishLeaks(template)).toEqual([]);
    // The English workbook is allowed its words: the check finds them there.
    const en = await readWorkbook(await cli(["import", path.join(REPO, "samples", "seogu-2020-jobs-plan.txt"), "-o", "en.xlsx", "--lang", "en"], "en.xlsx", 1));
    expect(englishLeaks(en).length).toBeGreaterThan(10);
  });

  it("uses one font, the published number format, years as years, tints and notes", async () => {
    const wb = await readWorkbook(await demo());
    const fonts = new Set<string>();
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void fonts.add(String(cell.font?.name)))));
    expect(fonts).toEqual(new Set([FONT.name]));
    const summary = wb.getWorksheet("요약")!;
    for (const c of ["D", "E", "F", "G"]) expect([c, summary.getCell(`${c}${SUMMARY_FIRST + 1}`).numFmt]).toEqual([c, SUMMARY_FORMAT]);
    // 산출 columns are tinted, declared ones are not.
    expect((summary.getCell(`F${SUMMARY_FIRST + 1}`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFEAF2FB");
    expect((summary.getCell(`D${SUMMARY_FIRST + 1}`).fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    // Every row holds its strategy (the table stays a table); a rule hides a name equal to the one above.
    expect([14, 15, 16].map((r) => summary.getCell(`A${r}`).value)).toEqual(Array(3).fill("청년 행복 일자리 확대"));
    const xml = (await sheetXml(readFileSync(await demo()))).get("요약")!;
    expect(/<conditionalFormatting sqref="A13:A\d+"><cfRule [^>]*><formula>[^<]*\$A13=\$A12/.test(xml)).toBe(true);
    expect(/<conditionalFormatting sqref="H13:H\d+"><cfRule [^>]*><formula>\$H13=&quot;불일치&quot;/.test(xml)).toBe(true);
    // Projects one per line, the row tall enough for them (seven projects: 공공서비스 일자리).
    const row = [...Array(20).keys()].map((i) => summary.getRow(SUMMARY_FIRST + i)).find((r) => String(r.getCell(2).value) === "공공서비스 일자리 사업 추진")!;
    expect(String(row.getCell(3).value).split("\n")).toHaveLength(7);
    expect(row.height).toBeGreaterThanOrEqual(7 * 15);
    const settings = wb.getWorksheet("설정")!;
    const year = [...Array(10).keys()].map((i) => settings.getRow(i + 2)).find((r) => r.getCell(1).value === "연도")!;
    expect([year.getCell(2).value, year.getCell(2).numFmt]).toEqual([2020, YEAR_FORMAT]);
    // The malformed figure left out of the sums says so on its cell.
    expect(noteText(wb.getWorksheet("추진계획")!.getCell("E11").note)).toContain("합계(산출 열)에서 빠집니다");
  });
});
