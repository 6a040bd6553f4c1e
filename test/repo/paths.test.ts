/**
 * A fresh clone has nothing beside the repository: no test or source file may name a path
 * outside it (a shared folder, one machine's absolute path, `__dirname` climbing out).
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";

const ROOT = resolve(__dirname, "..", "..");
const SCANNED = ["src", "test", "bench", "scripts", "bin", "webpack.config.js", "jest.config.js", "eslint.config.mjs", ".ci"];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|json)$|^run$/;
/** System programs the tests start (Chromium, LibreOffice), not files of the project. */
const SYSTEM = /^\/(usr|opt|dev|proc)\//;

function files(p: string): string[] {
  const full = join(ROOT, p);
  if (statSync(full).isDirectory()) {
    return readdirSync(full).flatMap((name) => (name === "node_modules" ? [] : files(join(p, name))));
  }
  return SOURCE.test(p.split(sep).pop()!) ? [p] : [];
}

/** Every path a file names outside the repository, with its line. */
export function outsidePaths(file: string, text: string): string[] {
  const found: string[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (/(\.\.\/)+shared\//.test(line)) found.push(`${at}: names ../shared`);
    for (const m of line.matchAll(/["'`](\/[A-Za-z][^"'`\s]*)/g)) {
      if (!SYSTEM.test(m[1]) && /^\/(work|home|root|tmp|mnt|srv|Users)\b/.test(m[1])) found.push(`${at}: absolute path ${m[1]}`);
    }
    for (const m of line.matchAll(/\b(?:join|resolve)\(\s*__dirname((?:\s*,\s*["'][^"']*["'])+)\s*\)/g)) {
      const parts = [...m[1].matchAll(/["']([^"']*)["']/g)].map((p) => p[1]);
      const target = resolve(dirname(join(ROOT, file)), ...parts);
      if (relative(ROOT, target).startsWith("..")) found.push(`${at}: ${m[0]} leaves the repository`);
    }
  });
  return found;
}

describe("paths inside the repository", () => {
  test("the detector finds each kind of outside path", () => {
    // Made of pieces, so that this file names no outside path itself (the scan below reads it too).
    const climbing = ["..", "..", "..", "shared", "fixtures", "x.txt"].join("/");
    const absolute = ["", "work", "shared", "fixtures", "x.txt"].join("/");
    const bad = [
      `readFileSync(join(__dirname, "${climbing}"))`,
      `fs.readFileSync("${absolute}")`,
      `const p = resolve(__dirname, ${["..", "..", "..", "other"].map((x) => `"${x}"`).join(", ")});`,
    ].join("\n");
    const lines = new Set(outsidePaths("test/import/x.test.ts", bad).map((f) => f.split(":")[1]));
    expect([...lines]).toEqual(["1", "2", "3"]);
    const good = ['join(__dirname, "../fixtures/a.txt")', 'const CHROMIUM = "/usr/bin/chromium";'].join("\n");
    expect(outsidePaths("test/import/x.test.ts", good)).toEqual([]);
  });

  test("no test, source, script or config file names a path outside the repository", () => {
    const all = SCANNED.flatMap(files);
    expect(all.length).toBeGreaterThan(50);
    const found = all.flatMap((f) => outsidePaths(f, readFileSync(join(ROOT, f), "utf8")));
    expect(found).toEqual([]);
  });
});
