/**
 * The figures of `npm run -s bench -- --json` and the targets of issue 14 they are held to.
 */
/** The figures of the JSON output, with their targets (undefined: printed, no target). */
export const FIGURES = [
  "engine_100k_ms",
  "findings_10k_first_cpu_ms",
  "functions_max_first_cpu_ms",
  "cli_check_10k_ms",
  "cli_check_10k_peak_mb",
  "lo_recalc_10k_ms",
  "template_write_10k_ms",
  "pane_js_gzip_bytes",
] as const;

export type Figures = Partial<Record<(typeof FIGURES)[number], number | null>> &
  Record<string, unknown>;

/** Each target of issue 14: whether the figures meet it (undefined when a figure is missing). */
export function targetsMet(f: Figures): Record<string, boolean | null> {
  const n = (k: string) => (typeof f[k] === "number" ? (f[k] as number) : undefined);
  const check = (ok: (...xs: number[]) => boolean, ...keys: string[]) => {
    const xs = keys.map(n);
    return xs.every((x) => x !== undefined) ? ok(...(xs as number[])) : null;
  };
  return {
    engine_100k_ms: check((x) => x < 100, "engine_100k_ms"),
    findings_10k_first_cpu_ms: check((x) => x <= 10, "findings_10k_first_cpu_ms"),
    functions_max_first_cpu_ms: check((x) => x < 5, "functions_max_first_cpu_ms"),
    cli_check_10k_ms: check((cli, lo) => cli <= lo / 10, "cli_check_10k_ms", "lo_recalc_10k_ms"),
    cli_check_10k_peak_mb: check((x) => x < 300, "cli_check_10k_peak_mb"),
    template_write_10k_ms: check((x) => x < 500, "template_write_10k_ms"),
  };
}

export const TARGET_TEXT: Record<string, string> = {
  engine_100k_ms: "core check + summarise, 100k projects < 100 ms",
  findings_10k_first_cpu_ms: "PLAN.FINDINGS first call, 10k rows <= 10 ms CPU",
  functions_max_first_cpu_ms: "other PLAN functions, first call < 5 ms CPU",
  cli_check_10k_ms: "jobplan check 10k <= LibreOffice recalculation / 10",
  cli_check_10k_peak_mb: "jobplan check 10k peak memory < 300 MB",
  template_write_10k_ms: "writing the 10k template < 500 ms",
};
