/** The CLI in-process (runCli) and once as a subprocess for real exit codes. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import { runCli, type CliIO } from "../../src/cli/run-cli";
import { FIXTURE, readPlanFile, readWorkbook, REPO, tempDir } from "../workbook/helpers/workbook-files";
import { appendTaskRows, DIGITAL_TASK, fixed, YOUTH_TASK } from "../workbook/helpers/added-tasks";
import { importPlanText } from "../../src/import";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { renderWorkbook } from "../../src/cli/xlsx-write";

jest.setTimeout(120_000);

function io(cwd: string, env: Record<string, string> = {}): CliIO & { out: string; err: string } {
  const o = {
    out: "",
    err: "",
    cwd,
    env,
    stdout: (t: string) => {
      o.out += t;
    },
    stderr: (t: string) => {
      o.err += t;
    },
  };
  return o;
}

describe("jobplan CLI (in-process)", () => {
  const dir = tempDir("jobplan-cli-");

  it("template: a county's sources, year and rounding end up in the workbook", async () => {
    const x = io(dir);
    const code = await runCli(["template", "-o", "t.xlsx", "--year", "2021", "--sources", "국비,도비,군비,민자", "--rounding", "largest-remainder"], x);
    expect(code).toBe(0);
    const read = await readPlanFile(path.join(dir, "t.xlsx"));
    expect(read.plan.year).toBe(2021);
    expect(read.plan.settings.roundingMode).toBe("largest-remainder");
    expect(read.plan.settings.sources.map((s) => [s.key, s.label])).toEqual([
      ["national", "국비"],
      ["province", "도비"],
      ["municipal", "군비"],
      ["private", "민자"],
    ]);
    const wb = await readWorkbook(path.join(dir, "t.xlsx"));
    expect(wb.getWorksheet("추진계획")!.getRow(1).values).toEqual(expect.arrayContaining(["도비(천원)", "군비(천원)"]));
    expect(await runCli(["template", "--rounding", "up"], io(dir))).toBe(2);
  });

  it("import then check the .xlsx: the fixture's errors are found with sheet!cell locations", async () => {
    // The sample has errors: the workbook is written, the output says so, exit 1.
    const imp = io(dir);
    expect(await runCli(["import", FIXTURE, "-o", "seogu.xlsx"], imp)).toBe(1);
    expect(imp.out).toMatch(/^가져왔습니다: .*seogu\.xlsx/);
    expect(imp.out).toMatch(/계획에 오류가 [1-9]\d*건 있습니다/);
    const x = io(dir);
    const code = await runCli(["check", "seogu.xlsx", "--json"], x);
    expect(code).toBe(1);
    const findings = JSON.parse(x.out);
    expect(findings.length).toBeGreaterThan(5);
    expect(findings.every((f: { file?: string }) => f.file === undefined)).toBe(true);
    const errors = findings.filter((f: { severity: string }) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f: { location: { sheet?: string; cell?: string } }) => f.location.sheet && /^[A-Z]+\d+$/.test(f.location.cell ?? ""))).toBe(true);
    // The same plan as text: locations are lines.
    const t = io(dir);
    expect(await runCli(["check", FIXTURE, "--json"], t)).toBe(1);
    const fromText = JSON.parse(t.out);
    // The same findings, the malformed 867,5000천원 included (the workbook keeps the text),
    // down to names, fields and figures; only the places differ (lines vs cells).
    type F = { code: string; severity: string; location: { path: string[]; table?: string; field?: string }; expected?: number | null; actual?: number | null };
    const codes = (list: F[]) => list.map((f) => f.code).sort();
    const what = (list: F[]) => list.map((f) => JSON.stringify([f.code, f.severity, f.location.path, f.location.table, f.location.field, f.expected, f.actual])).sort();
    expect(codes(findings)).toEqual(codes(fromText));
    expect(codes(findings)).toContain("malformed-number");
    expect(what(findings)).toEqual(what(fromText));
    expect(fromText.some((f: { location: { line?: number } }) => typeof f.location.line === "number")).toBe(true);
    const fromTextMalformed = fromText.filter((f: { code: string }) => f.code === "malformed-number");
    expect(fromTextMalformed).toEqual([expect.objectContaining({ location: expect.objectContaining({ line: 1091, field: "national" }), expected: 867_500 })]);
    expect(fromTextMalformed[0].message.ko).toContain("'867,5000천원'");
    const malformed = findings.filter((f: { code: string }) => f.code === "malformed-number");
    expect(malformed).toEqual([
      expect.objectContaining({
        severity: "error",
        location: expect.objectContaining({ sheet: "추진계획", cell: "E11", field: "national", raw: "867,5000천원" }),
        expected: 867_500,
      }),
    ]);
    // The place is the finding's location (the 위치 column), not repeated in the message.
    expect(malformed[0].message.ko).not.toContain("추진계획!E11");
    // One reading: the same words whether the figure came from the text or from its cell.
    expect(malformed[0].message).toEqual(fromTextMalformed[0].message);
    expect(malformed[0].message.en).toMatch(/867,500 \/ 867,000 \/ 8,675,000; read as 867,500/);
    // In the file the cell is the document's text, a string, not the guessed 867,500.
    const ws = (await readWorkbook(path.join(dir, "seogu.xlsx"))).getWorksheet("추진계획")!;
    expect(ws.getCell("E1").value).toBe("국비(천원)");
    expect(ws.getCell("B11").value).toBe("사회적 경제조직 육성·지원");
    expect(ws.getCell("E11").value).toBe("867,5000천원");
    expect(ws.getCell("E11").type).toBe(ExcelJS.ValueType.String);
  });

  it("check: a readable report by default, Korean unless --lang en or LANG=en*", async () => {
    const ko = io(dir);
    await runCli(["check", "seogu.xlsx"], ko);
    expect(ko.out).toMatch(/오류 \d+건/);
    expect(ko.out).toMatch(/요약!E\d+/);
    const en = io(dir);
    await runCli(["check", "seogu.xlsx", "--lang", "en"], en);
    expect(en.out).toMatch(/\d+ error\(s\)/);
    const envEn = io(dir, { LANG: "en_US.UTF-8" });
    await runCli(["check", "seogu.xlsx"], envEn);
    expect(envEn.out).toMatch(/\d+ error\(s\)/);
  });

  it("check: many files by glob, a file field per finding, progress on stderr, a total", async () => {
    const many = path.join(dir, "many");
    mkdirSync(many);
    for (let i = 0; i < 5; i++) copyFileSync(path.join(dir, "seogu.xlsx"), path.join(many, `plan-${i}.xlsx`));
    const j = io(dir);
    expect(await runCli(["check", "many/*.xlsx", "--json"], j)).toBe(1);
    const list = JSON.parse(j.out);
    expect(new Set(list.map((f: { file: string }) => f.file))).toEqual(new Set([0, 1, 2, 3, 4].map((i) => path.join("many", `plan-${i}.xlsx`))));
    expect(j.err).toContain("[5/5]");
    const t = io(dir);
    await runCli(["check", "many/**/*.xlsx"], t);
    expect(t.out).toMatch(/합계: 파일 5개/);
  });

  it("check: exit 0 for a clean workbook, 2 for missing, non-xlsx and corrupt files", async () => {
    expect(await runCli(["template", "-o", "clean.xlsx"], io(dir))).toBe(0);
    // The empty template has no errors (an empty task table is a warning).
    expect(await runCli(["check", "clean.xlsx"], io(dir))).toBe(0);
    const missing = io(dir);
    expect(await runCli(["check", "nope.xlsx"], missing)).toBe(2);
    expect(missing.err).toContain("파일이 없습니다");
    writeFileSync(path.join(dir, "notes.docx"), "hello");
    const wrongExt = io(dir);
    expect(await runCli(["check", "notes.docx"], wrongExt)).toBe(2);
    expect(wrongExt.err).toContain(".xlsx 또는 .txt 파일이 아닙니다");
    writeFileSync(path.join(dir, "fake.xlsx"), "this is not a zip");
    const fake = io(dir, { LANG: "en_US.UTF-8" });
    expect(await runCli(["check", "fake.xlsx", "clean.xlsx"], fake)).toBe(2);
    expect(fake.err).toContain("Not an .xlsx file");
  });

  it("summarize writes the regenerated workbook", async () => {
    const x = io(dir);
    expect(await runCli(["summarize", "seogu.xlsx", "-o", "seogu-sum.xlsx"], x)).toBe(1);
    expect(x.out).toMatch(/수식 \d+개/);
    expect(x.out).toMatch(/계획에 오류가 [1-9]\d*건 있습니다/);
    const read = await readPlanFile(path.join(dir, "seogu-sum.xlsx"));
    expect(read.plan.strategies).toHaveLength(5);
    expect(await runCli(["summarize", "notes.docx"], io(dir))).toBe(2);
    // Nothing was missing from the summaries: no rows added, nothing said about them.
    expect(x.out).not.toContain("요약 행 추가");
  });

  it("summarize says which summary rows it added for tasks typed into TaskPlans (ko and en)", async () => {
    const plan = fixed(importPlanText(readFileSync(FIXTURE, "utf8")).plan);
    const spec = buildWorkbookSpec(plan, []);
    appendTaskRows(spec, [YOUTH_TASK, DIGITAL_TASK]);
    await renderWorkbook(spec).xlsx.writeFile(path.join(dir, "added.xlsx"));
    const ko = io(dir);
    expect(await runCli(["summarize", "added.xlsx", "-o", "added-ko.xlsx"], ko)).toBe(1);
    expect(ko.out).toContain("요약 행 추가: 과제별 2, 분야별 1\n");
    expect(ko.out).toContain(`  과제별: ${YOUTH_TASK.strategy} › ${YOUTH_TASK.task}\n`);
    expect(ko.out).toContain(`  분야별: ${DIGITAL_TASK.strategy}\n`);
    const en = io(dir);
    expect(await runCli(["summarize", "added.xlsx", "-o", "added-en.xlsx", "--lang", "en"], en)).toBe(1);
    expect(en.out).toMatch(/The plan has \d+ error\(s\)/);
    expect(en.out).toContain("Summary rows added: by task 2, by strategy 1\n");
    expect(en.out).toContain(`  by strategy: ${DIGITAL_TASK.strategy}\n`);
    // The regenerated file has nothing left to add.
    const again = io(dir);
    expect(await runCli(["summarize", "added-ko.xlsx", "-o", "added-again.xlsx"], again)).toBe(1);
    expect(again.out).not.toContain("요약 행 추가");
  });

  it("demo imports the bundled sample, writes out/seogu-2020.xlsx and exits 0 with the count", async () => {
    const x = io(dir);
    expect(await runCli(["demo"], x)).toBe(0);
    expect(existsSync(path.join(dir, "out", "seogu-2020.xlsx"))).toBe(true);
    expect(x.out).toContain(path.join(REPO, "samples", "seogu-2020-jobs-plan.txt"));
    expect(x.out).toMatch(/검증 결과: 오류 [1-9]\d*건/);
  });

  it("usage errors exit 2", async () => {
    expect(await runCli([], io(dir))).toBe(2);
    expect(await runCli(["frobnicate"], io(dir))).toBe(2);
    expect(await runCli(["check"], io(dir))).toBe(2);
  });
});

describe("jobplan CLI (subprocess)", () => {
  it("exit codes through bin/jobplan.js: 1 with errors, 2 for a missing file, 0 for a clean one", () => {
    const dir = tempDir("jobplan-sub-");
    const run = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO, "bin", "jobplan.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8" } });
    expect(run("template", "-o", "empty.xlsx").status).toBe(0);
    expect(run("check", "empty.xlsx").status).toBe(0);
    const withErrors = run("check", FIXTURE);
    expect(withErrors.status).toBe(1);
    expect(withErrors.stdout).toMatch(/오류 \d+건/);
    const missing = run("check", "missing.xlsx");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("missing.xlsx");
  });
});
