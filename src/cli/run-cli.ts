/**
 * jobplan command line: template, import, check, summarize, demo, help. `runCli` is the whole
 * program as a function (argv without node and script, an io) returning the exit code:
 * 0 no errors, 1 the plan has errors, 2 a bad input or argument, 3 an internal error.
 */
import path from "path";
import { existsSync } from "fs";
import type { Finding } from "../core/findings";
import { hasErrors } from "../core/findings";
import { emptyPlan, type Plan } from "../core/model";
import { parseSourceList } from "../core/vocabulary";
import { COMMANDS, langFromArgv, parseArgs, stringOption, UsageError, type Args, type Command } from "./args";
import { saveCrashLog } from "./crash-log";
import { InputError } from "./errors";
import { headBytes, prepareOutput, sameFile } from "./file-access";
import { expandArgs } from "./globs";
import { M, say, type Lang } from "./messages";
import { countLine, formatFindings } from "./report";
import { usage, VERSION } from "./usage";
import { importPlanFile, isWorkbookName, loadAndCheck } from "./load-plan";
import type { SummarizeResult } from "./workbook-io";

/** New workbooks are written without ExcelJS; summarize's read-modify-write loads it: `check` loads neither. */
const writer = () => import("./plan-write");
const rewriter = () => import("./workbook-io");

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Where relative paths start: the folder the user ran jobplan in. */
  cwd: string;
  env: Record<string, string | undefined>;
}

/**
 * The real process. Under `npm run jobplan` / `npm run demo` npm moves to the package folder
 * and keeps the user's folder in INIT_CWD: paths are the user's, never the package's.
 */
export function processIO(): CliIO {
  const env = process.env;
  const viaNpm = (env.npm_lifecycle_event === "jobplan" || env.npm_lifecycle_event === "demo") && env.INIT_CWD;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: viaNpm ? env.INIT_CWD! : process.cwd(),
    env,
  };
}

const t = (lang: Lang, ko: string, en: string) => (lang === "ko" ? ko : en);

export async function runCli(argv: string[], io: CliIO = processIO()): Promise<number> {
  let lang = langFromArgv(argv, io.env);
  try {
    const args = parseArgs(argv, lang);
    const l = stringOption(args, "lang");
    if (l !== undefined && l !== "ko" && l !== "en") throw new UsageError(t(lang, `--lang은 ko 또는 en입니다: ${l}`, `--lang is ko or en, not ${l}`));
    if (l) lang = l;
    if (args.options.version) {
      io.stdout(`jobplan ${VERSION}\n`);
      return 0;
    }
    const command = args.command;
    if (!command) {
      if (args.options.help) {
        io.stdout(usage(lang));
        return 0;
      }
      io.stderr(usage(lang));
      return 2;
    }
    if (!COMMANDS.includes(command as Command)) throw new UsageError(t(lang, `알 수 없는 명령입니다: ${command}`, `Unknown command: ${command}`));
    if (command === "help" || args.options.help) return helpCommand(command as Command, args, io, lang);
    switch (command as Exclude<Command, "help">) {
      case "template":
        return await templateCommand(args, io, lang);
      case "import":
        return await importCommand(args, io, lang);
      case "check":
        return await checkCommand(args, io, lang);
      case "summarize":
        return await summarizeCommand(args, io, lang);
      case "demo":
        return await demoCommand(args, io, lang);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`jobplan: ${e.message} (${t(lang, "도움말: jobplan --help", "see jobplan --help")})\n`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`jobplan: ${e.message}\n`);
      return 2;
    }
    const log = saveCrashLog(e, argv);
    io.stderr(`jobplan: ${say(lang, M.internal(log))}\n`);
    return 3;
  }
}

function helpCommand(command: Command, args: Args, io: CliIO, lang: Lang): number {
  const about = command === "help" ? args.positional[0] : command;
  if (about !== undefined && !COMMANDS.includes(about as Command))
    throw new UsageError(t(lang, `알 수 없는 명령입니다: ${about}`, `Unknown command: ${about}`));
  io.stdout(usage(lang, about as Command | undefined));
  return 0;
}

function noMoreFiles(args: Args, n: number, lang: Lang, what: { ko: string; en: string }): void {
  if (args.positional.length !== n) throw new UsageError(say(lang, what));
}

/** -o, or a name in the user's folder that must not replace an existing file unasked. */
function outputPath(args: Args, io: CliIO, fallback: string, lang: Lang): string {
  const given = stringOption(args, "output");
  const out = path.resolve(io.cwd, given ?? fallback);
  if (!/\.xlsx$/i.test(out)) {
    if (/\.xlsm$/i.test(out)) throw new InputError(say(lang, M.macros(out)));
    throw new InputError(say(lang, M.outputNotXlsx(out)));
  }
  if (given === undefined && existsSync(out)) throw new InputError(say(lang, M.outputExists(out)));
  prepareOutput(out, lang);
  return out;
}

async function templateCommand(args: Args, io: CliIO, lang: Lang): Promise<number> {
  noMoreFiles(args, 0, lang, {
    ko: "template에는 파일 인수가 없습니다 (-o로 출력 파일을 지정하세요)",
    en: "template takes no file argument (name the output with -o)",
  });
  const plan: Plan = emptyPlan();
  const year = stringOption(args, "year");
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(t(lang, `--year는 네 자리 연도입니다: ${year}`, `--year takes a 4-digit year: ${year}`));
    plan.year = Number(year);
    plan.name = `${year}년도 일자리대책 연차별 세부계획`;
  }
  const sources = stringOption(args, "sources");
  if (sources !== undefined) {
    if (!sources.replace(/[\s,，、;]/g, "")) throw new UsageError(t(lang, "--sources가 비어 있습니다", "--sources is empty"));
    plan.settings.sources = parseSourceList(sources);
  }
  const rounding = stringOption(args, "rounding");
  if (rounding !== undefined) {
    if (rounding !== "half-up" && rounding !== "largest-remainder") {
      throw new UsageError(
        t(lang, `--rounding은 half-up 또는 largest-remainder입니다: ${rounding}`, `--rounding is half-up or largest-remainder, not ${rounding}`),
      );
    }
    plan.settings.roundingMode = rounding;
  }
  const out = outputPath(args, io, "jobplan-template.xlsx", lang);
  const protect = !!args.options.protect;
  await (await writer()).writePlanWorkbook(plan, [], out, lang, { protect, log: "template" });
  io.stdout(t(lang, `서식을 만들었습니다: ${out}\n`, `Template written: ${out}\n`));
  if (protect) io.stdout(protectedLine(lang));
  return 0;
}

function taskCount(plan: Plan): number {
  return plan.strategies.reduce((a, s) => a + s.tasks.length, 0);
}

/** The closing lines of a command that wrote a workbook: the error count when there are errors. */
function errorsLine(findings: readonly Finding[], io: CliIO, lang: Lang): number {
  const n = findings.filter((f) => f.severity === "error").length;
  if (!n) return 0;
  io.stdout(say(lang, M.planHasErrors(n)) + "\n");
  return 1;
}

async function importCommand(args: Args, io: CliIO, lang: Lang): Promise<number> {
  noMoreFiles(args, 1, lang, {
    ko: "import에는 계획 문서(.txt) 하나가 필요합니다",
    en: "import takes one plan document (.txt)",
  });
  const input = path.resolve(io.cwd, args.positional[0]);
  const head = isWorkbookName(input) ? undefined : headBytes(input, 4, lang);
  if (!head || (head[0] === 0x50 && head[1] === 0x4b)) throw new InputError(say(lang, M.importTakesText(input)));
  const base = path.basename(input).replace(/\.[^.]*$/, "") || "plan";
  const out = outputPath(args, io, `${base}.xlsx`, lang);
  if (sameFile(out, input)) throw new InputError(say(lang, M.outputIsInput(out)));
  const { plan, findings } = importPlanFile(input, lang);
  const protect = !!args.options.protect;
  await (await writer()).writePlanWorkbook(plan, findings, out, lang, { protect, log: "import" });
  io.stdout(
    t(
      lang,
      `가져왔습니다: ${out} (추진전략 ${plan.strategies.length}개, 실천과제 ${taskCount(plan)}개; ${countLine(findings, lang)})\n`,
      `Imported: ${out} (${plan.strategies.length} strategies, ${taskCount(plan)} tasks; ${countLine(findings, lang)})\n`,
    ),
  );
  if (protect) io.stdout(protectedLine(lang));
  return errorsLine(findings, io, lang);
}

interface FileReport {
  file: string;
  findings?: Finding[];
  error?: string;
}

async function checkCommand(args: Args, io: CliIO, lang: Lang): Promise<number> {
  if (!args.positional.length) throw new UsageError(t(lang, "check에는 파일이 하나 이상 필요합니다", "check takes one or more files"));
  const files = expandArgs(args.positional, io.cwd);
  const reports: FileReport[] = [];
  const progress = files.length > 3;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    if (progress) io.stderr(`[${i + 1}/${files.length}] ${file}\n`);
    try {
      const { findings } = await loadAndCheck(path.resolve(io.cwd, file), lang);
      reports.push({ file, findings });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      reports.push({ file, error: e.message });
      io.stderr(`jobplan: ${e.message}\n`);
    }
  }
  const ok = reports.filter((r) => r.findings);
  const all = ok.flatMap((r) => r.findings!);
  if (args.options.json) {
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
        t(
          lang,
          `합계: 파일 ${reports.length}개 (읽지 못함 ${unreadable}개), ${countLine(all, lang)}\n`,
          `Total: ${reports.length} files (${unreadable} unreadable), ${countLine(all, lang)}\n`,
        ),
      );
    }
  }
  if (reports.some((r) => r.error)) return 2;
  return hasErrors(all) ? 1 : 0;
}

async function summarizeCommand(args: Args, io: CliIO, lang: Lang): Promise<number> {
  noMoreFiles(args, 1, lang, {
    ko: "summarize에는 .xlsx 파일 하나가 필요합니다",
    en: "summarize takes one .xlsx file",
  });
  const input = path.resolve(io.cwd, args.positional[0]);
  if (!/\.xls[xm]$/i.test(input)) throw new InputError(t(lang, `.xlsx 파일이 아닙니다: ${input}`, `Not an .xlsx file: ${input}`));
  const out = stringOption(args, "output") === undefined ? input : outputPath(args, io, "", lang);
  const r = await (await rewriter()).summarizeWorkbook(input, out, lang, { protect: !!args.options.protect });
  const { findings, regenerated, added, addedRows, changed } = r;
  io.stdout(
    t(
      lang,
      `요약을 다시 만들었습니다: ${out} (수식 ${regenerated}개, 값이 바뀐 칸 ${changed}개: 변경 이력 시트; ${countLine(findings, lang)})\n`,
      `Summaries regenerated: ${out} (${regenerated} formulas, ${changed} cells changed: see the change log sheet; ${countLine(findings, lang)})\n`,
    ),
  );
  if (addedRows.length) io.stdout(addedRowsText(added, addedRows, lang));
  if (r.protected) io.stdout(protectedLine(lang));
  return errorsLine(findings, io, lang);
}

/** Said after writing a protected workbook: what protection means for the person in Excel. */
function protectedLine(lang: Lang): string {
  return t(
    lang,
    "시트를 보호했습니다 (암호 없음): 입력 칸만 고칠 수 있습니다. Excel에서 보호를 켜거나 끄면 실행 취소 기록이 지워집니다.\n",
    "Sheets protected (no password): only input cells can be edited. Turning protection on or off in Excel clears its undo history.\n",
  );
}

/**
 * Which summary rows were added, so the user knows where to type the declared figures:
 * "요약 행 추가: 과제별 2, 분야별 1" and one line a row.
 */
function addedRowsText(added: SummarizeResult["added"], rows: SummarizeResult["addedRows"], lang: Lang): string {
  const head = t(
    lang,
    `요약 행 추가: 과제별 ${added.byTask}, 분야별 ${added.byStrategy}`,
    `Summary rows added: by task ${added.byTask}, by strategy ${added.byStrategy}`,
  );
  const label = (r: SummarizeResult["addedRows"][number]) => (r.table === "summaryByTask" ? t(lang, "과제별", "by task") : t(lang, "분야별", "by strategy"));
  const lines = rows.map((r) => `  ${label(r)}: ${r.task !== undefined ? `${r.strategy} › ${r.task}` : r.strategy}`);
  const note = t(lang, "  (공표 칸은 비어 있습니다: 공표한 수치를 입력하세요)", "  (declared cells are empty: type the published figures)");
  return [head, ...lines, note].join("\n") + "\n";
}

/** The bundled sample plan: in the package folder above this module (source or bundle). */
export function demoFixture(): string | undefined {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const sample = path.join(dir, "samples", "seogu-2020-jobs-plan.txt");
    if (existsSync(sample)) return sample;
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function demoCommand(args: Args, io: CliIO, lang: Lang): Promise<number> {
  noMoreFiles(args, 0, lang, { ko: "demo에는 인수가 없습니다", en: "demo takes no argument" });
  const fixture = demoFixture();
  if (!fixture)
    throw new InputError(t(lang, "예제 파일(samples/seogu-2020-jobs-plan.txt)이 없습니다", "Sample file samples/seogu-2020-jobs-plan.txt is missing"));
  const out = path.resolve(io.cwd, "out", "seogu-2020.xlsx");
  prepareOutput(out, lang);
  const { plan, findings } = importPlanFile(fixture, lang);
  // The sample as the template prints it: no change log (it is no one's file yet).
  await (await writer()).writePlanWorkbook(plan, findings, out, lang);
  io.stdout(t(lang, `예제: ${fixture}\n통합문서: ${out}\n\n`, `Sample: ${fixture}\nWorkbook: ${out}\n\n`));
  io.stdout(formatFindings(findings, lang) + "\n\n");
  io.stdout(t(lang, "검증 결과: ", "Findings: ") + countLine(findings, lang) + "\n");
  return 0;
}
