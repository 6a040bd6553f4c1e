/**
 * Command-line arguments: the command, its files and its options. Every option is declared
 * for the commands that take it; anything else (a misspelt `--jsn`) is a usage error.
 */
import { withParticle } from "../core/particles";
import type { Lang } from "./messages";

export class UsageError extends Error {}

export type Command = "template" | "import" | "check" | "summarize" | "demo" | "help";
export const COMMANDS: Command[] = ["template", "import", "check", "summarize", "demo", "help"];

interface OptionSpec {
  /** Takes a value (`--year 2021`, `--year=2021`). */
  value: boolean;
  /** Other spellings. */
  aliases?: string[];
  commands: Command[] | "all";
}

const OPTIONS: Record<string, OptionSpec> = {
  output: { value: true, aliases: ["o"], commands: ["template", "import", "summarize"] },
  year: { value: true, commands: ["template"] },
  sources: { value: true, commands: ["template"] },
  rounding: { value: true, commands: ["template"] },
  json: { value: false, commands: ["check"] },
  protect: { value: false, commands: ["template", "import", "summarize"] },
  lang: { value: true, commands: "all" },
  help: { value: false, aliases: ["h"], commands: "all" },
  version: { value: false, aliases: ["V"], commands: "all" },
};

export interface Args {
  command?: string;
  positional: string[];
  options: Record<string, string | true>;
}

function optionName(flag: string): string | undefined {
  for (const [name, spec] of Object.entries(OPTIONS)) if (name === flag || spec.aliases?.includes(flag)) return name;
  return undefined;
}

const msg = {
  unknown: (flag: string, cmd?: string) => ({
    ko: cmd ? `${cmd} 명령에 없는 옵션입니다: ${flag}` : `알 수 없는 옵션입니다: ${flag}`,
    en: cmd ? `${cmd} takes no option ${flag}` : `Unknown option: ${flag}`,
  }),
  needsValue: (flag: string) => ({
    ko: `${flag} 뒤에 값이 필요합니다`,
    en: `${flag} needs a value`,
  }),
  noValue: (flag: string) => ({
    ko: `${flag}에는 값을 줄 수 없습니다`,
    en: `${flag} takes no value`,
  }),
  twice: (flag: string) => ({
    ko: `${withParticle(flag, "을/를")} 두 번 주었습니다`,
    en: `${flag} is given twice`,
  }),
};

/** The language asked for before the arguments are understood (for their own errors). */
export function langFromArgv(argv: string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length; i++) {
    const m = /^--lang(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    const v = m[1] ?? argv[i + 1];
    if (v === "en" || v === "ko") return v;
  }
  return /^en/i.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || "") ? "en" : "ko";
}

export function parseArgs(argv: string[], lang: Lang): Args {
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const seen: Array<[string, string]> = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    const m = /^(--?)([^=]+)(?:=(.*))?$/s.exec(a);
    if (!m || a === "-" || (m[1] === "-" && /^\d/.test(m[2]))) {
      positional.push(a);
      continue;
    }
    const name = optionName(m[2]);
    if (!name) throw new UsageError(msg.unknown(a.split("=")[0])[lang]);
    const spec = OPTIONS[name];
    if (options[name] !== undefined) throw new UsageError(msg.twice(`--${name}`)[lang]);
    if (spec.value) {
      let v = m[3];
      if (v === undefined) {
        if (i + 1 >= argv.length || /^--?[a-zA-Z]/.test(argv[i + 1])) throw new UsageError(msg.needsValue(a)[lang]);
        v = argv[++i];
      }
      options[name] = v;
    } else {
      if (m[3] !== undefined) throw new UsageError(msg.noValue(m[1] + m[2])[lang]);
      options[name] = true;
    }
    seen.push([name, m[1] + m[2]]);
  }
  const [command, ...rest] = positional;
  // Options the command does not take are errors too (`check -o x`).
  const cmd = COMMANDS.find((c) => c === command);
  if (cmd) {
    for (const [name, spelled] of seen) {
      const spec = OPTIONS[name];
      if (spec.commands !== "all" && !spec.commands.includes(cmd)) throw new UsageError(msg.unknown(spelled, cmd)[lang]);
    }
  }
  return { command, positional: rest, options };
}

export function stringOption(args: Args, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === "string" ? v : undefined;
}
