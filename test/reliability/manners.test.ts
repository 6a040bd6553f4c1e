/**
 * Reliability catalogue, endings: exit codes 0/1/2/3 everywhere, help and version, unknown
 * options refused, messages in one language with correct particles, a closed pipe ends
 * quietly, an internal error leaves a log and asks for a report, nothing changes on failure.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { spawnSync } from "child_process";
import { runCli, type CliIO } from "../../src/cli/run-cli";
import { buildCliBundle, JOBPLAN_BIN } from "../../bench/cli-run";
import { caseDir, changes, cli, cliProcess, fingerprint, SAMPLE, SAMPLE_TEXT, sampleWorkbook } from "./harness";

jest.setTimeout(120_000);

beforeAll(() => {
  buildCliBundle();
});

const USAGE_ERRORS: Array<[string, string[], RegExp]> = [
  ["a misspelt option (--jsn) is an error, not ignored", ["check", "plan.txt", "--jsn"], /^jobplan: 알 수 없는 옵션입니다: --jsn \(도움말: jobplan --help\)\n$/],
  ["an option of another command (check -o) is an error", ["check", "plan.txt", "-o", "x.xlsx"], /^jobplan: check 명령에 없는 옵션입니다: -o/],
  ["an option without its value (--year) says so in Korean", ["template", "--year"], /^jobplan: --year 뒤에 값이 필요합니다/],
  ["a value where none is taken (--json=yes) is an error", ["check", "plan.txt", "--json=yes"], /^jobplan: --json에는 값을 줄 수 없습니다/],
  ["an option given twice is an error", ["check", "plan.txt", "--json", "--json"], /^jobplan: --json을 두 번 주었습니다/],
  ["an unknown --lang is an error", ["check", "plan.txt", "--lang", "fr"], /^jobplan: --lang은 ko 또는 en입니다: fr/],
  ["an unknown command is an error", ["frobnicate"], /^jobplan: 알 수 없는 명령입니다: frobnicate/],
  ["help about an unknown command is an error", ["help", "frobnicate"], /^jobplan: 알 수 없는 명령입니다: frobnicate/],
  ["check without a file is an error", ["check"], /^jobplan: check에는 파일이 하나 이상 필요합니다/],
  ["import with two files is an error", ["import", "a.txt", "b.txt"], /^jobplan: import에는 계획 문서\(\.txt\) 하나가 필요합니다/],
  ["a bad --year is an error", ["template", "--year", "20", "-o", "t.xlsx"], /^jobplan: --year는 네 자리 연도입니다: 20/],
  ["a bad --rounding is an error", ["template", "--rounding", "up", "-o", "t.xlsx"], /^jobplan: --rounding은 half-up 또는 largest-remainder입니다: up/],
];

describe("arguments", () => {
  test.each(USAGE_ERRORS)("%s: exit 2, nothing written", async (_name, args, message) => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    const before = fingerprint(dir);
    const r = await cli(dir, args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("English usage errors with --lang en, the whole line in English", async () => {
    const r = await cli(caseDir(), ["check", "x.txt", "--jsn", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("jobplan: Unknown option: --jsn (see jobplan --help)\n");
  });

  test("no command: the usage on stderr, exit 2", async () => {
    const r = await cli(caseDir(), []);
    expect(r.code).toBe(2);
    expect(r.err).toContain("jobplan check <file.xlsx|file.txt>... [--json]");
  });
});

describe("help and version", () => {
  test("--help: a line per command and the exit codes, exit 0", async () => {
    const r = await cli(caseDir(), ["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["template", "import", "check", "summarize", "demo"]) expect(r.out).toMatch(new RegExp(`^  jobplan ${c}\\b.*\\n      \\S`, "m"));
    expect(r.out).toContain("종료 코드:\n  0  오류 없음\n  1  계획에 오류가 있음");
    expect(r.out).toContain("  3  내부 오류");
  });

  test("help check: that command only; --help in English lists the exit codes in English", async () => {
    const r = await cli(caseDir(), ["help", "check"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("jobplan check");
    expect(r.out).not.toContain("jobplan summarize");
    const en = await cli(caseDir(), ["--help", "--lang", "en"]);
    expect(en.out).toContain("Exit codes:\n  0  no errors\n  1  the plan has errors");
    // Korean only in the example source names (국비,도비,…), which are data.
    expect(en.out.replace(/--sources \S+/g, "")).not.toMatch(/[가-힣]/);
  });

  test("--version and -V print the package version, exit 0", async () => {
    const version = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")).version;
    for (const flag of ["--version", "-V"]) {
      const r = await cli(caseDir(), [flag]);
      expect([r.code, r.out]).toEqual([0, `jobplan ${version}\n`]);
    }
  });
});

describe("exit codes and endings", () => {
  test("exit 0 for a clean plan, 1 for a plan with errors, through the real program", async () => {
    const dir = caseDir();
    expect(cliProcess(dir, ["template", "-o", "empty.xlsx"]).status).toBe(0);
    expect(cliProcess(dir, ["check", "empty.xlsx"]).status).toBe(0);
    const r = cliProcess(dir, ["check", SAMPLE]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/오류 \d+건/);
  });

  test("import says the plan has errors and exits 1 after writing the workbook", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    const r = await cli(dir, ["import", "plan.txt", "-o", "plan.xlsx"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\n계획에 오류가 \d+건 있습니다: jobplan check로 확인하세요\n$/);
    expect(existsSync(path.join(dir, "plan.xlsx"))).toBe(true);
  });

  test("check … | head -1: the closed pipe ends the program quietly, no trace", () => {
    const dir = caseDir();
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${JOBPLAN_BIN}" check "${SAMPLE}" 2>err.txt | head -1; echo "\${PIPESTATUS[0]}" > status.txt`], { cwd: dir, encoding: "utf8" });
    expect(r.stdout.split("\n").filter(Boolean)).toHaveLength(1);
    expect(readFileSync(path.join(dir, "err.txt"), "utf8")).toBe("");
    expect(["0", "1"]).toContain(readFileSync(path.join(dir, "status.txt"), "utf8").trim());
  });

  test("check --json … | head -c 10: quiet too", () => {
    const dir = caseDir();
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${JOBPLAN_BIN}" check "${SAMPLE}" --json 2>err.txt | head -c 10`], { cwd: dir, encoding: "utf8" });
    expect(r.stdout).toHaveLength(10);
    expect(readFileSync(path.join(dir, "err.txt"), "utf8")).toBe("");
  });

  test("an internal error: exit 3, a saved log with the stack, a request to report it, no input changed", async () => {
    const dir = caseDir();
    await sampleWorkbook(path.join(dir, "plan.xlsx"));
    const before = fingerprint(dir);
    let err = "";
    // A bug stands in as an output that throws something no user input causes.
    const io: CliIO = {
      cwd: dir,
      env: {},
      stdout: () => {
        throw new TypeError("a bug in jobplan");
      },
      stderr: (t) => void (err += t),
    };
    expect(await runCli(["check", "plan.xlsx"], io)).toBe(3);
    const m = /기록을 저장했습니다: (\S+)\. 이 파일을 첨부해 jobplan 담당자에게 알려 주세요\. 입력 파일은 바뀌지 않았습니다\./.exec(err);
    expect(m).not.toBeNull();
    const log = readFileSync(m![1], "utf8");
    expect(log).toContain("TypeError: a bug in jobplan");
    expect(log).toContain('arguments: ["check","plan.xlsx"]');
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });
});

describe("one language at a time, with particles by the final sound", () => {
  test("Korean check output says 1091행 for a text line, never 'line'", async () => {
    const r = await cli(caseDir(), ["check", SAMPLE]);
    expect(r.out).toContain("1091행");
    expect(r.out).not.toMatch(/\bline \d/);
  });

  test("particles after numbers in the findings: 314와, 27,833,799천원과, never 314과 or (으)로", async () => {
    const r = await cli(caseDir(), ["check", SAMPLE]);
    expect(r.out).toContain("반올림 314와 -1 다릅니다");
    expect(r.out).toContain("27,833,799천원과 +31,822 다릅니다");
    expect(r.out).toContain("읽은 값 867,500천원");
    expect(r.out).not.toMatch(/\d과 [+-]\d|\(으\)로/);
  });

  test("English check output says line 1091", async () => {
    const r = await cli(caseDir(), ["check", SAMPLE, "--lang", "en"]);
    expect(r.out).toContain("line 1091");
    expect(r.out).not.toContain("1091행");
  });

  test("particles after a path ending in a vowel and in a consonant", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "계획.xlsx"), "x");
    writeFileSync(path.join(dir, "계획안"), "x");
    const a = await cli(dir, ["import", "계획.xlsx"]);
    expect(a.err).toContain("계획.xlsx는 통합문서입니다");
    const { mkdirSync } = await import("fs");
    mkdirSync(path.join(dir, "자료실"));
    const b = await cli(dir, ["check", "자료실"]);
    expect(b.err).toContain("자료실은 폴더입니다");
  });
});
