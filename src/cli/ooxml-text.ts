/**
 * Text as the .xlsx XML holds it: the five XML escapes, and the control characters XML 1.0
 * cannot carry dropped (as ExcelJS drops them, so both writers give the same cell text).
 */

// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const SPECIAL_ALL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text escaped for an XML attribute or element. */
export function escapeXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIAL_ALL, (c) => ESCAPES[c] ?? "");
}

/** Whether a text needs xml:space="preserve" to keep its spaces and line breaks. */
export function needsPreserve(text: string): boolean {
  if (!text) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first <= 32 || last <= 32 || text.includes("\n") || text.includes("\t") || text.includes("  ");
}

/** `<t>` of a text, spaces kept. */
export function textElement(text: string): string {
  return needsPreserve(text) ? `<t xml:space="preserve">${escapeXml(text)}</t>` : `<t>${escapeXml(text)}</t>`;
}
