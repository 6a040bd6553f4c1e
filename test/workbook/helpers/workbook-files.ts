/** Test helpers: temp dirs, the fixture, reading a written workbook back. */
import { mkdtempSync, readFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { importPlanText } from "../../../src/import";
import type { Plan } from "../../../src/core/model";
import { workbookTables } from "../../../src/cli/xlsx-read";
import { readPlanFromTables, type ReadResult } from "../../../src/workbook/read-tables";

export const REPO = path.resolve(__dirname, "..", "..", "..");
export const FIXTURE = path.join(REPO, "samples", "seogu-2020-jobs-plan.txt");

export function tempDir(prefix = "jobplan-test-"): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function fixturePlan(): { plan: Plan; findings: ReturnType<typeof importPlanText>["findings"] } {
  return importPlanText(readFileSync(FIXTURE, "utf8"));
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export async function readPlanFile(file: string): Promise<ReadResult> {
  return readPlanFromTables(workbookTables(await readWorkbook(file)));
}

/** Drops SourceRef fields everywhere (ref, refs, targetRef, headcountRef). */
export function withoutRefs<T>(x: T): T {
  if (Array.isArray(x)) return x.map(withoutRefs) as unknown as T;
  if (x && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === "ref" || k === "refs" || k === "targetRef" || k === "headcountRef") continue;
      out[k] = withoutRefs(v);
    }
    return out as T;
  }
  return x;
}
