/**
 * Address lists for `Worksheet.getRanges` (ExcelApi 1.9): one call formats many areas, but
 * Excel rejects address strings longer than 8,192 characters (office-js #5198), so long
 * lists are split.
 */
export const MAX_ADDRESS_CHARS = 8192;

/** Comma-separated address lists of at most `max` characters: one getRanges call each. */
export function addressLists(cells: readonly string[], max = MAX_ADDRESS_CHARS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const c of cells) {
    if (cur && cur.length + 1 + c.length > max) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) out.push(cur);
  return out;
}
