/** Human-readable and JSON reports of findings, in Korean or English. */
import type { Finding, Severity } from "../core/findings";
import { SEVERITY_ORDER as ORDER, SEVERITY_WORDS as SEVERITY } from "../core/vocabulary";

export type Lang = "ko" | "en";


export function counts(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function countLine(findings: readonly Finding[], lang: Lang): string {
  const c = counts(findings);
  return lang === "ko"
    ? `${SEVERITY.ko.error} ${c.error}건, ${SEVERITY.ko.warning} ${c.warning}건, ${SEVERITY.ko.info} ${c.info}건`
    : `${c.error} error(s), ${c.warning} warning(s), ${c.info} info`;
}

function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, n: number): string {
  return s + " ".repeat(Math.max(0, n - width(s)));
}

/** Where a finding is: "추진계획!E11", "1091행" (line 1091 of a text), or its names. */
export function findingPlace(f: Finding, lang: Lang): string {
  const loc = f.location;
  if (loc.sheet) return loc.cell ? `${loc.sheet}!${loc.cell}` : loc.sheet;
  if (loc.line !== undefined) return lang === "ko" ? `${loc.line}행` : `line ${loc.line}`;
  return loc.path.filter(Boolean).join(" › ");
}

/** A table: severity, code, location, message, expected / actual. */
export function formatFindings(findings: readonly Finding[], lang: Lang): string {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const rows = sorted.map((f) => {
    const path = f.location.path.filter(Boolean).join(" › ");
    const place = findingPlace(f, lang);
    const where = path && !place.includes(path) ? `${place} [${path}]` : place;
    const nums =
      f.expected !== undefined || f.actual !== undefined
        ? lang === "ko"
          ? ` (기대 ${fmt(f.expected)}, 실제 ${fmt(f.actual)}${f.unit ? " " + f.unit : ""})`
          : ` (expected ${fmt(f.expected)}, actual ${fmt(f.actual)}${f.unit ? " " + f.unit : ""})`
        : "";
    return [SEVERITY[lang][f.severity], f.code, where, f.message[lang] + nums];
  });
  const w = [0, 1].map((i) => Math.max(0, ...rows.map((r) => width(r[i]))));
  return rows.map((r) => `  ${pad(r[0], w[0])}  ${pad(r[1], w[1])}  ${r[2]}\n      ${r[3]}`).join("\n");
}

function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined) return "-";
  return n.toLocaleString("en-US");
}
