/**
 * Reliability catalogue, inputs: plan texts in every encoding a Korean office produces are
 * read as the UTF-8 original; files that are no plan text, and paths that cannot be read,
 * end with one line naming the file and why, exit 2, and no file in the folder changes.
 */
import { chmodSync, mkdirSync, writeFileSync } from "fs";
import path from "path";
import { AS_UNPRIVILEGED, caseDir, changes, cli, cliProcess, findingCodes, fingerprint, SAMPLE_TEXT, sampleWorkbook } from "./harness";

jest.setTimeout(120_000);

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

/** KS X 1001 (EUC-KR) as a table built from Node's decoder: character -> two bytes. */
const KSX1001 = (() => {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder("euc-kr");
  for (let a = 0xa1; a <= 0xfe; a++) {
    for (let b = 0xa1; b <= 0xfe; b++) {
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== "\ufffd" && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  return table;
})();

/** The sample as a CP949 office would save it: the few characters outside KS X 1001 (⁾) as "?". */
const KS_TEXT = [...SAMPLE_TEXT].map((ch) => (ch.charCodeAt(0) < 0x80 || KSX1001.has(ch) ? ch : "?")).join("");

function eucKr(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...KSX1001.get(ch)!);
  }
  return Buffer.from(out);
}

const ENCODINGS: Array<[string, () => Buffer]> = [
  ["UTF-8 with a BOM", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE_TEXT, "utf8")])],
  ["UTF-16 LE with a BOM", () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE_TEXT, "utf16le")])],
  ["UTF-16 LE without a BOM", () => Buffer.from(SAMPLE_TEXT, "utf16le")],
  ["UTF-16 BE with a BOM", () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE_TEXT)])],
  ["UTF-16 BE without a BOM", () => utf16be(SAMPLE_TEXT)],
];

describe("plan texts in other encodings", () => {
  const dir = caseDir();
  let utf8Codes: string[];
  beforeAll(async () => {
    writeFileSync(path.join(dir, "utf8.txt"), SAMPLE_TEXT);
    utf8Codes = await findingCodes(dir, "utf8.txt");
    expect(utf8Codes.length).toBeGreaterThan(5);
  });

  test.each(ENCODINGS)("a plan text in %s gives the same findings as the UTF-8 original, and is left as it was", async (name, bytes) => {
    const file = `${name.replace(/[^A-Za-z0-9]+/g, "-")}.txt`;
    writeFileSync(path.join(dir, file), bytes());
    const before = fingerprint(dir);
    expect(await findingCodes(dir, file)).toEqual(utf8Codes);
    const imported = await cli(dir, ["import", file, "-o", `${file}.xlsx`]);
    expect(imported.code).toBe(1);
    expect(imported.out).toContain("추진전략 5개");
    expect(changes(before, fingerprint(dir))).toEqual([`${file}.xlsx`]);
  });
});

test("a plan text in CP949 / EUC-KR gives the same findings as the same text in UTF-8, and is left as it was", async () => {
  const dir = caseDir();
  writeFileSync(path.join(dir, "utf8.txt"), KS_TEXT);
  writeFileSync(path.join(dir, "cp949.txt"), eucKr(KS_TEXT));
  expect(KS_TEXT.length).toBe(SAMPLE_TEXT.length);
  const before = fingerprint(dir);
  const codes = await findingCodes(dir, "cp949.txt");
  expect(codes.length).toBeGreaterThan(5);
  expect(codes).toEqual(await findingCodes(dir, "utf8.txt"));
  expect(changes(before, fingerprint(dir))).toEqual([]);
});

const NOT_PLANS: Array<[string, string, Buffer | string, RegExp]> = [
  ["an empty text is refused: the file is empty", "empty.txt", "", /계획 문서로 읽을 수 없습니다: .*empty\.txt \(파일이 비어 있습니다\)/],
  ["a text of blank lines is refused as empty", "blank.txt", "\n\n   \r\n\t\n", /파일이 비어 있습니다/],
  ["a binary file named .txt is refused as not text", "binary.txt", Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0x10, 0x80, 0x81, 7, 8]), /글 파일이 아닙니다/],
  ["a text with NUL bytes inside is refused as not text", "nul.txt", `전략\u0000\u0000과제\u0001`, /글 파일이 아닙니다/],
  ["a single line of text with no plan table is refused: wrong file or encoding?", "one-line.txt", "2020년 서구 일자리 계획", /표.*하나도 찾지 못했습니다. 다른 파일이거나 인코딩이 다를 수 있습니다/],
  ["a letter with no plan table is refused", "letter.txt", "안녕하세요.\n회의 자료를 보내드립니다.\n감사합니다.\n", /하나도 찾지 못했습니다/],
  ["a PDF named .txt is refused as a PDF", "doc.txt", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n", /PDF입니다/],
  ["an HWP/old Office file named .txt is refused", "doc2.txt", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /한글\(\.hwp\)이나 옛 Office 문서/],
  ["a zip file named .txt is refused as a zip", "zip.txt", Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /zip 파일/],
];

describe("files that are no plan text", () => {
  test.each(NOT_PLANS)("%s (check exits 2, nothing changes)", async (_name, file, content, message) => {
    const dir = caseDir();
    writeFileSync(path.join(dir, file), content);
    const before = fingerprint(dir);
    const r = await cli(dir, ["check", file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain(path.join(dir, file));
    expect(r.err.trim().split("\n")).toHaveLength(1);
    const imp = await cli(dir, ["import", file, "-o", "out.xlsx"]);
    expect(imp.code).toBe(2);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });
});

describe("paths that cannot be read", () => {
  test("check of a missing file: exit 2, one line naming it and saying to check the path", async () => {
    const dir = caseDir();
    const r = await cli(dir, ["check", "nowhere.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: 파일이 없습니다: ${path.join(dir, "nowhere.xlsx")} (경로를 확인하세요)\n`);
  });

  test("the same in English with --lang en", async () => {
    const dir = caseDir();
    const r = await cli(dir, ["check", "nowhere.txt", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: No such file: ${path.join(dir, "nowhere.txt")} (check the path)\n`);
  });

  test("import of a directory: exit 2, it is a folder", async () => {
    const dir = caseDir();
    mkdirSync(path.join(dir, "plan.txt"));
    const r = await cli(dir, ["import", "plan.txt", "-o", "plan.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`jobplan: ${path.join(dir, "plan.txt")}는 폴더입니다: 파일을 지정하세요\n`);
  });

  test("check of a directory named .xlsx: exit 2, it is a folder", async () => {
    const dir = caseDir();
    mkdirSync(path.join(dir, "book.xlsx"));
    const r = await cli(dir, ["check", "book.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/book\.xlsx는 폴더입니다/);
  });

  test("import of an unreadable file: exit 2, no permission to read, nothing written", () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "plan.txt"), SAMPLE_TEXT);
    chmodSync(path.join(dir, "plan.txt"), 0o000);
    const before = fingerprint(dir);
    const r = cliProcess(dir, ["import", "plan.txt", "-o", "plan.xlsx"], { prefix: AS_UNPRIVILEGED });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`jobplan: 파일을 읽을 권한이 없습니다: ${path.join(dir, "plan.txt")} (권한을 확인하거나 읽을 수 있는 곳에 복사하세요)\n`);
    expect(changes(before, fingerprint(dir))).toEqual([]);
  });

  test("check of an unreadable workbook: exit 2, no permission to read", async () => {
    const dir = caseDir();
    await sampleWorkbook(path.join(dir, "plan.xlsx"));
    chmodSync(path.join(dir, "plan.xlsx"), 0o000);
    const r = cliProcess(dir, ["check", "plan.xlsx"], { prefix: AS_UNPRIVILEGED });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`파일을 읽을 권한이 없습니다: ${path.join(dir, "plan.xlsx")}`);
  });

  test("check of several files, one missing: the others are reported, exit 2, a total says one was unreadable", async () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, "a.txt"), SAMPLE_TEXT);
    const r = await cli(dir, ["check", "a.txt", "missing.txt"]);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/== a\.txt: 오류 \d+건/);
    expect(r.out).toContain("합계: 파일 2개 (읽지 못함 1개)");
    expect(r.err).toContain("파일이 없습니다");
  });

  test("a path with spaces and Korean characters is read and written", async () => {
    const dir = caseDir();
    mkdirSync(path.join(dir, "서구 계획 2020"));
    writeFileSync(path.join(dir, "서구 계획 2020", "세부 계획.txt"), SAMPLE_TEXT);
    const r = await cli(dir, ["import", "서구 계획 2020/세부 계획.txt", "-o", "결과 파일/서구 2020.xlsx"]);
    expect(r.code).toBe(1);
    expect((await cli(dir, ["check", "결과 파일/서구 2020.xlsx"])).code).toBe(1);
  });
});
