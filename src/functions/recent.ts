/**
 * Results of recent calls, found again by the content of their range arguments.
 *
 * Excel hands every call its own copy of a range, so one edit to a 10,000-row detail makes
 * every cell that refers to it (a JOBTARGET per summary row, RECONCILE, FINDINGS) receive an
 * equal but new array. Comparing two ranges cell by cell costs a fraction of parsing one, so
 * the first call parses and the others reuse its result. The functions are pure, so an equal
 * input gives the same result; cached results are never mutated by their users.
 */

/** Whether two arguments hold the same cells (ranges compared cell by cell, scalars by value). */
export function sameCells(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  // Ranges are compared bottom up: an edit near the end of a table, where rows are added,
  // is found before the whole range has been read.
  for (let r = a.length - 1; r >= 0; r--) {
    const x: unknown = a[r];
    const y: unknown = b[r];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) if (x[c] !== y[c]) return false;
  }
  return true;
}

/** Same number of arguments, and of rows in each range argument. */
function sameShape(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    if (Array.isArray(x) && Array.isArray(y) && x.length !== y.length) return false;
  }
  return true;
}

interface Entry<T> {
  key: string;
  args: readonly unknown[];
  value: T;
}

/**
 * The last few results of a computation, by a key (the options) and the argument contents.
 * Small on purpose: it holds the ranges it compares against.
 */
export class RecentResults<T> {
  private entries: Entry<T>[] = [];

  constructor(private readonly size = 4) {}

  get(key: string, args: readonly unknown[]): T | undefined {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e.key !== key || e.args.length !== args.length) continue;
      let same = true;
      for (let k = 0; k < args.length && same; k++) same = sameCells(e.args[k], args[k]);
      if (!same) continue;
      if (i > 0) {
        this.entries.splice(i, 1);
        this.entries.unshift(e);
      }
      return e.value;
    }
    return undefined;
  }

  set(key: string, args: readonly unknown[], value: T): void {
    // An entry of the same shape is most likely the same table before the edit that brought
    // this call: dropped, so a later call compares against one earlier version at most.
    this.entries = this.entries.filter((e) => e.key !== key || !sameShape(e.args, args));
    this.entries.unshift({ key, args: [...args], value });
    if (this.entries.length > this.size) this.entries.length = this.size;
  }

  clear(): void {
    this.entries = [];
  }
}

const all: Array<RecentResults<unknown>> = [];

/** A cache registered with {@link forgetRecentResults}. */
export function recentResults<T>(size?: number): RecentResults<T> {
  const r = new RecentResults<T>(size);
  all.push(r as RecentResults<unknown>);
  return r;
}

/** Drops every cached result (tests, and benchmarks of the first call after an edit). */
export function forgetRecentResults(): void {
  for (const r of all) r.clear();
}
