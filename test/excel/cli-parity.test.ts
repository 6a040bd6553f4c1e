/**
 * The add-in and the CLI regenerate a workbook alike. One workbook (the Seo-gu 2020 plan as
 * the template writes it, then edited as a person would: two tasks typed into TaskPlans, a
 * task renamed in 요약, a 소계 row typed under a strategy, the rounding switched to 끝수 조정
 * in 설정) is rendered into the Excel double and written as an .xlsx; the add-in regenerates
 * the one, `summarize` (the CLI) the other. Both call regenerateCells on the workbook they
 * read, and afterwards the three tables jobplan generates into hold the same cells: the
 * same addresses, formulas, value columns (matched names, 합계/소계 flags, 끝수 조정 nudges)
 * and names of the added rows.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import { createFakeExcel, type FakeExcel } from "./fake-excel";
import { createPlanWorkbookOps } from "../../src/excel/adapter";
import { renderWorkbook } from "../../src/excel/render";
import { canonicalFormula } from "../../src/excel/cells";
import { emptyState } from "../../src/excel/state";
import { summarizeWorkbook } from "../../src/cli/workbook-io";
import { writeWorkbookFile } from "../../src/cli/xlsx-write";
import { parseBox } from "../../src/core/a1";
import { buildWorkbookSpec } from "../../src/workbook/template-sheets";
import { ROUNDING_WORDS } from "../../src/workbook/sheet-words";
import type { CellSpec, WorkbookSpec } from "../../src/workbook/workbook-model";
import { a1 } from "../../src/workbook/workbook-model";
import { appendTaskRows, DIGITAL_TASK, YOUTH_TASK } from "../workbook/helpers/added-tasks";
import { fixturePlan, readWorkbook, tempDir } from "../workbook/helpers/workbook-files";

const TABLES = ["SummaryByTask", "SummaryByStrategy", "TaskPlans"] as const;
const RENAMED = { from: "청년 취업 역량 강화", to: "청년취업 역량강화" };
const ENV = () => ({ host: "Excel", platform: "test", version: "16", isSetSupported: () => true });

/** The edited workbook both paths start from. */
function editedSpec(): WorkbookSpec {
  const { plan, findings } = fixturePlan();
  const spec = buildWorkbookSpec(plan, findings);
  appendTaskRows(spec, [YOUTH_TASK, DIGITAL_TASK]);
  const byTask = spec.sheets.find((s) => s.key === "summary")!.tables[0];
  const col = (key: string) => byTask.columns.findIndex((c) => c.key === key);
  const renamed = byTask.rows.find((r) => r[col("task")].value === RENAMED.from)!;
  renamed[col("task")] = { value: RENAMED.to };
  // A 소계 row typed after the first strategy's rows, its flag left blank.
  const first = byTask.rows[1][col("strategy")].value;
  const last = byTask.rows.map((r) => r[col("strategy")].value).lastIndexOf(first);
  const subtotal: CellSpec[] = byTask.rows[last].map((c, ci) => (c.formula !== undefined ? { ...c } : { value: ci === col("strategy") ? first : ci === col("task") ? "소계" : null }));
  byTask.rows.splice(last + 1, 0, subtotal);
  const info = spec.sheets.find((s) => s.key === "settings")!.tables.find((t) => t.name === "PlanInfo")!;
  const rounding = info.rows.find((r) => r[2].value === "rounding")!;
  rounding[1] = { value: ROUNDING_WORDS.ko["largest-remainder"] };
  return spec;
}

/** "=..." for a formula (canonical), the value otherwise, null for blank. */
function content(formula: string | undefined, value: unknown): unknown {
  if (formula !== undefined) return canonicalFormula("=" + formula.replace(/^=/, ""));
  return value === "" || value === undefined || value === null ? null : value;
}

type Cells = Record<string, Record<string, unknown>>;

function doubleCells(fx: FakeExcel): Cells {
  const out: Cells = {};
  for (const name of TABLES) {
    const address = fx.tableAddress(name)!;
    const bang = address.lastIndexOf("!");
    const sheet = fx.sheet(address.slice(0, bang).replace(/^'|'$/g, ""));
    const box = parseBox(address.slice(bang + 1))!;
    const cells: Record<string, unknown> = { address: address.slice(bang + 1) };
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) {
        const f = sheet.formula(a1(r, c));
        cells[a1(r, c)] = typeof f === "string" && f.startsWith("=") ? content(f, undefined) : content(undefined, f);
      }
    out[name] = cells;
  }
  return out;
}

function cliCells(wb: ExcelJS.Workbook): Cells {
  const out: Cells = {};
  for (const name of TABLES) {
    for (const ws of wb.worksheets) {
      const tables = (ws as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string } }> }).tables ?? {};
      const t = tables[name]?.table;
      if (!t) continue;
      const ref = t.tableRef ?? t.ref!;
      const box = parseBox(ref)!;
      const cells: Record<string, unknown> = { address: ref };
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const cell = ws.getCell(r + 1, c + 1);
          cells[a1(r, c)] = content(cell.formula || undefined, cell.formula ? undefined : cell.value);
        }
      out[name] = cells;
    }
  }
  return out;
}

test("after regeneration, the add-in's workbook holds the cells the CLI's summarize writes", async () => {
  const spec = editedSpec();
  const fx = createFakeExcel();
  await fx.run((context) => renderWorkbook(context, spec, [], { chunkCells: 5000, maxPayloadBytes: 4 * 1024 * 1024, lang: "ko", notes: true }, emptyState()));
  const before = doubleCells(fx);
  const ops = createPlanWorkbookOps(fx.run, { lambdaSupported: () => false, environment: ENV });
  const r = await ops.regenerate();
  expect(r).toMatchObject({ status: "done", addedRows: { byTask: 2, byStrategy: 1 } });

  const dir = tempDir();
  const input = path.join(dir, "edited.xlsx");
  const output = path.join(dir, "summarized.xlsx");
  await writeWorkbookFile(spec, input);
  // Both start from the same cells.
  expect(cliCells(await readWorkbook(input))).toEqual(before);
  const cli = await summarizeWorkbook(input, output, "ko");
  expect(cli.added).toEqual({ byTask: 2, byStrategy: 1 });

  const addin = doubleCells(fx);
  expect(addin).toEqual(cliCells(await readWorkbook(output)));

  // And the regeneration did write each kind of value cell it is about.
  const byTask = fx.sheet("요약");
  const headers = fx.tableHeaders("SummaryByTask");
  const letter = (h: string) => String.fromCharCode(65 + headers.indexOf(h));
  const rows = Object.keys(addin.SummaryByTask).filter((k) => /^A\d+$/.test(k)).map((k) => Number(k.slice(1)));
  const rowWith = (col: string, v: unknown) => rows.find((n) => byTask.value(`${letter(col)}${n}`) === v);
  const renamedRow = rowWith("실천과제", RENAMED.to)!;
  expect(byTask.value(`${letter("기준 실천과제")}${renamedRow}`)).toBe(RENAMED.from);
  const subtotalRow = rowWith("실천과제", "소계")!;
  expect(byTask.value(`${letter("합계 행")}${subtotalRow}`)).toBe(2);
  expect(rowWith("실천과제", DIGITAL_TASK.task)).toBeDefined();
  const nudges = Object.entries(addin.SummaryByStrategy).filter(([k, v]) => typeof v === "number" && fx.tableHeaders("SummaryByStrategy")[k.charCodeAt(0) - 65]?.endsWith("끝수 조정"));
  expect(nudges.some(([, v]) => v !== 0)).toBe(true);
});
