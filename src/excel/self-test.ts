/**
 * The self-test ("진단 / Self-test" in the pane): every kind of Office.js call the adapter
 * makes, through the adapter's own modules, on a scratch sheet of the open workbook; each
 * result checked, timed, and the scratch removed again. The report (host, platform, version,
 * API sets, pass/fail with timings) is text a person can paste into a bug report. The same
 * script runs on the Excel test double in CI (test/excel/self-test.test.ts).
 *
 * It never touches jobplan's sheets, tables or names: the scratch sheet, table and name have
 * their own names, the setting its own key. Removing the scratch sheet takes
 * Worksheet.delete, which clears the user's undo stack on every platform ("Undo support
 * with the Excel JavaScript API"); hiding it instead would clear it as well on Windows and
 * Mac and leave it in the file. The pane says so before the test runs.
 */
import type { ExcelRun, SelfTestEnvironment, SelfTestReport, SelfTestStep } from "./contract";
import { quoteSheet } from "../core/a1";
import { writeBlock, writeColumnFormulas, Writer } from "./writer";
import { clearHighlights, highlight, HIGHLIGHT_FILL } from "./validate";
import { addNames, frozenNames } from "./names";
import { StyleBatch } from "./styles";
import { queueLink, queueMerges, queuePageSetup, queueRowHeights } from "./sheet-layout";
import { queueProtect } from "./protection";

const API_SETS: Array<[string, string[]]> = [
  ["ExcelApi", ["1.1", "1.4", "1.8", "1.9", "1.12", "1.13", "1.15", "1.17", "1.18"]],
  ["SharedRuntime", ["1.1"]],
  ["CustomFunctionsRuntime", ["1.1", "1.2", "1.3"]],
];

const SCRATCH_TABLE = "JobplanSelfTest";
const SCRATCH_NAME = "JOBPLAN_SELFTEST";
const SCRATCH_SETTING = "jobplan_selftest";

class Check extends Error {}

function expect(ok: boolean, what: string): void {
  if (!ok) throw new Check(what);
}

interface Scratch {
  sheet: string;
  ws: Excel.Worksheet;
}

type Step = [name: string, run: (context: Excel.RequestContext, s: Scratch) => Promise<string | void>];

const STEPS: Step[] = [
  [
    "write and read cells (text stays text)",
    async (context, s) => {
      const writer = new Writer(context, 4 * 1024 * 1024);
      await writeBlock(s.ws, writer, 0, 0, [["a", "b", "c"], ["'=1+1", 12345, "'청년 일자리"], ["'x", 2, "'y"], ["'z", 3, "'w"]], undefined, 5000);
      const r = s.ws.getRange("A1:C4");
      r.load("values,formulas");
      await context.sync();
      expect(r.values[1][0] === "=1+1" && r.formulas[1][0] === "=1+1", `text "=1+1" came back as ${JSON.stringify(r.formulas[1][0])}`);
      expect(r.values[1][1] === 12345 && r.values[1][2] === "청년 일자리", `values came back as ${JSON.stringify(r.values[1])}`);
    },
  ],
  [
    "tables.add with a sheet-qualified address",
    async (context, s) => {
      const t = context.workbook.tables.add(`${quoteSheet(s.sheet)}!A1:C4`, true);
      t.name = SCRATCH_TABLE;
      const range = t.getRange();
      range.load("address");
      await context.sync();
      expect(range.address.replace(/^'|'(?=!)/g, "").startsWith(`${s.sheet}!`), `the table landed at ${range.address}`);
    },
  ],
  [
    "one formula over a table column (no autofill)",
    async (context, s) => {
      const writer = new Writer(context, 4 * 1024 * 1024);
      await writeColumnFormulas(context, writer, [{ sheet: s.sheet, col: 1, row: 1, rows: 3, formula: `=${SCRATCH_TABLE}[[#This Row],[c]]&"!"` }]);
      const r = s.ws.getRange("B2:B4");
      r.load("formulas");
      const other = s.ws.getRange("A2:A4");
      other.load("values");
      await context.sync();
      const f = r.formulas.map((x) => String(x[0]));
      expect(f.every((x) => x === f[0] && x.includes("&")), `formulas came back as ${JSON.stringify(f)}`);
      expect(JSON.stringify(other.values) === JSON.stringify([["=1+1"], ["x"], ["z"]]), `column a changed: ${JSON.stringify(other.values)}`);
    },
  ],
  [
    "table rows: add and delete",
    async (context) => {
      const rows = context.workbook.tables.getItem(SCRATCH_TABLE).rows;
      rows.add(1);
      rows.load("count");
      await context.sync();
      expect(rows.count === 4, `after rows.add: ${rows.count} rows`);
      rows.getItemAt(1).delete();
      rows.load("count");
      await context.sync();
      expect(rows.count === 3, `after delete: ${rows.count} rows`);
    },
  ],
  [
    "highlight with getRanges, then clear",
    async (context, s) => {
      const writer = new Writer(context, 4 * 1024 * 1024);
      const sheets = () => s.ws;
      await highlight(writer, sheets, new Map([[`${s.sheet}!A2`, "error"], [`${s.sheet}!C3`, "error"]]));
      const fill = s.ws.getRange("C3").format.fill;
      fill.load("color");
      await context.sync();
      expect(fill.color?.toUpperCase() === HIGHLIGHT_FILL.error, `fill came back as ${fill.color}`);
      await clearHighlights(writer, sheets, [{ sheet: s.sheet, cell: "A2" }, { sheet: s.sheet, cell: "C3" }], new Set([s.sheet]));
      fill.load("color");
      await context.sync();
      expect(fill.color?.toUpperCase() !== HIGHLIGHT_FILL.error, "the fill stayed");
    },
  ],
  [
    "styles, merge, row height, page setup, a link, protection",
    async (context, s) => {
      const writer = new Writer(context, 4 * 1024 * 1024);
      const styles = new StyleBatch();
      styles.add(s.sheet, "A1:C1", { bold: true, fill: "FFD9D9D9", horizontal: "center", wrap: true, border: true });
      await styles.flush(writer, () => s.ws);
      await queueMerges(s.ws, writer, [{ top: 5, left: 0, bottom: 5, right: 2 }]);
      await queueRowHeights(s.ws, writer, [{ row: 5, height: 24 }]);
      await queuePageSetup(s.ws, writer, { paper: "A4", orientation: "landscape", fitToWidth: 1, fitToHeight: 0, printTitleRows: { first: 0, last: 0 }, footer: "&L&A&R&P / &N", horizontalCentered: true });
      await queueLink(s.ws, writer, "E1", { sheet: s.sheet, cell: "A1" }, "A1");
      await queueProtect(s.ws, writer, [{ top: 1, left: 0, bottom: 3, right: 0 }]);
      const link = s.ws.getRange("E1");
      link.load("values");
      s.ws.protection.load("protected");
      await context.sync();
      expect(s.ws.protection.protected, "the sheet did not become protected");
      expect(link.values[0][0] === "A1", `the link shows ${JSON.stringify(link.values[0][0])}`);
      s.ws.protection.unprotect();
      await context.sync();
    },
  ],
  [
    "a note on a cell (ExcelApi 1.18)",
    async (context, s) => {
      const notes = (s.ws as Partial<Excel.Worksheet>).notes;
      if (!notes || typeof notes.add !== "function") return "not in this Excel: notes are left out, the pane says so";
      notes.add("D1", "jobplan");
      await context.sync();
    },
  ],
  [
    "names.add read back (LAMBDA)",
    async (context) => {
      const writer = new Writer(context, 4 * 1024 * 1024);
      const added = await addNames(context, writer, [{ name: SCRATCH_NAME, formula: `=LAMBDA(x,ROWS(${SCRATCH_TABLE}[#All])+x)` }]);
      await context.sync();
      const frozen = frozenNames(added).length > 0;
      added[0].item.delete();
      await context.sync();
      expect(!frozen, `Excel stored ${added[0].item.formula}: table references are frozen (JOBTARGET etc. are not defined here)`);
      return added[0].item.formula;
    },
  ],
  [
    "document settings (state without a sheet)",
    async (context) => {
      context.workbook.settings.add(SCRATCH_SETTING, '{"v":1}');
      const s = context.workbook.settings.getItemOrNullObject(SCRATCH_SETTING);
      s.load("value");
      await context.sync();
      const value = s.isNullObject ? undefined : s.value;
      s.delete();
      await context.sync();
      expect(value === '{"v":1}', `read back ${JSON.stringify(value)}`);
    },
  ],
  [
    "calculation mode",
    async (context) => {
      const app = context.workbook.application;
      app.load("calculationMode");
      await context.sync();
      return String(app.calculationMode);
    },
  ],
];

function apiSets(env: SelfTestEnvironment): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const [name, versions] of API_SETS)
    for (const v of versions) {
      let ok = false;
      try {
        ok = env.isSetSupported(name, v);
      } catch {
        ok = false;
      }
      out[`${name} ${v}`] = ok;
    }
  return out;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

async function timed(name: string, work: () => Promise<string | void>): Promise<SelfTestStep> {
  const start = now();
  try {
    const detail = await work();
    return { name, ok: true, ms: Math.round(now() - start), detail: detail ?? "" };
  } catch (err) {
    const e = err as { message?: string; code?: string };
    return { name, ok: false, ms: Math.round(now() - start), detail: `${e?.code ? e.code + ": " : ""}${e?.message ?? String(err)}` };
  }
}

export async function runSelfTest(run: ExcelRun, env: SelfTestEnvironment): Promise<SelfTestReport> {
  const steps: SelfTestStep[] = [];
  const sheet = `jobplan_selftest_${Date.now().toString(36).slice(-5)}`;
  await run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const made = await timed("add a scratch sheet", async () => {
      context.workbook.worksheets.add(sheet);
      await context.sync();
    });
    steps.push(made);
    if (!made.ok) return;
    for (const [name, work] of STEPS) steps.push(await timed(name, () => work(context, { sheet, ws })));
    steps.push(
      await timed("remove the scratch sheet", async () => {
        ws.delete();
        const left = context.workbook.worksheets.getItemOrNullObject(sheet);
        left.load("name");
        await context.sync();
        expect(left.isNullObject, "the scratch sheet is still there");
      }),
    );
  });
  return {
    ok: steps.every((s) => s.ok),
    environment: { host: env.host, platform: env.platform, version: env.version },
    apiSets: apiSets(env),
    steps,
  };
}

/** The report as plain text, for a bug report. */
export function selfTestText(r: SelfTestReport): string {
  const lines = [
    `jobplan self-test: ${r.ok ? "PASS" : "FAIL"}`,
    `host ${r.environment.host}, platform ${r.environment.platform}, version ${r.environment.version}`,
    `API sets: ${Object.entries(r.apiSets)
      .map(([k, v]) => `${k} ${v ? "yes" : "no"}`)
      .join(", ")}`,
    ...r.steps.map((s) => `${s.ok ? "PASS" : "FAIL"} ${s.name} (${s.ms} ms)${s.detail ? ": " + s.detail : ""}`),
  ];
  return lines.join("\n");
}

/** What Office says about where the add-in runs (nothing outside Office). */
export function officeEnvironment(): SelfTestEnvironment {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const diag = office?.context?.diagnostics;
  return {
    host: String(diag?.host ?? "unknown"),
    platform: String(diag?.platform ?? "unknown"),
    version: String(diag?.version ?? "unknown"),
    isSetSupported: (name, version) => !!office?.context?.requirements?.isSetSupported(name, version),
  };
}
