/**
 * Defined names jobplan adds (LAMBDA names such as JOBTARGET), read back after they are
 * added: from Excel 1904 on, `NamedItemCollection.add` has stored a formula's structured
 * reference (`TaskPlans[#All]`) as a fixed range (`=Sheet1!$A$1:$I$16`), office-js #740.
 * Such a name would go on reading the old rows after the table grows, so jobplan removes it
 * and says that the worksheet functions (`=PLAN.JOBTARGET(TaskPlans[#All], ...)`) remain.
 */
import { REQUEST_BYTES, textBytes, type Writer } from "./writer";

export interface NameToAdd {
  name: string;
  /** With the leading "=". */
  formula: string;
  comment?: string;
}

export interface AddedName {
  name: NameToAdd;
  item: Excel.NamedItem;
}

/** Table names a formula refers to with a structured reference (`Table[...]`). */
export function tablesReferenced(formula: string): string[] {
  const out = new Set<string>();
  for (const m of formula.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/([A-Za-z_\\][\w.]*)\[/g)) out.add(m[1].toLowerCase());
  return [...out];
}

/** Queues the names and the read-back of their formulas. */
export async function addNames(context: Excel.RequestContext, writer: Writer, names: readonly NameToAdd[]): Promise<AddedName[]> {
  const out: AddedName[] = [];
  for (const name of names) {
    const item = context.workbook.names.add(name.name, name.formula, name.comment);
    item.load("formula");
    out.push({ name, item });
    await writer.add(REQUEST_BYTES.nameAdd + textBytes(name.name) + textBytes(name.formula) + textBytes(name.comment ?? ""));
  }
  return out;
}

/** After the sync: the names whose table references Excel replaced by fixed ranges. */
export function frozenNames(added: readonly AddedName[]): AddedName[] {
  return added.filter(({ name, item }) => {
    const wanted = tablesReferenced(name.formula);
    if (!wanted.length) return false;
    const kept = new Set(tablesReferenced(String(item.formula ?? "")));
    return wanted.some((t) => !kept.has(t));
  });
}

export const FROZEN_NAMES_MESSAGE = {
  ko: "이 Excel은 이름(LAMBDA)의 표 참조를 고정 범위로 바꿔 저장하므로 JOBTARGET 같은 짧은 이름을 만들지 않았습니다. =PLAN.JOBTARGET(TaskPlans[#All], ...) 형식의 함수를 쓰세요.",
  en: "This Excel stores the table references of names (LAMBDA) as fixed ranges, so short names such as JOBTARGET were not defined. Use the functions in the form =PLAN.JOBTARGET(TaskPlans[#All], ...).",
};
