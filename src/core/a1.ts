/**
 * A1 addresses, the one place they are made and read. Coordinates are 0-based (row, col);
 * strings such as "B3", "$B$3", "A1:C4" and "'Sheet 1'!B3" exist only at the edges.
 */

/** A 0-based rectangle, inclusive. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const letters: string[] = [];

/** 0-based column index to letters: 0 -> "A", 26 -> "AA". Cached: tables ask for the same columns. */
export function columnLetter(col: number): string {
  const cached = letters[col];
  if (cached !== undefined) return cached;
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (col < 16384) letters[col] = s;
  return s;
}

/** Letters to a 0-based column index: "A" -> 0, "AA" -> 26; -1 for anything else. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) return -1;
    col = col * 26 + (c - 64);
  }
  return letters.length ? col - 1 : -1;
}

/** 0-based (row, col) to "B3". */
export function a1(row: number, col: number): string {
  return columnLetter(col) + (row + 1);
}

/** "B3" or "$B$3" to 0-based (row, col); undefined when the text is not one cell address. */
export function parseA1(cell: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(cell.trim());
  if (!m) return undefined;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]);
  if (row < 0 || col < 0) return undefined;
  return { row, col };
}

/** "A1:C3" (or one cell) to its corners, whichever order they are written in. */
export function parseBox(ref: string): CellBox | undefined {
  const [a, b, extra] = ref.split(":");
  if (extra !== undefined) return undefined;
  const p = parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** A rectangle as "B3" (one cell) or "B3:D9". */
export function boxA1(box: CellBox): string {
  const start = a1(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? start : `${start}:${a1(box.bottom, box.right)}`;
}

/** A sheet name as a formula or address prefix needs it: always quoted, `'` doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet 1'!B3:C4" or "Sheet1!B3" to the sheet and the address after the `!`. */
export function splitAddress(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}
