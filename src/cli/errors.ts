/**
 * The two kinds of failure the CLI tells apart from a bug (which exits 3 with a saved log):
 * an input or argument the user can fix (exit 2), and a file that is not a readable
 * workbook. Everything else is an internal error.
 */

/** A file or argument that cannot be used: missing, unreadable, wrong kind. One line, exit 2. */
export class InputError extends Error {}

/** An .xlsx archive whose content cannot be read as a workbook (zip, XML or structure). */
export class XlsxReadError extends Error {
  constructor(
    message: string,
    /** sheet!cell the problem is at, when there is one. */
    readonly where?: string,
    /** A problem the CLI explains in the user's language. */
    readonly kind?: "cell-too-long" | "table-too-large",
  ) {
    super(message);
  }
}
