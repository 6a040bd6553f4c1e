/**
 * Structured references in formulas written through the API. A structured reference names a
 * table (`TaskPlans[계(천원)]`, "Using structured references with Excel tables"); Excel
 * accepts such a formula only while the table exists: typed, it is refused ("There's a
 * problem with this formula"), and `Range.formulas` fails with InvalidArgument. So a
 * renderer must add the tables before any formula that refers to them; the double refuses
 * a formula naming a table the workbook does not have (yet).
 */
import { FakeOfficeError, type WorkbookState } from "./core";

/** Table names a formula refers to (`Name[`), outside "..." literals; `[@col]` names none. */
export function tablesNamed(formula: string): string[] {
  const out = new Set<string>();
  const plain = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "");
  for (const m of plain.matchAll(/(^|[^\w.\]])([A-Za-z_\\][\w.]*)\[/g)) out.add(m[2]);
  return [...out];
}

/** Throws InvalidArgument when a formula among `inputs` names a table that does not exist. */
export function assertTablesExist(st: WorkbookState, inputs: readonly unknown[]): void {
  let names: Set<string> | undefined;
  for (const input of inputs) {
    if (typeof input !== "string" || !input.startsWith("=")) continue;
    for (const name of tablesNamed(input)) {
      names = names ?? new Set(st.tables.filter((t) => !t.deleted).map((t) => t.name.toLowerCase()));
      if (!names.has(name.toLowerCase())) throw new FakeOfficeError("InvalidArgument", `The formula refers to table ${name}, which does not exist: ${input.slice(0, 120)}`);
    }
  }
}
