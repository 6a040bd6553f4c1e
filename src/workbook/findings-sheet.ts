/**
 * The 검증 sheet as a worklist: worst first, one row a finding, a link to the cell the
 * finding is about (from the first import on: the place index maps a text line to the cell
 * the figure went to), the text line in its own column, a Korean label beside the code,
 * the message without the names already in 항목, rows coloured by severity. Pure; shared by
 * the template, `summarize` and the add-in.
 */
import type { Finding } from "../core/findings";
import { SEVERITY_ORDER, SEVERITY_WORDS, type Lang } from "../core/vocabulary";
import { limitCell } from "./cell-limits";
import { FINDING_COLUMNS } from "./columns";
import { findingLabel } from "./finding-labels";
import type { PlaceIndex } from "./finding-places";
import { v } from "./cell-specs";
import { pageSetup, tableRowHeights, TITLE_STYLE } from "./sheet-layout";
import { TABLE_NAMES } from "./summary-formulas";
import { FINDINGS_ORIGIN, SHEET_NAMES } from "./template-layout";
import type { CellSpec, ConditionalFormatSpec, SheetSpec, TableSpec } from "./workbook-model";
import { columnLetter } from "./workbook-model";

export const SEVERITY_FILLS = { error: "FFFFC7CE", warning: "FFFFEB9C", info: "FFDDEBF7" } as const;

/** "추진계획!E11", or "'분야별 목표'!C7" in formulas; shown without quotes. */
export function placeText(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/** The message without a leading "names path: " (any depth of it) that 항목 already shows. */
export function messageWithoutPath(message: string, path: readonly string[]): string {
  const prefixes = path.map((_, i) => path.slice(0, path.length - i).join(" › "));
  if (!path.length) prefixes.push("합계");
  for (const p of prefixes) {
    if (p && message.startsWith(p + ": ")) return message.slice(p.length + 2);
  }
  return message;
}

/** Findings worst first; equal severities keep their order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((x, i) => ({ x, i }))
    .sort((a, b) => SEVERITY_ORDER[a.x.severity] - SEVERITY_ORDER[b.x.severity] || a.i - b.i)
    .map((e) => e.x);
}

/** Findings table rows (pure), shared by the template, `summarize` and the add-in. */
export function findingsRows(findings: readonly Finding[], lang: Lang = "ko", places?: PlaceIndex): CellSpec[][] {
  places?.prepare(findings);
  return sortFindings(findings).map((x) => {
    const place = places ? places.find(x) : x.location.sheet && x.location.cell ? { sheet: x.location.sheet, cell: x.location.cell } : undefined;
    const where: CellSpec = place ? { value: placeText(place.sheet, place.cell), hyperlink: place } : v(x.location.sheet ?? null);
    const path = x.location.path.join(" › ");
    return [
      v(SEVERITY_WORDS[lang][x.severity]),
      v(findingLabel(x.code, lang)),
      where,
      v(path || (x.location.path.length === 0 && x.location.table ? (lang === "en" ? "Total" : "합계") : null)),
      v(messageWithoutPath(x.message[lang], x.location.path)),
      v(x.expected ?? null),
      v(x.actual ?? null),
      v(x.unit ?? null),
      v(x.location.line ?? null),
      v(x.code),
    ];
  });
}

function severityFormats(t: TableSpec, lang: Lang): ConditionalFormatSpec[] {
  const first = t.origin.row + 2;
  const col = columnLetter(t.origin.col);
  const all = t.columns.map((c) => c.key);
  return (["error", "warning", "info"] as const).map((s) => ({ columns: all, formula: `$${col}${first}="${SEVERITY_WORDS[lang][s]}"`, fill: SEVERITY_FILLS[s] }));
}

/** The findings table at its place under the title. */
export function findingsTable(findings: readonly Finding[], lang: Lang, places?: PlaceIndex): TableSpec {
  const t: TableSpec = { name: TABLE_NAMES.findings, columns: FINDING_COLUMNS, origin: FINDINGS_ORIGIN, rows: findingsRows(findings, lang, places) };
  t.conditionalFormats = severityFormats(t, lang);
  return t;
}

/** A live count line: it follows the table when the add-in rewrites the rows. */
function countFormula(lang: Lang): string {
  const col = `${TABLE_NAMES.findings}[${FINDING_COLUMNS[0].header.ko}]`;
  const part = (s: keyof typeof SEVERITY_WORDS.ko, label: string) => `"${label} "&COUNTIF(${col},"${SEVERITY_WORDS[lang][s]}")&"${lang === "en" ? "" : "건"}"`;
  return lang === "en"
    ? `${part("error", "errors")}&", "&${part("warning", "warnings")}&", "&${part("info", "info")}`
    : `${part("error", "오류")}&" · "&${part("warning", "경고")}&" · "&${part("info", "참고")}`;
}

/** The whole 검증 sheet: title, live counts, the table, row heights for wrapped messages. */
export function findingsSheet(findings: readonly Finding[], lang: Lang = "ko", places?: PlaceIndex, name: string = SHEET_NAMES.findings): SheetSpec {
  const t = findingsTable(findings, lang, places);
  // Messages quote names; a name near the cell limit makes a message past it (cut with a note).
  t.rows = t.rows.map((r) => r.map((c) => limitCell(c, lang).cell));
  return {
    key: "findings",
    name,
    tables: [t],
    freezeRows: t.origin.row + 1,
    cells: [
      { row: 0, col: 0, cell: { value: lang === "en" ? "Findings" : "□ 검증 결과", style: TITLE_STYLE } },
      { row: 1, col: 0, cell: { formula: countFormula(lang) } },
    ],
    rowHeights: tableRowHeights(t),
    pageSetup: pageSetup(lang, { first: t.origin.row, last: t.origin.row }),
  };
}
