/**
 * Reliability catalogue, plans once misread in silence (issue 11), through the CLI on plan
 * texts and on workbooks: each is now read right or gives one clear finding naming its line
 * or cell, with the exit code that says so, and no input byte changes. The reading is the
 * core plan builder's (the lead's reading path); these cases check what a user of the CLI sees.
 */
import { writeFileSync } from "fs";
import path from "path";
import { generatePlan } from "../../bench/generate-plan";
import { specSheets, writeHandmadeXlsx, type RawSheet, type RawValue } from "../../bench/xlsx-handmade";
import { importPlanText } from "../../src/import";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import type { Plan } from "../../src/core/model";
import { planText } from "../support/plan-text";
import { caseDir, changes, cli, fingerprint } from "./harness";

jest.setTimeout(120_000);

interface Found {
  code: string;
  severity: string;
  message: { ko: string; en: string };
  location: { line?: number; sheet?: string; cell?: string; field?: string; raw?: string; path?: string[] };
  expected?: number;
}

/** A small consistent plan: two strategies of two tasks, three projects a task. */
const PLAN: Plan = generatePlan({ projects: 12, strategies: 2, tasksPerStrategy: 2, seed: 5 });
const CLEAN = planText(PLAN);

/** Checks `file` in a fresh folder: exit code, findings, and that nothing in the folder changed. */
async function checked(name: string, content: string | ((file: string) => Promise<void>)): Promise<{ code: number; found: Found[]; err: string }> {
  const dir = caseDir();
  const file = path.join(dir, name);
  if (typeof content === "string") writeFileSync(file, content);
  else await content(file);
  const before = fingerprint(dir);
  const r = await cli(dir, ["check", name, "--json"]);
  expect(changes(before, fingerprint(dir))).toEqual([]);
  return { code: r.code, found: r.code <= 1 ? (JSON.parse(r.out) as Found[]) : [], err: r.err };
}

const errors = (found: Found[]) => found.filter((f) => f.severity === "error");
const codes = (found: Found[]) => found.map((f) => `${f.severity}:${f.code}`).sort();

/** The plan as a workbook written by hand, one cell of one sheet replaced (`edit` sees every sheet). */
function workbook(edit: (sheets: RawSheet[]) => void, plan: Plan = PLAN): (file: string) => Promise<void> {
  return async (file) => {
    const sheets = specSheets(buildWorkbookSpec(plan, []));
    edit(sheets);
    await writeHandmadeXlsx(file, sheets);
  };
}

function setCell(sheets: RawSheet[], sheet: string, ref: string, value: RawValue): void {
  const s = sheets.find((x) => x.name === sheet)!;
  const c = s.cells.find((x) => x.ref === ref);
  if (c) c.value = value;
  else s.cells.push({ ref, value });
}

function cellValue(sheets: RawSheet[], sheet: string, ref: string): RawValue | undefined {
  return sheets.find((x) => x.name === sheet)!.cells.find((x) => x.ref === ref)?.value;
}

let baseline: { text: string[]; workbook: string[] };

beforeAll(async () => {
  const text = await checked("clean.txt", CLEAN);
  const wb = await checked("clean.xlsx", workbook(() => undefined));
  expect(errors(text.found)).toEqual([]);
  expect(errors(wb.found)).toEqual([]);
  baseline = { text: codes(text.found), workbook: codes(wb.found) };
});

/** The findings beyond the clean plan's (which has only warnings about tables a small plan leaves out). */
function added(found: Found[], base: string[]): string[] {
  const rest = [...base];
  return codes(found).filter((c) => {
    const i = rest.indexOf(c);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

describe("an amount above 2^53 is refused where it is written, never rounded", () => {
  const HUGE = "9,007,199,254,740,993";

  test("in a plan text: exit 1, an error at its line quoting the figure as written", async () => {
    const text = CLEAN.replace(/(사 업 비\t계\t)[\d,]+천원/, `$1${HUGE}천원`);
    expect(text).not.toBe(CLEAN);
    const { code, found } = await checked("huge.txt", text);
    expect(code).toBe(1);
    const refused = found.filter((f) => f.code === "unreadable" && f.location.raw === `${HUGE}천원`);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ severity: "error", location: { line: expect.any(Number), field: "total" } });
    expect(refused[0].message.en).toContain("2^53");
    expect(JSON.stringify(found)).not.toContain("9,007,199,254,740,992");
  });

  test("in a workbook cell holding the text: exit 1, an error naming the cell", async () => {
    const { code, found } = await checked("huge-text.xlsx", workbook((s) => setCell(s, "추진계획", "D2", HUGE)));
    expect(code).toBe(1);
    expect(found.filter((f) => f.code === "unreadable" && f.location.cell === "D2")).toMatchObject([{ severity: "error", location: { sheet: "추진계획", raw: HUGE } }]);
  });

  test("in a workbook number cell (already past what a spreadsheet holds exactly): exit 1, an error naming the cell", async () => {
    const { code, found } = await checked("huge-number.xlsx", workbook((s) => setCell(s, "추진계획", "D2", 2 ** 53 + 2)));
    expect(code).toBe(1);
    expect(found.filter((f) => f.code === "unreadable" && f.location.cell === "D2")).toMatchObject([{ severity: "error", location: { sheet: "추진계획" } }]);
  });
});

describe("43,900원 in a 천원 place is read as 44천원 with a warning", () => {
  test("in a plan text: a unit-precision warning at its line expecting 44", async () => {
    const text = CLEAN.replace(/(\t국비\t)[\d,]+/, "$143,900원");
    expect(text).not.toBe(CLEAN);
    const { code, found } = await checked("won.txt", text);
    // 44천원 no longer adds up with the task's other sources: the split error says so.
    expect([code, errors(found).map((f) => f.code)]).toEqual([1, ["split"]]);
    expect(found.filter((f) => f.code === "unit-precision")).toMatchObject([{ severity: "warning", expected: 44, location: { field: "national", raw: "43,900원", line: expect.any(Number) } }]);
    const plan = importPlanText(text).plan;
    expect(plan.strategies[0].tasks[0].budget.parts.national).toBe(44);
  });

  test("in a workbook's 국비(천원) cell: a unit-precision warning naming the cell expecting 44", async () => {
    const { code, found } = await checked("won.xlsx", workbook((s) => setCell(s, "추진계획", "E2", "43,900원")));
    expect([code, errors(found).map((f) => f.code)]).toEqual([1, ["split"]]);
    expect(found.filter((f) => f.code === "unit-precision")).toMatchObject([{ severity: "warning", expected: 44, location: { sheet: "추진계획", cell: "E2", raw: "43,900원" } }]);
  });
});

// In a plan text the same table still gives an error per row (the lead's importer; see the report).
describe("a summary table without its 일자리 목표 column: one missing-column finding, no error per row", () => {
  test("in a workbook whose 요약 table lacks the column", async () => {
    const { code, found } = await checked(
      "no-target.xlsx",
      workbook((sheets) => {
        const s = sheets.find((x) => x.name === "요약")!;
        const t = s.tables![0];
        const col = t.columns.indexOf("일자리 목표(공표)");
        expect(col).toBeGreaterThanOrEqual(0);
        // The column's cells go; the columns right of it move left, as when a column is deleted in Excel.
        const top = Number(/\d+/.exec(t.ref)![0]);
        const letter = (i: number) => String.fromCharCode(65 + i);
        s.cells = s.cells
          .filter((c) => !(Number(/\d+/.exec(c.ref)![0]) >= top && c.ref.startsWith(letter(col)) && /^[A-Z]\d/.test(c.ref)))
          .map((c) => {
            const row = Number(/\d+/.exec(c.ref)![0]);
            const ci = c.ref.charCodeAt(0) - 65;
            return row >= top && ci > col && /^[A-Z]\d/.test(c.ref) ? { ...c, ref: `${letter(ci - 1)}${row}` } : c;
          });
        t.columns.splice(col, 1);
        t.ref = t.ref.replace(/:([A-Z])/, (_m, l: string) => `:${letter(l.charCodeAt(0) - 66)}`);
      }),
    );
    const missing = found.filter((f) => f.code === "missing-column");
    expect(missing).toHaveLength(1);
    expect(missing[0].location.sheet).toBe("요약");
    expect([code, missing[0].severity]).toEqual([1, "error"]);
    expect(found.filter((f) => f.code === "summary-mismatch" && f.location.field === "target")).toEqual([]);
    expect(added(found, baseline.workbook)).toEqual([`${missing[0].severity}:missing-column`]);
  });
});

describe("a tab or CR before a project name does not merge the project into the one before", () => {
  const first = PLAN.strategies[0].tasks[0].projects[0];
  const names = PLAN.strategies[0].tasks[0].projects.map((p) => p.name);

  test("a tab before a project name and its budget line: the same projects, no error", async () => {
    const text = CLEAN.replace(`○ ${first.name}`, `\t○ ${first.name}`).replace(/\n - 사업예산/g, "\n\t - 사업예산");
    expect(text).not.toBe(CLEAN);
    const { code, found } = await checked("tab.txt", text);
    expect(code).toBe(0);
    expect(codes(found)).toEqual(baseline.text);
    expect(importPlanText(text).plan.strategies[0].tasks[0].projects.map((p) => p.name)).toEqual(names);
  });

  test("old Mac line ends (CR only): the same plan, no error", async () => {
    const text = CLEAN.split("\n").join("\r");
    const { code, found } = await checked("cr.txt", text);
    expect(code).toBe(0);
    expect(codes(found)).toEqual(baseline.text);
    expect(importPlanText(text).plan.strategies[0].tasks[0].projects.map((p) => p.name)).toEqual(names);
  });

  test("a workbook's project name cell starting with a tab is its own project", async () => {
    const at = specSheets(buildWorkbookSpec(PLAN, [])).find((s) => s.name === "세부사업")!.cells.find((c) => c.value === first.name)!.ref;
    const { code, found } = await checked("tab.xlsx", workbook((s) => setCell(s, "세부사업", at, `\t${first.name}`)));
    expect(code).toBe(0);
    expect(codes(found)).toEqual(baseline.workbook);
  });
});

describe("a formula without a cached value in a name cell: a finding naming the cell", () => {
  test("세부사업's project name is a formula no program calculated: exit 1, the cell is named", async () => {
    const sheets = specSheets(buildWorkbookSpec(PLAN, []));
    const at = sheets.find((s) => s.name === "세부사업")!.cells.find((c) => c.value === PLAN.strategies[0].tasks[0].projects[1].name)!.ref;
    const { code, found } = await checked("formula-name.xlsx", workbook((s) => setCell(s, "세부사업", at, { formula: `B${at.slice(1)}&" 사업"` })));
    const named = found.filter((f) => f.location.sheet === "세부사업" && f.location.cell === at);
    expect(named.length).toBeGreaterThanOrEqual(1);
    expect(named[0]).toMatchObject({ severity: "error", code: "unreadable" });
    expect(named[0].message.ko).toMatch(/수식의 계산 결과가 저장되어 있지 않습니다/);
    expect(code).toBe(1);
    expect(cellValue(sheets, "세부사업", at)).toBe(PLAN.strategies[0].tasks[0].projects[1].name);
  });

  test("추진계획's task name is such a formula: the cell is named", async () => {
    const { code, found } = await checked("formula-task.xlsx", workbook((s) => setCell(s, "추진계획", "B3", { formula: 'A3&" 과제"' })));
    const named = found.filter((f) => f.location.sheet === "추진계획" && f.location.cell === "B3");
    expect(named.length).toBeGreaterThanOrEqual(1);
    expect(named[0]).toMatchObject({ severity: "error", code: "unreadable" });
    expect(named[0].message.ko).toMatch(/수식의 계산 결과가 저장되어 있지 않습니다/);
    expect(code).toBe(1);
  });
});

describe("the same task name twice under one strategy: one duplicate-name error", () => {
  test("in a plan text whose summary names a task twice: exit 1, one duplicate-name error at its line", async () => {
    const [first, second] = PLAN.strategies[0].tasks;
    // The summary by task writes the strategy once; its second row names the first task again.
    const text = CLEAN.replace(new RegExp(`\\n\\t${second.name}\\t`), `\n\t${first.name}\t`);
    expect(text).not.toBe(CLEAN);
    const { code, found } = await checked("twice.txt", text);
    expect(code).toBe(1);
    expect(found.filter((f) => f.code === "duplicate-name")).toMatchObject([{ severity: "error", location: { line: expect.any(Number), field: "task", path: [PLAN.strategies[0].name, first.name] } }]);
  });

  test("in a workbook whose TaskPlans has the name twice: exit 1, one duplicate-name error naming a cell", async () => {
    const twice: Plan = JSON.parse(JSON.stringify(PLAN));
    twice.strategies[0].tasks[1].name = twice.strategies[0].tasks[0].name;
    const { code, found } = await checked("twice.xlsx", workbook(() => undefined, twice));
    expect(code).toBe(1);
    expect(found.filter((f) => f.code === "duplicate-name")).toMatchObject([{ severity: "error", location: { sheet: expect.any(String), cell: expect.any(String) } }]);
  });
});
