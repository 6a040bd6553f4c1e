/**
 * Reliability catalogue, writes: every file the CLI writes goes through a temporary file
 * renamed over the target. A write that fails (an exception, a full disk, a kill) leaves
 * every file as it was; outputs go where the user said, never over an input.
 */
import { spawn, spawnSync } from "child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import path from "path";
import { writeFileSafely } from "../../src/cli/safe-write";
import { buildCliBundle, JOBPLAN_BIN } from "../../bench/cli-run";
import { AS_UNPRIVILEGED, caseDir, changes, cli, cliProcess, fingerprint, SAMPLE, SAMPLE_TEXT, sampleWorkbook } from "./harness";

jest.setTimeout(180_000);

beforeAll(() => {
  buildCliBundle();
});

const temps = (dir: string) => readdirSync(dir).filter((n) => n.includes(".jobplan-") && n.endsWith(".tmp"));

describe("safe writes", () => {
  test("a write that throws half-way leaves the old file byte-identical and no temporary file", async () => {
    const dir = caseDir();
    const target = path.join(dir, "plan.xlsx");
    writeFileSync(target, "the user's file");
    const before = fingerprint(dir);
    await expect(
      writeFileSafely(target, async (out) => {
        out.write("half of a new workbook");
        await new Promise((r) => setTimeout(r, 10));
        throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
      }),
    ).rejects.toMatchObject({ code: "ENOSPC" });
    expect(changes(before, fingerprint(dir))).toEqual([]);
    expect(temps(dir)).toEqual([]);
  });

  test("a successful write replaces the file whole and keeps its permission bits", async () => {
    const dir = caseDir();
    const target = path.join(dir, "plan.xlsx");
    writeFileSync(target, "old");
    chmodSync(target, 0o640);
    await writeFileSafely(target, async (out) => void out.write("new content"));
    expect(readFileSync(target, "utf8")).toBe("new content");
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(temps(dir)).toEqual([]);
  });

  test("summarize in place on a full disk (file size limit): exit 2, the workbook byte-identical, no temporary file left", async () => {
    const dir = caseDir();
    await sampleWorkbook(path.join(dir, "plan.xlsx"));
    const before = fingerprint(dir);
    // ulimit -f counts 1024-byte blocks: the rewritten workbook (~40 KB) cannot be written.
    const r = cliProcess(dir, ["summarize", "plan.xlsx"], { prefix: ["bash", "-c", 'ulimit -f 8; exec "$@"', "bash"] });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`jobplan: 디스크 공간이 부족해 ${path.join(dir, "plan.xlsx")}를 쓰지 못했습니다 (원래 파일은 그대로입니다; 공간을 비우거나 -o로 다른 디스크를 지정하세요)\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("import on a full disk: exit 2, no half-written workbook", () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    const before = fingerprint(dir);
    const r = cliProcess(dir, ["import", "plan.txt", "-o", "plan.xlsx", "--lang", "en"], { prefix: ["bash", "-c", 'ulimit -f 8; exec "$@"', "bash"] });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^jobplan: Not enough disk space to write .*plan\.xlsx \(any existing file is unchanged/);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("summarize killed (SIGKILL) while writing leaves the workbook byte-identical", async () => {
    const dir = caseDir();
    const file = path.join(dir, "plan.xlsx");
    await sampleWorkbook(file);
    const before = fingerprint(dir);
    // The writes are slowed (slow-writes.js): the temporary file has content for a while
    // before the rename, so the kill below lands mid-write however busy the machine is.
    const child = spawn(process.execPath, ["--require", path.join(__dirname, "slow-writes.js"), JOBPLAN_BIN, "summarize", "plan.xlsx"], { cwd: dir, stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    let killedWhileWriting = false;
    const poll = setInterval(() => {
      const tmp = temps(dir)[0];
      if (tmp && statSync(path.join(dir, tmp), { throwIfNoEntry: false })?.size) {
        killedWhileWriting = child.kill("SIGKILL");
        clearInterval(poll);
      }
    }, 2);
    const signal = await exited;
    clearInterval(poll);
    expect(killedWhileWriting).toBe(true);
    expect(signal).toBe("SIGKILL");
    // The half-written temporary file is the only new file; the workbook is as it was.
    const after = fingerprint(dir);
    expect(after.get("plan.xlsx")).toBe(before.get("plan.xlsx"));
    expect(changes(before, after)).toEqual([expect.stringMatching(/^\.plan\.xlsx\.jobplan-\d+-\w+\.tmp$/)]);
    expect((await cli(dir, ["check", "plan.xlsx"])).code).toBe(1);
  });
});

describe("outputs go where the user said, never over an input", () => {
  test("import of a workbook is refused with a clear message and the workbook is untouched", async () => {
    const dir = caseDir();
    await sampleWorkbook(path.join(dir, "plan.xlsx"));
    const before = fingerprint(dir);
    const r = await cli(dir, ["import", "plan.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: import는 계획 문서의 글(.txt)을 읽습니다. ${path.join(dir, "plan.xlsx")}는 통합문서입니다: 검증은 check, 요약 재생성은 summarize를 쓰세요\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("import of a workbook renamed .txt is refused too (by its content)", async () => {
    const dir = caseDir();
    await sampleWorkbook(path.join(dir, "plan.txt"));
    const before = fingerprint(dir);
    const r = await cli(dir, ["import", "plan.txt", "-o", "new.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("통합문서입니다");
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("import with -o naming the input text is refused: the output must be .xlsx", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    const before = fingerprint(dir);
    const r = await cli(dir, ["import", "plan.txt", "-o", "plan.txt"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: 출력 파일 이름은 .xlsx로 끝나야 합니다: ${path.join(dir, "plan.txt")}\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("import with -o equal to the input (an input named .xlsx through a link) is refused", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    const { symlinkSync } = await import("fs");
    symlinkSync(path.join(dir, "plan.txt"), path.join(dir, "same.xlsx"));
    const before = fingerprint(dir);
    const r = await cli(dir, ["import", "plan.txt", "-o", "same.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("출력 파일이 입력 파일과 같습니다");
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("import without -o writes into the current folder, not beside the input", async () => {
    const dir = caseDir();
    mkdirSync(path.join(dir, "docs"));
    mkdirSync(path.join(dir, "work"));
    writeFileSync(path.join(dir, "docs", "seogu.txt"), SAMPLE_TEXT);
    const r = await cli(path.join(dir, "work"), ["import", "../docs/seogu.txt"]);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(dir, "work", "seogu.xlsx"))).toBe(true);
    expect(readdirSync(path.join(dir, "docs"))).toEqual(["seogu.txt"]);
  });

  test("npm run jobplan -- import … from another folder writes into that folder, never into the package's", () => {
    const dir = caseDir();
    const repoBefore = readdirSync(path.join(__dirname, "..", ".."));
    const r = spawnSync("npm", ["--prefix", path.join(__dirname, "..", ".."), "run", "-s", "jobplan", "--", "import", SAMPLE], { cwd: dir, encoding: "utf8", env: { ...process.env, LANG: "C.UTF-8" } });
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual(["seogu-2020-jobs-plan.xlsx"]);
    expect(readdirSync(path.join(__dirname, "..", ".."))).toEqual(repoBefore);
  });

  test("import without -o does not replace an existing workbook of that name", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "seogu.txt"), SAMPLE_TEXT);
    writeFileSync(path.join(dir, "seogu.xlsx"), "someone's workbook");
    const before = fingerprint(dir);
    const r = await cli(dir, ["import", "seogu.txt"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: ${path.join(dir, "seogu.xlsx")}가 이미 있습니다: 바꾸려면 -o ${path.join(dir, "seogu.xlsx")}로 지정하고, 아니면 다른 이름을 -o로 주세요\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("template without -o does not replace an existing jobplan-template.xlsx", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "jobplan-template.xlsx"), "edited template");
    const before = fingerprint(dir);
    expect((await cli(dir, ["template"])).code).toBe(2);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("-o at a directory: exit 2, it is a folder, nothing written", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    mkdirSync(path.join(dir, "out.xlsx"));
    const before = fingerprint(dir);
    const r = await cli(dir, ["import", "plan.txt", "-o", "out.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: ${path.join(dir, "out.xlsx")}는 폴더입니다: 파일을 지정하세요\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("-o below a regular file: exit 2, a part of the path is a file", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    const before = fingerprint(dir);
    const r = await cli(dir, ["import", "plan.txt", "-o", "plan.txt/out.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: ${path.join(dir, "plan.txt", "out.xlsx")}: 경로 중간에 폴더가 아닌 파일이 있습니다 (경로를 확인하세요)\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("-o in a read-only folder: exit 2, cannot write there, name a writable folder", () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    mkdirSync(path.join(dir, "locked"));
    chmodSync(path.join(dir, "locked"), 0o555);
    const before = fingerprint(dir);
    const r = cliProcess(dir, ["import", "plan.txt", "-o", "locked/plan.xlsx"], { prefix: AS_UNPRIVILEGED });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`jobplan: 쓸 수 없는 위치입니다: ${path.join(dir, "locked", "plan.xlsx")} (쓰기 권한이 있는 폴더를 -o로 지정하세요)\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("summarize in place succeeds and leaves no temporary file; summarize -o leaves the input as it was", async () => {
    const dir = caseDir();
    await sampleWorkbook(path.join(dir, "plan.xlsx"));
    const before = fingerprint(dir);
    const r = await cli(dir, ["summarize", "plan.xlsx", "-o", "copy.xlsx"]);
    expect(r.code).toBe(1);
    expect(changes(before, fingerprint(dir))).toEqual(["copy.xlsx"]);
    const again = await cli(dir, ["summarize", "plan.xlsx"]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/요약을 다시 만들었습니다: .*plan\.xlsx \(수식 \d+개, 값이 바뀐 칸 \d+개: 변경 이력 시트; 오류 \d+건/);
    expect(again.out).toMatch(/계획에 오류가 \d+건 있습니다: jobplan check로 확인하세요/);
    expect(temps(dir)).toEqual([]);
    expect((await cli(dir, ["check", "plan.xlsx"])).code).toBe(1);
  });

  test("summarize -o to a macro-enabled name is refused before anything is written", async () => {
    const dir = caseDir();
    await sampleWorkbook(path.join(dir, "plan.xlsx"));
    const before = fingerprint(dir);
    const r = await cli(dir, ["summarize", "plan.xlsx", "-o", "plan.xlsm"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("매크로");
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });
});
