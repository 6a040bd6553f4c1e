/**
 * A text longer than an Excel cell holds (32,767 characters) — here a 40,000-character
 * project name in the Seo-gu plan — is cut to the limit, the cut marked in the cell and
 * explained in its note, and reported as a finding that links to the cell; the workbook
 * stays readable. Nothing is cut without a word.
 */
import { readFileSync } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { checkPlan } from "../../src/core";
import { importPlanText } from "../../src/import";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { CUT_MARK, MAX_CELL_TEXT, cutText } from "../../src/workbook/cell-limits";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { sheetXml } from "./helpers/pdf";
import { FIXTURE, readPlanFile, readWorkbook, tempDir } from "./helpers/workbook-files";

const LONG = "청년 창업 공간 조성사업 " + "가".repeat(40_000 - 14);

function longNamePlan() {
  const text = readFileSync(FIXTURE, "utf8").replace("\n○ 청년 창업 공간 조성사업\n", `\n○ ${LONG}\n`);
  const { plan, findings } = importPlanText(text);
  return { plan, findings: [...findings, ...checkPlan(plan)] };
}

function noteText(note: ExcelJS.Cell["note"]): string {
  if (!note) return "";
  return typeof note === "string" ? note : ((note as ExcelJS.Comment).texts ?? []).map((t) => t.text).join("");
}

describe("a text longer than a cell holds", () => {
  it("is cut at the limit, never split inside a character pair, the cut marked", () => {
    expect(cutText("가".repeat(MAX_CELL_TEXT))).toBeUndefined();
    const cut = cutText("가".repeat(MAX_CELL_TEXT + 1))!;
    expect(cut.length).toBe(MAX_CELL_TEXT);
    expect(cut.endsWith(CUT_MARK)).toBe(true);
    // An emoji (two UTF-16 units) straddling the cut is dropped whole.
    const pairs = cutText("a" + "😀".repeat(MAX_CELL_TEXT))!;
    expect(pairs.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(/[\ud800-\udbff]$/.test(pairs.slice(0, -CUT_MARK.length))).toBe(false);
  });

  it("a 40,000-character project name is cut in the workbook with a note and a finding naming the cell", async () => {
    const { plan, findings } = longNamePlan();
    const project = plan.strategies[0].tasks[0].projects[0];
    expect(project.name.length).toBe(40_000);
    const spec = buildWorkbookSpec(plan, findings);
    const file = path.join(tempDir(), "long.xlsx");
    await writeWorkbookFile(spec, file);

    // No cell of the file holds more than Excel takes.
    const wb = await readWorkbook(file);
    let longest = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (longest = Math.max(longest, typeof c.value === "string" ? c.value.length : 0)))));
    expect(longest).toBeLessThanOrEqual(MAX_CELL_TEXT);

    // The project's cell: cut, marked, with a note; the start of the name is kept.
    const cell = wb.getWorksheet("세부사업")!.getCell("C2");
    const value = String(cell.value);
    expect(value.length).toBe(MAX_CELL_TEXT);
    expect(value.startsWith("청년 창업 공간 조성사업 가가")).toBe(true);
    expect(value.endsWith(CUT_MARK)).toBe(true);
    expect(noteText(cell.note)).toContain("40,000자");

    // A warning on 검증, linked to that cell.
    const checks = wb.getWorksheet("검증")!;
    const rows = [...Array(40).keys()].map((i) => checks.getRow(4 + i)).filter((r) => String(r.getCell(3).value ?? "") === "세부사업!C2" && /32,767자/.test(String(r.getCell(5).value)));
    expect(rows).toHaveLength(1);
    expect(String(rows[0].getCell(1).value)).toBe("경고");
    const xml = (await sheetXml(readFileSync(file))).get("검증")!;
    expect(xml).toContain(`<hyperlink ref="C${rows[0].number}" location="&apos;세부사업&apos;!C2"/>`);
    // Findings whose messages quote the whole name are cut too, with a note, but no second finding.
    const quoting = [...Array(40).keys()].map((i) => checks.getCell(`E${4 + i}`)).filter((c) => String(c.value ?? "").endsWith(CUT_MARK));
    expect(quoting.length).toBeGreaterThan(0);
    for (const c of quoting) expect(noteText(c.note)).toContain("Excel 셀에는 32,767자까지만");

    // The workbook reads back; the project is there under the cut name, and so is the reason.
    const back = await readPlanFile(file);
    expect(back.plan.strategies[0].tasks[0].projects[0].name).toBe(value);
  });
});
