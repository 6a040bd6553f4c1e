/** Comparing a summary figure (백만원) with the detail it summarises (천원). */
import { roundHalfUp } from "../amounts";

export type ReconcileStatus = "ok" | "rounding" | "mismatch";

export interface Reconciled {
  status: ReconcileStatus;
  /** The detail rounded half up to the summary's unit. */
  expected: number;
  /** declared - expected. */
  difference: number;
}

/**
 * OK when the summary equals the detail rounded half up; "rounding" when it is off by one
 * unit (another rounding rule, or a ±1 끝수 nudge so that a row adds up); else a mismatch.
 * `factor` is detail units per summary unit (1,000 천원 per 백만원).
 */
export function reconcileAmount(declared: number | null, detail: number, factor = 1000): Reconciled {
  const expected = roundHalfUp(detail, factor);
  const difference = (declared ?? 0) - expected;
  const status: ReconcileStatus = difference === 0 ? "ok" : Math.abs(difference) <= 1 ? "rounding" : "mismatch";
  return { status, expected, difference };
}
