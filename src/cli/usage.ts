/** `jobplan --help`, `jobplan help <command>` and `--version`: one line a command, the exit codes. */
import pkg from "../../package.json";
import type { Command } from "./args";
import type { Lang } from "./messages";

export const VERSION: string = pkg.version;

const LINES: Record<Exclude<Command, "help">, { syntax: string; ko: string; en: string }> = {
  template: {
    syntax: "jobplan template [-o plan.xlsx] [--year 2021] [--sources 국비,도비,군비,민자] [--rounding half-up|largest-remainder] [--protect]",
    ko: "빈 계획 서식(.xlsx)을 만듭니다",
    en: "write an empty plan workbook",
  },
  import: {
    syntax: "jobplan import plan.txt [-o plan.xlsx] [--protect]",
    ko: "계획 문서의 글(.txt)을 서식에 가져옵니다 (-o가 없으면 현재 폴더에 씁니다)",
    en: "import a plan document's text into the workbook (into the current folder without -o)",
  },
  check: {
    syntax: "jobplan check <file.xlsx|file.txt>... [--json]",
    ko: "계획을 검증하고 오류·경고·참고를 보여줍니다",
    en: "validate plans and list errors, warnings and notes",
  },
  summarize: {
    syntax: "jobplan summarize plan.xlsx [-o out.xlsx] [--protect]",
    ko: "요약표를 다시 만들고 변경 이력 시트에 바뀐 값을 적습니다 (-o가 없으면 같은 파일에; 쓰는 도중 실패해도 원래 파일은 그대로)",
    en: "regenerate the summaries and log the changed values on the change log sheet (in place without -o; a failed write leaves the file as it was)",
  },
  demo: {
    syntax: "jobplan demo",
    ko: "예제 계획을 out/seogu-2020.xlsx로 가져오고 검증 결과를 보여줍니다",
    en: "import the bundled sample into out/seogu-2020.xlsx and show its findings",
  },
};

/** Options of some commands, explained once. */
const OPTION_LINES: Array<{ flag: string; commands: Command[]; ko: string; en: string }> = [
  {
    flag: "--protect",
    commands: ["template", "import", "summarize"],
    ko: "생성된 칸을 보호합니다 (template, import, summarize): 암호 없이, 입력 칸만 고칠 수 있게. 기본은 끔: Excel에서 보호를 켜고 끄면 실행 취소 기록이 지워집니다",
    en: "protect the generated cells (template, import, summarize): no password, only input cells editable. Off by default: turning protection on or off in Excel clears its undo history",
  },
];

const EXIT = {
  ko: [
    "종료 코드:",
    "  0  오류 없음",
    "  1  계획에 오류가 있음 (check, import, summarize)",
    "  2  잘못된 입력이나 인수 (파일 없음, 읽거나 쓸 수 없음, 알 수 없는 옵션 등)",
    "  3  내부 오류 (jobplan의 결함: 저장된 기록 파일과 함께 알려 주세요)",
  ],
  en: [
    "Exit codes:",
    "  0  no errors",
    "  1  the plan has errors (check, import, summarize)",
    "  2  a bad input or argument (missing, unreadable or unwritable file, unknown option, ...)",
    "  3  internal error (a bug in jobplan: please report it with the saved log)",
  ],
};

export function usage(lang: Lang, only?: Command): string {
  const cmds = (only && only !== "help" ? [only] : (Object.keys(LINES) as Array<keyof typeof LINES>)) as Array<keyof typeof LINES>;
  const head = lang === "ko" ? `jobplan ${VERSION}: 지역일자리 목표 공시제 계획 통합문서 도구` : `jobplan ${VERSION}: workbooks for local job-target plans`;
  const lines = [head, "", lang === "ko" ? "명령:" : "Commands:"];
  for (const c of cmds) lines.push(`  ${LINES[c].syntax}`, `      ${LINES[c][lang]}`);
  const options = OPTION_LINES.filter((o) => cmds.some((c) => o.commands.includes(c)));
  if (options.length) lines.push("", lang === "ko" ? "옵션:" : "Options:", ...options.map((o) => `  ${o.flag.padEnd(13)}  ${o[lang]}`));
  lines.push(
    "",
    lang === "ko" ? "공통 옵션:" : "Common options:",
    lang === "ko" ? "  --lang ko|en   메시지 언어 (기본: LANG 환경변수)" : "  --lang ko|en   message language (default: from LANG)",
    lang === "ko" ? "  -h, --help     도움말 (jobplan help <명령>)" : "  -h, --help     this help (jobplan help <command>)",
    lang === "ko" ? "  -V, --version  버전" : "  -V, --version  version",
    "",
    ...EXIT[lang],
  );
  return lines.join("\n") + "\n";
}
