/** Expands `*`, `?` and `**` in file arguments (no shell, no dependency). */
import { readdirSync, statSync } from "fs";
import path from "path";

export function hasGlob(arg: string): boolean {
  return /[*?]/.test(arg);
}

function segmentRegex(seg: string): RegExp {
  const re = seg.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${re}$`);
}

function walk(dir: string, segs: string[], out: string[]): void {
  if (!segs.length) {
    out.push(dir);
    return;
  }
  const [seg, ...rest] = segs;
  if (seg === "**") {
    walk(dir, rest, out);
    for (const e of safeList(dir)) {
      const p = path.join(dir, e);
      if (isDir(p)) walk(p, segs, out);
    }
    return;
  }
  if (!hasGlob(seg)) {
    const p = path.join(dir, seg);
    if (rest.length ? isDir(p) : exists(p)) walk(p, rest, out);
    return;
  }
  const re = segmentRegex(seg);
  for (const e of safeList(dir).sort()) {
    if (!re.test(e) || (e.startsWith(".") && !seg.startsWith("."))) continue;
    const p = path.join(dir, e);
    if (rest.length && !isDir(p)) continue;
    walk(p, rest, out);
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Files matching a pattern, relative patterns resolved against cwd; sorted, unique. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const abs = path.isAbsolute(pattern);
  const segs = pattern.split(/[\\/]+/).filter((s, i) => s !== "" || i === 0);
  const root = abs ? path.parse(pattern).root : cwd;
  const out: string[] = [];
  walk(root, abs ? segs.slice(1) : segs, out);
  const files = out.filter((p) => !isDir(p));
  return [...new Set(files)].sort().map((p) => (abs ? p : path.relative(cwd, p) || p));
}

/** Arguments with globs expanded; a glob matching nothing stays as it is (reported missing). */
export function expandArgs(args: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (!hasGlob(a)) out.push(a);
    else {
      const m = expandGlob(a, cwd);
      if (m.length) out.push(...m);
      else out.push(a);
    }
  }
  return out;
}
