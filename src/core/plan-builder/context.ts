/** State shared by the parts of the plan builder while one plan is built. */
import { nameKey } from "../names";
import type { FundingSource, Plan, SourceRef, Strategy, Task } from "../model";
import { FIELD_LABEL, ROLE_LABEL, ROLE_TABLE, type Field, type RowsTable } from "./input";
import { ReadingSink, RowCursor } from "./row-reader";

export class BuildContext {
  readonly sink = new ReadingSink();
  /**
   * Tasks by strategy key, then task key: one task, or the tasks of a name used twice. Two
   * maps rather than one keyed by a joined string: joining made a new string to hash per row.
   */
  private readonly tasksByBoth = new Map<string, Map<string, Task | Task[]>>();
  /** Tasks by their name alone, made when first needed (a project whose strategy differs). */
  private tasksByName: Map<string, Task> | undefined;

  constructor(readonly plan: Plan) {}

  get sources(): readonly FundingSource[] {
    return this.plan.settings.sources;
  }

  /** Body rows of a table, each as a cursor; blank rows and totals rows by position left out. */
  *rows(t: RowsTable): Generator<RowCursor> {
    const totals = new Set(t.totalsRows ?? []);
    for (let r = 0; r < t.rows.length; r++) {
      if (totals.has(r)) continue;
      const row = new RowCursor(t, r, this.sink, this.sources);
      if (!row.isBlank()) yield row;
    }
  }

  /** The totals rows by position of a table, as cursors. */
  totalsRows(t: RowsTable): RowCursor[] {
    return (t.totalsRows ?? []).filter((r) => r < t.rows.length).map((r) => new RowCursor(t, r, this.sink, this.sources));
  }

  private readonly strategies = new Map<string, Strategy>();

  strategy(name: string, ref: SourceRef): Strategy {
    let s = this.strategies.get(name);
    if (!s) {
      s = { name, tasks: [], ref };
      this.strategies.set(name, s);
      this.plan.strategies.push(s);
    }
    return s;
  }

  /**
   * Registers a task for lookups by (strategy, task) and by task alone. Returns the first task
   * of the same names, if any (a duplicate).
   */
  addTask(strategy: Strategy, task: Task): Task | undefined {
    strategy.tasks.push(task);
    this.tasksByName = undefined;
    const sk = nameKey(strategy.name);
    let tasks = this.tasksByBoth.get(sk);
    if (tasks === undefined) this.tasksByBoth.set(sk, (tasks = new Map()));
    const tk = nameKey(task.name);
    const same = tasks.get(tk);
    if (same === undefined) tasks.set(tk, task);
    else if (Array.isArray(same)) same.push(task);
    else tasks.set(tk, [same, task]);
    return same === undefined ? undefined : Array.isArray(same) ? same[0] : same;
  }

  /**
   * The task of a (strategy, task) name. A name used twice (a duplicate, reported) has its
   * projects in blocks, in the order of its rows: `block` picks the one a block belongs to.
   */
  findTask(strategy: string | null, task: string, block = 0): Task | undefined {
    const k = nameKey(task);
    const same = strategy !== null ? this.tasksByBoth.get(nameKey(strategy))?.get(k) : undefined;
    if (same !== undefined) return Array.isArray(same) ? same[Math.min(block, same.length - 1)] : same;
    if (!this.tasksByName) {
      this.tasksByName = new Map();
      for (const s of this.plan.strategies) for (const t of s.tasks) if (!this.tasksByName.has(nameKey(t.name))) this.tasksByName.set(nameKey(t.name), t);
    }
    return this.tasksByName.get(k);
  }

  /**
   * Reports the fields a table has no column for, once per table. Returns the missing ones.
   * `needed` fields make the table unreadable; `expected` ones only leave their checks out.
   */
  missingColumns(t: RowsTable, needed: Field[], expected: Field[]): { unreadable: boolean; missing: Field[] } {
    const label = t.label ?? ROLE_LABEL[t.role];
    const missing = [...needed, ...expected].filter((f) => t.columns[f] === undefined);
    for (const f of missing) {
      const what = t.names?.[f] ?? FIELD_LABEL[f] ?? { ko: f, en: f };
      const fatal = needed.includes(f);
      this.sink.add(
        "missing-column",
        "error",
        {
          ko: `${label.ko} 표에 '${what.ko}' 열이 없습니다${fatal ? " — 표를 읽지 않았습니다" : " — 이 열의 검증을 건너뜁니다"}.`,
          en: `The ${label.en} table has no '${what.en}' column${fatal ? "; the table was not read" : "; its checks are left out"}.`,
        },
        t.where,
        { table: ROLE_TABLE[t.role], field: f },
      );
    }
    return { unreadable: needed.some((f) => t.columns[f] === undefined), missing };
  }

  emptyTable(t: RowsTable): void {
    const label = t.label ?? ROLE_LABEL[t.role];
    this.sink.add("missing-table", "warning", { ko: `${label.ko} 표가 비어 있습니다.`, en: `The ${label.en} table is empty.` }, t.where, { table: ROLE_TABLE[t.role] });
  }
}
