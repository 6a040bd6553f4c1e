/**
 * jobplan command line: template, import, check, summarize, demo. `runCli` is the whole
 * program as a function (argv without node and script, an io) returning the exit code.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import path from "path";
import type { Finding } from "../core/findings";
import { hasErrors } from "../core/findings";
import { emptyPlan, type Plan } from "../core/model";
import { parseSourceList } from "../core/vocabulary";
import { importPlanText } from "../import";
import { expandArgs } from "./globs";
import { countLine, formatFindings, type Lang } from "./report";
import { InputError, loadAndCheck, summarizeWorkbook, writePlanWorkbook, type SummarizeResult } from "./workbook-io";
import { checkPlan } from "../core";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export function processIO(): CliIO {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
  };
}

interface Args {
  positional: string[];
  flags: Record<string, string | true>;
}

const VALUE_FLAGS = new Set(["o", "output", "year", "sources", "rounding", "lang"]);

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const m = /^--?([a-zA-Z-]+)(?:=(.*))?$/.exec(a);
    if (!m || a === "-") {
      positional.push(a);
      continue;
    }
    const name = m[1];
    if (m[2] !== undefined) flags[name] = m[2];
    else if (VALUE_FLAGS.has(name)) {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      flags[name] = argv[++i];
    } else flags[name] = true;
  }
  return { positional, flags };
}

class UsageError extends Error {}

const USAGE = {
  ko: `사용법:
  jobplan template -o plan.xlsx [--year 2021] [--sources 국비,도비,군비,민자] [--rounding half-up|largest-remainder]
  jobplan import plan.txt -o plan.xlsx
  jobplan check <file.xlsx|file.txt>... [--json]
  jobplan summarize plan.xlsx -o out.xlsx
  jobplan demo
  공통: --lang ko|en
`,
  en: `Usage:
  jobplan template -o plan.xlsx [--year 2021] [--sources 국비,도비,군비,민자] [--rounding half-up|largest-remainder]
  jobplan import plan.txt -o plan.xlsx
  jobplan check <file.xlsx|file.txt>... [--json]
  jobplan summarize plan.xlsx -o out.xlsx
  jobplan demo
  Common: --lang ko|en
`,
};

function langOf(flags: Args["flags"], env: CliIO["env"]): Lang {
  const f = flags.lang;
  if (f === "en" || f === "ko") return f;
  if (typeof f === "string") throw new UsageError(`--lang ko|en, not ${f}`);
  return /^en/i.test(env.LANG ?? "") ? "en" : "ko";
}

function str(flags: Args["flags"], ...names: string[]): string | undefined {
  for (const n of names) {
    const v = flags[n];
    if (typeof v === "string") return v;
  }
  return undefined;
}

function resolvePath(io: CliIO, p: string): string {
  return path.resolve(io.cwd, p);
}

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  let lang: Lang = /^en/i.test(io.env.LANG ?? "") ? "en" : "ko";
  try {
    const args = parseArgs(argv);
    lang = langOf(args.flags, io.env);
    const [command, ...rest] = args.positional;
    if (!command || args.flags.help || args.flags.h) {
      io.stdout(USAGE[lang]);
      return command || args.flags.help || args.flags.h ? 0 : 2;
    }
    switch (command) {
      case "template":
        return await templateCommand(args, io, lang);
      case "import":
        return await importCommand(rest, args, io, lang);
      case "check":
        return await checkCommand(rest, args, io, lang);
      case "summarize":
        return await summarizeCommand(rest, args, io, lang);
      case "demo":
        return await demoCommand(io, lang);
      default:
        throw new UsageError(lang === "ko" ? `알 수 없는 명령: ${command}` : `Unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`jobplan: ${e.message}\n${USAGE[lang]}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`jobplan: ${e.message}\n`);
      return 2;
    }
    io.stderr(`jobplan: ${(e as Error).stack ?? String(e)}\n`);
    return 3;
  }
}

async function templateCommand(args: Args, io: CliIO, lang: Lang): Promise<number> {
  const out = resolvePath(io, str(args.flags, "o", "output") ?? "jobplan-template.xlsx");
  const plan: Plan = emptyPlan();
  const year = str(args.flags, "year");
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(lang === "ko" ? `--year는 네 자리 연도입니다: ${year}` : `--year takes a 4-digit year: ${year}`);
    plan.year = Number(year);
    plan.name = `${year}년도 일자리대책 연차별 세부계획`;
  }
  const sources = str(args.flags, "sources");
  if (sources !== undefined) {
    if (!sources.replace(/[\s,，、;]/g, "")) throw new UsageError(lang === "ko" ? "--sources가 비어 있습니다" : "--sources is empty");
    plan.settings.sources = parseSourceList(sources);
  }
  const rounding = str(args.flags, "rounding");
  if (rounding !== undefined) {
    if (rounding !== "half-up" && rounding !== "largest-remainder") {
      throw new UsageError(lang === "ko" ? `--rounding은 half-up 또는 largest-remainder입니다: ${rounding}` : `--rounding is half-up or largest-remainder, not ${rounding}`);
    }
    plan.settings.roundingMode = rounding;
  }
  ensureDir(out);
  await writePlanWorkbook(plan, [], out, lang);
  io.stdout(lang === "ko" ? `서식을 만들었습니다: ${out}\n` : `Template written: ${out}\n`);
  return 0;
}

function ensureDir(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
}

function readText(file: string, lang: Lang): string {
  if (!existsSync(file)) throw new InputError(lang === "ko" ? `파일이 없습니다: ${file}` : `No such file: ${file}`);
  return readFileSync(file, "utf8");
}

async function importCommand(rest: string[], args: Args, io: CliIO, lang: Lang): Promise<number> {
  if (rest.length !== 1) throw new UsageError(lang === "ko" ? "import에는 .txt 파일 하나가 필요합니다" : "import takes one .txt file");
  const input = resolvePath(io, rest[0]);
  const out = resolvePath(io, str(args.flags, "o", "output") ?? rest[0].replace(/\.[^./\\]+$/, "") + ".xlsx");
  const { plan, findings } = importPlanText(readText(input, lang));
  const all = [...findings, ...checkPlan(plan)];
  ensureDir(out);
  await writePlanWorkbook(plan, all, out, lang);
  io.stdout(
    lang === "ko"
      ? `가져왔습니다: ${out} (추진전략 ${plan.strategies.length}개, 실천과제 ${plan.strategies.reduce((a, s) => a + s.tasks.length, 0)}개; ${countLine(all, lang)})\n`
      : `Imported: ${out} (${plan.strategies.length} strategies, ${plan.strategies.reduce((a, s) => a + s.tasks.length, 0)} tasks; ${countLine(all, lang)})\n`,
  );
  return 0;
}

interface FileReport {
  file: string;
  findings?: Finding[];
  error?: string;
}

async function checkCommand(rest: string[], args: Args, io: CliIO, lang: Lang): Promise<number> {
  if (!rest.length) throw new UsageError(lang === "ko" ? "check에는 파일이 하나 이상 필요합니다" : "check takes one or more files");
  const files = expandArgs(rest, io.cwd);
  const reports: FileReport[] = [];
  const progress = files.length > 3;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (progress) io.stderr(`[${i + 1}/${files.length}] ${file}\n`);
    try {
      const { findings } = await loadAndCheck(resolvePath(io, file), lang);
      reports.push({ file, findings });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      reports.push({ file, error: e.message });
      io.stderr(`jobplan: ${e.message}\n`);
    }
  }
  const ok = reports.filter((r) => r.findings);
  const all = ok.flatMap((r) => r.findings!);
  if (args.flags.json) {
    const list = files.length > 1 ? ok.flatMap((r) => r.findings!.map((f) => ({ file: r.file, ...f }))) : all;
    io.stdout(JSON.stringify(list, null, 2) + "\n");
  } else {
    for (const r of reports) {
      if (r.error) {
        io.stdout(`== ${r.file}\n  ${r.error}\n\n`);
        continue;
      }
      io.stdout(`== ${r.file}: ${countLine(r.findings!, lang)}\n`);
      if (r.findings!.length) io.stdout(formatFindings(r.findings!, lang) + "\n");
      io.stdout("\n");
    }
    if (reports.length > 1) {
      const unreadable = reports.filter((r) => r.error).length;
      io.stdout(
        lang === "ko"
          ? `합계: 파일 ${reports.length}개 (읽지 못함 ${unreadable}개), ${countLine(all, lang)}\n`
          : `Total: ${reports.length} files (${unreadable} unreadable), ${countLine(all, lang)}\n`,
      );
    }
  }
  if (reports.some((r) => r.error)) return 2;
  return hasErrors(all) ? 1 : 0;
}

async function summarizeCommand(rest: string[], args: Args, io: CliIO, lang: Lang): Promise<number> {
  if (rest.length !== 1) throw new UsageError(lang === "ko" ? "summarize에는 .xlsx 파일 하나가 필요합니다" : "summarize takes one .xlsx file");
  const input = resolvePath(io, rest[0]);
  if (!/\.xls[xm]$/i.test(input)) throw new InputError(lang === "ko" ? `.xlsx 파일이 아닙니다: ${rest[0]}` : `Not an .xlsx file: ${rest[0]}`);
  const out = resolvePath(io, str(args.flags, "o", "output") ?? rest[0]);
  ensureDir(out);
  const { findings, regenerated, added, addedRows } = await summarizeWorkbook(input, out, lang);
  io.stdout(
    lang === "ko"
      ? `요약을 다시 만들었습니다: ${out} (수식 ${regenerated}개; ${countLine(findings, lang)})\n`
      : `Summaries regenerated: ${out} (${regenerated} formulas; ${countLine(findings, lang)})\n`,
  );
  if (addedRows.length) io.stdout(addedRowsText(added, addedRows, lang));
  return 0;
}

/**
 * Which summary rows were added, so the user knows where to type the declared figures:
 * "요약 행 추가: 과제별 2, 분야별 1" and one line a row.
 */
function addedRowsText(added: SummarizeResult["added"], rows: SummarizeResult["addedRows"], lang: Lang): string {
  const head = lang === "ko" ? `요약 행 추가: 과제별 ${added.byTask}, 분야별 ${added.byStrategy}` : `Summary rows added: by task ${added.byTask}, by strategy ${added.byStrategy}`;
  const label = (r: SummarizeResult["addedRows"][number]) =>
    r.table === "summaryByTask" ? (lang === "ko" ? "과제별" : "by task") : lang === "ko" ? "분야별" : "by strategy";
  const lines = rows.map((r) => `  ${label(r)}: ${r.task !== undefined ? `${r.strategy} › ${r.task}` : r.strategy}`);
  const note = lang === "ko" ? "  (공표 칸은 비어 있습니다: 공표한 수치를 입력하세요)" : "  (declared cells are empty: type the published figures)";
  return [head, ...lines, note].join("\n") + "\n";
}

/** The bundled sample first, then the shared fixture beside the repository. */
export function demoFixture(): string | undefined {
  const repo = path.resolve(__dirname, "..", "..");
  const sample = path.join(repo, "samples", "seogu-2020-jobs-plan.txt");
  return existsSync(sample) ? sample : undefined;
}

async function demoCommand(io: CliIO, lang: Lang): Promise<number> {
  const fixture = demoFixture();
  if (!fixture) throw new InputError(lang === "ko" ? "예제 파일(samples/seogu-2020-jobs-plan.txt)이 없습니다" : "Sample file samples/seogu-2020-jobs-plan.txt is missing");
  const out = resolvePath(io, path.join("out", "seogu-2020.xlsx"));
  const { plan, findings } = importPlanText(readFileSync(fixture, "utf8"));
  const all = [...findings, ...checkPlan(plan)];
  ensureDir(out);
  await writePlanWorkbook(plan, all, out, lang);
  io.stdout(lang === "ko" ? `예제: ${fixture}\n통합문서: ${out}\n\n` : `Sample: ${fixture}\nWorkbook: ${out}\n\n`);
  io.stdout(formatFindings(all, lang) + "\n\n");
  io.stdout((lang === "ko" ? `검증 결과: ` : `Findings: `) + countLine(all, lang) + "\n");
  return 0;
}


