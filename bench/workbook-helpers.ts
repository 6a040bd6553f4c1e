/**
 * Shared by the workbook tests and bench/workbook.ts: a deterministic plan generator and a
 * LibreOffice recalculation helper (headless soffice with a private profile that always
 * recalculates on load).
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Plan, Project, RoundingMode, Strategy, Task } from "../src/core/model";
import { emptyPlan } from "../src/core/model";

/** A small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plan with `projects` projects (about 5 per task, 6 tasks per strategy). Amounts in 천원
 * with awkward remainders (…499, …500, …501) so rounding matters; some tasks without a
 * target, some with 민자, a few whose split does not add up.
 */
export function generatePlan(projects: number, seed = 1, mode: RoundingMode = "half-up"): Plan {
  const rand = rng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const plan = emptyPlan(`합성 계획 ${projects}`);
  plan.year = 2021;
  plan.region = "테스트군";
  plan.settings.roundingMode = mode;
  const tasksNeeded = Math.max(1, Math.ceil(projects / 5));
  const strategiesNeeded = Math.max(1, Math.ceil(tasksNeeded / 6));
  let made = 0;
  let taskNo = 0;
  const tails = [0, 499, 500, 501, 999, 1, 250, 750];
  for (let s = 0; s < strategiesNeeded; s++) {
    const strategy: Strategy = { name: `전략 ${s + 1} 일자리 확대`, tasks: [] };
    for (let t = 0; t < 6 && taskNo < tasksNeeded; t++, taskNo++) {
      const task: Task = {
        name: `과제 ${taskNo + 1}`,
        target: int(5) === 0 ? null : int(500),
        budget: { total: 0, parts: {} },
        projects: [],
      };
      const count = Math.min(5, projects - made);
      for (let p = 0; p < count; p++, made++) {
        const national = int(50) * 1000 + tails[int(tails.length)];
        const province = int(3) === 0 ? 0 : int(20) * 1000 + tails[int(tails.length)];
        const municipal = int(30) * 1000 + tails[int(tails.length)];
        const priv = int(10) === 0 ? int(100) * 1000 : 0;
        const parts: Record<string, number> = { national, municipal };
        if (province) parts.province = province;
        if (priv) parts.private = priv;
        const total = national + province + municipal + priv;
        const project: Project = { name: `사업 ${made + 1}`, budget: { total, parts } };
        if (int(4) !== 0) project.headcount = int(50);
        task.projects.push(project);
        for (const k of Object.keys(parts)) task.budget.parts[k] = (task.budget.parts[k] ?? 0) + parts[k];
        task.budget.total! += total;
      }
      // A few tasks state a total that disagrees with their split, one states none.
      if (taskNo % 17 === 5) task.budget.total! += 1000;
      if (taskNo % 23 === 7) task.budget.total = null;
      strategy.tasks.push(task);
    }
    plan.strategies.push(strategy);
  }
  return plan;
}

/** The soffice binary, or undefined. */
export function findSoffice(): string | undefined {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice", "/opt/libreoffice/program/soffice"]) {
    if (existsSync(p)) return p;
  }
  const r = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  const found = r.stdout.trim();
  return found || undefined;
}

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens `xlsx` in headless LibreOffice, recalculates every formula, saves a copy as .xlsx
 * and returns its path. Throws with a clear message when LibreOffice is missing.
 */
export function recalcWithLibreOffice(xlsx: string): string {
  return recalcAllWithLibreOffice([xlsx])[0];
}

/**
 * The same for several files in one start of LibreOffice (its start-up is most of the time
 * of a small file): the recalculated copies, in order, all in one folder (cleanupRecalc of
 * any of them removes them all). The files' names must differ.
 */
export function recalcAllWithLibreOffice(files: string[]): string[] {
  return convertWithLibreOffice(files, "xlsx");
}

/** The files recalculated on opening, then saved as `format` (recalcAllWithLibreOffice). */
export function convertWithLibreOffice(files: string[], format: "xlsx" | "pdf"): string[] {
  const soffice = findSoffice();
  if (!soffice) {
    throw new Error(
      "LibreOffice (soffice) is not installed: the formula tests need it. Install it with " +
        "`apt-get update && apt-get install -y --no-install-recommends libreoffice-calc-nogui` (.ci/run does).",
    );
  }
  const outName = (f: string) => path.basename(f).replace(/\.[^.]+$/, "") + "." + format;
  if (new Set(files.map(outName)).size !== files.length) throw new Error(`recalculated files would share a name: ${files.join(", ")}`);
  const work = mkdtempSync(path.join(os.tmpdir(), "jobplan-lo-"));
  const profile = path.join(work, "profile");
  mkdirSync(path.join(profile, "user"), { recursive: true });
  writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_XCU);
  const outDir = path.join(work, "out");
  mkdirSync(outDir);
  try {
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, ...files],
      { stdio: "pipe", timeout: 180_000 },
    );
  } catch (e) {
    throw new Error(`LibreOffice failed to convert ${files.join(", ")}: ${(e as Error).message}`);
  }
  return files.map((f) => {
    const out = path.join(outDir, outName(f));
    if (!existsSync(out)) throw new Error(`LibreOffice produced no output for ${f}`);
    return out;
  });
}

/** Removes a directory made by recalcWithLibreOffice (the parent of its out/ folder). */
export function cleanupRecalc(out: string): void {
  rmSync(path.dirname(path.dirname(out)), { recursive: true, force: true });
}
