/** Pure logic of PLAN.SPLITCHECK: does a total equal the sum of its parts? */
import { readCell } from "../core/cells";
import { invalid, ok, type FnError, type FnResult } from "./runtime";

/** One value as an exact scaled integer, read by core's cell reader; empty / `-` is 0. */
function exact(x: unknown, what: string): { scaled: number; decimals: number } | FnError {
  if (x === false) return { scaled: 0, decimals: 0 };
  const r = readCell(x, { kind: "measure" });
  switch (r.kind) {
    case "blank":
    case "none":
      return { scaled: 0, decimals: 0 };
    case "value":
      return { scaled: Math.round(r.value * 10 ** r.decimals), decimals: r.decimals };
    case "malformed":
      return invalid(`${what}: '${r.raw}' 숫자로 읽을 수 없습니다 / not a number: digit grouping (${r.candidates.map((v) => v.toLocaleString("en-US")).join(" / ")}?)`);
    case "imprecise":
    case "unreadable":
      return invalid(`${what}: '${r.raw}' 숫자로 읽을 수 없습니다 / not a number${r.kind === "unreadable" ? `: ${r.reason}` : ""}`);
  }
}

/** Each cell of a repeating argument (scalars, or ranges as 2-D arrays), flattened. */
function cellsOf(x: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(x)) for (const y of x) cellsOf(y, out);
  else out.push(x);
  return out;
}

/** "+1,234", "−12.5": a signed number with thousands separators. */
export function formatSigned(value: number): string {
  return (value < 0 ? "−" : "+") + groupThousands(Math.abs(value));
}

/** 1234567.5 -> "1,234,567.5" (no Intl: it is slow to set up and this runs per cell). */
export function groupThousands(value: number): string {
  const neg = value < 0;
  const text = String(Math.abs(value));
  if (/e/i.test(text)) return (neg ? "-" : "") + text;
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  let out = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += ",";
    out += int[i];
  }
  return (neg ? "-" : "") + out + (dot < 0 ? "" : text.slice(dot));
}

/**
 * "OK" when total = sum of parts (exactly, in the figures' own decimals); otherwise
 * `차이 +1,234 (계 − 재원 합)`, the difference total − parts. Text numbers ("1,234", "-",
 * "△500") are read like the plan's tables. Parts may be cells or ranges.
 */
export function splitCheck(total: unknown, parts: unknown): FnResult<string> {
  let t: unknown = total;
  while (Array.isArray(t) && t.length === 1) t = t[0];
  if (Array.isArray(t)) return invalid("계(total)는 셀 하나여야 합니다 / total must be a single cell");
  const tot = exact(t, "계 / total");
  if ("kind" in tot) return tot;
  const values = [tot];
  let i = 0;
  for (const c of cellsOf(parts)) {
    i++;
    const v = exact(c, `재원 ${i} / part ${i}`);
    if ("kind" in v) return v;
    values.push(v);
  }
  const decimals = Math.max(...values.map((v) => v.decimals));
  const scale = (v: { scaled: number; decimals: number }) => v.scaled * 10 ** (decimals - v.decimals);
  let diff = scale(values[0]);
  for (let k = 1; k < values.length; k++) diff -= scale(values[k]);
  if (diff === 0) return ok("OK");
  return ok(`차이 ${formatSigned(diff / 10 ** decimals)} (계 − 재원 합)`);
}
