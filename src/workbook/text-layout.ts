/**
 * Row heights for wrapped text. Excel sizes a row once, when it is edited; a file written
 * by jobplan must say how tall each row is, or a cell with several projects shows only its
 * first line. Widths are in Excel's column units (about one digit of the body font); a
 * Hangul syllable takes about 1.6 of them.
 */

/** Points per line of the 10-point body font, and a little padding. */
export const LINE_HEIGHT = 15;
const PADDING = 3;
export const MIN_ROW_HEIGHT = 18;
/** Excel's tallest row. */
export const MAX_ROW_HEIGHT = 409;

/** Code point ranges drawn full width in a Korean font: Hangul, CJK, symbols such as ▷ and △. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2460, 0x27bf],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
];

function charWidth(code: number): number {
  if (code === 0x20) return 0.5;
  return WIDE.some(([a, b]) => code >= a && code <= b) ? 1.6 : 1;
}

/** Display width of one line of text, in column units. */
export function displayWidth(line: string): number {
  let w = 0;
  for (const ch of line) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** How many lines a text takes in a wrapped cell `width` units wide. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1.5);
  let n = 0;
  for (const line of text.split(/\r\n|\r|\n/)) n += Math.max(1, Math.ceil(displayWidth(line) / usable));
  return n;
}

/** Height in points of a row whose wrapped cells hold these texts at these widths. */
export function rowHeight(cells: ReadonlyArray<{ text: string; width: number }>, lineHeight: number = LINE_HEIGHT): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width)));
  return Math.min(MAX_ROW_HEIGHT, Math.max(MIN_ROW_HEIGHT, lines * lineHeight + PADDING));
}
