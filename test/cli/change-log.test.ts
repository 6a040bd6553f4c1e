/**
 * The CLI's change log and protection (issue 13, items 6-7): `import` writes the 변경 이력
 * sheet with its first row; each `summarize` appends one (time, operation, tool, the login
 * name, finding counts, cells written, rows added, and the cells whose values changed, old →
 * new, the first 20 listed and the rest counted). "Old" is the value the file held, "new"
 * the core's figure, written as the formula's cached result: LibreOffice recalculating the
 * file shows the same figures. `--protect` puts sheet protection in every sheet's XML; without
 * it there is none. (Undo belongs to the add-in: the CLI has none.)
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import JSZip from "jszip";
import { runCli, type CliIO } from "../../src/cli/run-cli";
import { readXlsxTables } from "../../src/cli/xlsx-stream";
import { specResults, userName } from "../../src/cli/plan-write";
import { writeXlsxFile } from "../../src/cli/ooxml-write";
import { readPlanFromTables, type InputTable } from "../../src/workbook/read-tables";
import { regenerateCells } from "../../src/workbook/regenerate";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { CHANGE_LOG_TABLE, CHANGES_SHOWN } from "../../src/workbook/change-log";
import { checkPlan } from "../../src/core";
import { cleanupRecalc, generatePlan, recalcAllWithLibreOffice } from "../../bench/workbook-helpers";
import { sheetXml } from "../workbook/helpers/pdf";
import { appendTaskRows, DIGITAL_TASK, fixed, YOUTH_TASK } from "../workbook/helpers/added-tasks";
import { FIXTURE, fixturePlan, readWorkbook, tempDir } from "../workbook/helpers/workbook-files";
import { workbookTables } from "../../src/cli/xlsx-read";

jest.setTimeout(240_000);

function io(cwd: string): CliIO & { out: string } {
  const o = { out: "", cwd, env: {}, stdout: (t: string) => void (o.out += t), stderr: () => undefined };
  return o;
}

async function cli(dir: string, args: string[]): Promise<{ code: number; out: string }> {
  const x = io(dir);
  const code = await runCli(args, x);
  return { code, out: x.out };
}

/** The log table's rows (ExcelJS: the streaming reader keeps only plan tables' cells). */
async function logRows(file: string): Promise<unknown[][]> {
  const log = workbookTables(await readWorkbook(file)).find((t) => t.name === CHANGE_LOG_TABLE);
  if (!log) throw new Error(`${file} has no change log`);
  return log.values;
}

/** Every generated formula cell of the workbook file with the value it shows (its cached result). */
async function generatedValues(file: string): Promise<Map<string, unknown>> {
  const tables = await readXlsxTables(file);
  const read = readPlanFromTables(tables);
  const out = new Map<string, unknown>();
  const byCell = cellIndex(tables);
  for (const f of regenerateCells(read).formulas) out.set(`${f.sheet}!${f.cell}`, byCell.get(`${f.sheet}!${f.cell}`) ?? null);
  return out;
}

function cellIndex(tables: InputTable[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const t of tables)
    t.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const col = String.fromCharCode(65 + t.origin.col + c);
        out.set(`${t.sheet}!${col}${t.origin.row + r + 1}`, v === "" ? null : v);
      }),
    );
  return out;
}

/**
 * The cached results the file holds equal what LibreOffice computes from its formulas, cell by
 * cell; `recalculated` is the file as LibreOffice recalculated it (recalcAll, below).
 */
async function expectLibreOfficeAgrees(file: string, recalculated: string): Promise<number> {
  const ours = await generatedValues(file);
  const theirs = cellIndex(await readXlsxTables(recalculated));
  const differ = [...ours].filter(([at, v]) => (theirs.get(at) ?? null) !== v).map(([at, v]) => `${at}: ours ${JSON.stringify(v)}, LibreOffice ${JSON.stringify(theirs.get(at))}`);
  expect(differ).toEqual([]);
  expect([...ours.values()].filter((v) => typeof v === "number" && v > 0).length).toBeGreaterThan(10);
  return ours.size;
}

/** Adds 1 to every task's job target in the 추진계획 sheet's XML, as a person typing in Excel would. */
async function raiseTargets(file: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheets = await sheetXml(readFileSync(file));
  const book = await zip.file("xl/workbook.xml")!.async("string");
  const index = [...book.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === "추진계획");
  const part = `xl/worksheets/sheet${index + 1}.xml`;
  let raised = 0;
  const xml = sheets.get("추진계획")!.replace(/<c r="C(\d+)"( s="\d+")?><v>(\d+)<\/v><\/c>/g, (m, row, s, v) => {
    if (Number(row) < 2) return m;
    raised++;
    return `<c r="C${row}"${s ?? ""}><v>${Number(v) + 1}</v></c>`;
  });
  zip.file(part, xml);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return raised;
}

describe("the change log of the CLI", () => {
  const dir = tempDir("jobplan-log-");
  const file = path.join(dir, "seogu.xlsx");
  const { plan, findings } = fixturePlan();
  const all = [...findings, ...checkPlan(plan)];
  const count = (s: string) => all.filter((f) => f.severity === s).length;

  it("import writes the 변경 이력 sheet with its first row", async () => {
    expect((await cli(dir, ["import", FIXTURE, "-o", file])).code).toBe(1);
    const rows = await logRows(file);
    expect(rows[0]).toEqual(["시각", "작업", "도구", "사용자", "오류", "경고", "참고", "쓴 칸", "추가한 행", "값이 바뀐 칸", "바뀐 값 (이전 → 이후)"]);
    expect(rows).toHaveLength(2);
    expect(rows[1][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(rows[1].slice(1)).toEqual(["가져오기", "명령줄", userName() || null, count("error"), count("warning"), count("info"), null, null, null, null]);
    expect(userName()).not.toBe("");
  });

  it("a summarize right after the import changes no value: the import wrote the figures as the formulas' results", async () => {
    const r = await cli(dir, ["summarize", file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("값이 바뀐 칸 0개");
    const rows = await logRows(file);
    expect(rows).toHaveLength(3);
    const written = (rows[2][7] as number) ?? 0;
    expect(rows[2].slice(1)).toEqual(["요약 재생성", "명령줄", userName(), count("error"), count("warning"), count("info"), written, 0, 0, null]);
    expect(written).toBeGreaterThan(50);
  });

  it("a second summarize after targets were raised lists the changed cells, old → new, 20 of them and the rest counted", async () => {
    const held = await generatedValues(file);
    const raised = await raiseTargets(file);
    expect(raised).toBeGreaterThan(10);
    const r = await cli(dir, ["summarize", file]);
    expect(r.code).toBe(1);
    const rows = await logRows(file);
    expect(rows).toHaveLength(4);
    const changed = rows[3][9] as number;
    expect(changed).toBeGreaterThan(CHANGES_SHOWN);
    expect(r.out).toContain(`값이 바뀐 칸 ${changed}개`);
    const lines = String(rows[3][10]).split("\n");
    expect(lines).toHaveLength(CHANGES_SHOWN + 1);
    expect(lines[CHANGES_SHOWN]).toBe(`외 ${changed - CHANGES_SHOWN}칸`);
    // Each listed cell held the old value and now shows the new one.
    const now = await generatedValues(file);
    const shown = (v: unknown) => (v === null ? "(빈 칸)" : typeof v === "number" ? v.toLocaleString("en-US") : String(v));
    for (const line of lines.slice(0, CHANGES_SHOWN)) {
      const m = /^(.+!\w+\d+): (.+) → (.+)$/.exec(line)!;
      expect(m).not.toBeNull();
      expect([m[1], m[2], m[3]]).toEqual([m[1], shown(held.get(m[1]) ?? null), shown(now.get(m[1]) ?? null)]);
    }
    // Every changed cell is one whose figure differs, and no other.
    expect([...now].filter(([at, v]) => (held.get(at) ?? null) !== v).length).toBe(changed);
  });

  // The three workbooks LibreOffice recalculates are made first, then recalculated in one
  // start of it (its start-up is most of the time of a small file).
  describe("LibreOffice recalculating the files", () => {
    const added = path.join(tempDir("jobplan-log-rows-"), "added.xlsx");
    const lr = path.join(tempDir("jobplan-log-lr-"), "lr.xlsx");
    let addedHeld: Map<string, unknown>;
    let addedRun: { code: number; out: string };
    const recalculated = new Map<string, string>();
    beforeAll(async () => {
      // summarize adding summary rows (the test below)
      const spec = buildWorkbookSpec(fixed(plan), []);
      appendTaskRows(spec, [YOUTH_TASK, DIGITAL_TASK]);
      await writeXlsxFile(spec, added, { results: specResults(spec, "ko") });
      addedHeld = await generatedValues(added);
      addedRun = await cli(path.dirname(added), ["summarize", added]);
      // a generated plan in largest-remainder mode
      const big = generatePlan(300, 5, "largest-remainder");
      const bigSpec = buildWorkbookSpec(big, checkPlan(big));
      await writeXlsxFile(bigSpec, lr, { results: specResults(bigSpec, "ko") });
      const files = [file, added, lr];
      recalcAllWithLibreOffice(files).forEach((out, i) => recalculated.set(files[i], out));
    });
    afterAll(() => cleanupRecalc(recalculated.get(file)!));

    it("the figures written as cached results are LibreOffice's, cell by cell", async () => {
      expect(await expectLibreOfficeAgrees(file, recalculated.get(file)!)).toBeGreaterThan(50);
    });

    it("summarize adding summary rows logs the rows and only the cells whose value changed (the rows below keep theirs)", async () => {
      const f = added;
      const held = addedHeld;
      const r = addedRun;
      expect(r.out).toMatch(/요약 행 추가: 과제별 2, 분야별 1/);
      const rows = await logRows(f);
      expect(rows).toHaveLength(2);
      expect(rows[1].slice(1, 4)).toEqual(["요약 재생성", "명령줄", userName()]);
      expect(rows[1][8]).toBe(3);
      const lines = String(rows[1][10]).split("\n");
      const now = await generatedValues(f);
      // Only the cells of the three new rows changed (from blank); the rows below them moved and kept their figures.
      const changed = lines.map((l) => /^(.+)!([A-Z]+)(\d+): \(빈 칸\) → (.+)$/.exec(l)!);
      expect(changed.every((m) => m !== null)).toBe(true);
      expect(rows[1][9]).toBe(lines.length);
      expect([...new Set(changed.filter((m) => m[1] === "요약").map((m) => m[3]))]).toHaveLength(2);
      expect([...new Set(changed.filter((m) => m[1] === "분야별 목표").map((m) => m[3]))]).toHaveLength(1);
      for (const m of changed) expect([m[0], m[4]]).toEqual([m[0], Number(String(now.get(`${m[1]}!${m[2]}${m[3]}`))).toLocaleString("en-US")]);
      expect([...now].filter(([at, v]) => v !== null && v !== "" && !held.has(at)).length).toBeGreaterThan(0);
      await expectLibreOfficeAgrees(f, recalculated.get(f)!);
    });

    it("a generated plan in largest-remainder mode: the template's cached figures are LibreOffice's", async () => {
      await expectLibreOfficeAgrees(lr, recalculated.get(lr)!);
    });
  });
});

describe("--protect", () => {
  it("is documented in --help, under the commands that take it", async () => {
    const dir = tempDir("jobplan-help-");
    const all = (await cli(dir, ["--help", "--lang", "en"])).out;
    expect(all).toMatch(/^ {2}--protect +protect the generated cells \(template, import, summarize\): no password, only input cells editable\. Off by default: turning protection on or off in Excel clears its undo history$/m);
    for (const c of ["template", "import", "summarize"]) expect((await cli(dir, ["help", c])).out).toMatch(new RegExp(`jobplan ${c} .*\\[--protect\\]`));
    expect((await cli(dir, ["help", "check"])).out).not.toContain("--protect");
  });

  const protectedSheets = async (file: string) => [...(await sheetXml(readFileSync(file)))].map(([name, xml]) => [name, /<sheetProtection [^>]*sheet="1"/.test(xml) && !/password|hashValue/.test(xml)]);

  it("template and import protect every sheet when asked, and none by default", async () => {
    const dir = tempDir("jobplan-protect-");
    expect((await cli(dir, ["template", "-o", "plain.xlsx"])).code).toBe(0);
    expect((await protectedSheets(path.join(dir, "plain.xlsx"))).filter(([, on]) => on)).toEqual([]);
    const t = await cli(dir, ["template", "-o", "locked.xlsx", "--protect"]);
    expect(t.code).toBe(0);
    expect(t.out).toContain("시트를 보호했습니다 (암호 없음)");
    const sheets = await protectedSheets(path.join(dir, "locked.xlsx"));
    expect(sheets.length).toBe(9);
    expect(sheets.filter(([, on]) => !on)).toEqual([]);
    expect((await cli(dir, ["import", FIXTURE, "-o", "imported.xlsx", "--protect"])).code).toBe(1);
    expect((await protectedSheets(path.join(dir, "imported.xlsx"))).filter(([, on]) => !on)).toEqual([]);
    expect((await cli(dir, ["import", FIXTURE, "-o", "open.xlsx"])).code).toBe(1);
    expect((await protectedSheets(path.join(dir, "open.xlsx"))).filter(([, on]) => on)).toEqual([]);
  });

  it("summarize --protect protects a workbook, and a protected workbook stays protected on the next summarize", async () => {
    const dir = tempDir("jobplan-protect-s-");
    await cli(dir, ["import", FIXTURE, "-o", "a.xlsx"]);
    expect((await protectedSheets(path.join(dir, "a.xlsx"))).filter(([, on]) => on)).toEqual([]);
    const r = await cli(dir, ["summarize", "a.xlsx", "--protect"]);
    expect(r.out).toContain("시트를 보호했습니다");
    const once = await protectedSheets(path.join(dir, "a.xlsx"));
    expect(once.filter(([, on]) => !on)).toEqual([]);
    await cli(dir, ["summarize", "a.xlsx"]);
    expect(await protectedSheets(path.join(dir, "a.xlsx"))).toEqual(once);
    // --protect is refused where it means nothing.
    expect((await cli(dir, ["check", "a.xlsx", "--protect"])).code).toBe(2);
  });
});
