/**
 * The pane's styles, shared by its sections: one small static style sheet in Fluent's design
 * tokens (CSS variables that FluentProvider sets), put in the document once.
 *
 * Not makeStyles: Fluent's own components ship their styles precompiled, so makeStyles was
 * the only caller of Griffel's run-time CSS compiler (with stylis and rtl-css-js, ~8 KB
 * gzipped of the page's start-up script). None of these rules depends on the text direction.
 */
import { useInsertionEffect } from "react";
import { tokens } from "@fluentui/react-components";

const RULES = {
  root: `box-sizing:border-box;width:100%;max-width:640px;min-width:0;padding:12px;display:flex;flex-direction:column;row-gap:16px;font-family:${tokens.fontFamilyBase}`,
  section: "display:flex;flex-direction:column;row-gap:8px;min-width:0",
  heading: `font-size:${tokens.fontSizeBase400};font-weight:${tokens.fontWeightSemibold};margin:0`,
  title: `font-size:${tokens.fontSizeBase500};font-weight:${tokens.fontWeightSemibold};margin:0`,
  row: "display:flex;flex-wrap:wrap;column-gap:8px;row-gap:8px",
  sources: "display:flex;flex-wrap:wrap;column-gap:4px",
  findingList: "list-style-type:none;margin:0;padding:0;display:flex;flex-direction:column;row-gap:6px",
  // keep-all: Korean lines break between words, not inside them; anywhere: long names still fit.
  finding: `word-break:keep-all;overflow-wrap:anywhere;font-size:${tokens.fontSizeBase200};padding-bottom:6px;border-bottom:1px solid ${tokens.colorNeutralStroke2}`,
  groupHeading: `font-size:${tokens.fontSizeBase300};font-weight:${tokens.fontWeightSemibold};margin:4px 0;display:flex;align-items:center;column-gap:6px`,
  status: "min-height:20px",
  // Progress and errors stay in view while the user works further down the pane.
  sticky: `position:sticky;top:0;z-index:1;background-color:${tokens.colorNeutralBackground1};display:flex;flex-direction:column;row-gap:8px`,
  textarea: "width:100%",
  hint: `margin:0;font-size:${tokens.fontSizeBase200};color:${tokens.colorNeutralForeground2};word-break:keep-all;overflow-wrap:anywhere`,
};

type StyleName = keyof typeof RULES;

const SHEET_ID = "jobplan-styles";
const CLASSES = Object.fromEntries(Object.keys(RULES).map((name) => [name, `jobplan-${name}`])) as Record<StyleName, string>;

// A class set on a Fluent component (textarea) is written twice, so that it wins over the
// component's own single-class rules whatever order the style sheets come in (makeStyles'
// mergeClasses did that before).
const CSS = (Object.entries(RULES) as [StyleName, string][])
  .map(([name, rule]) => `.${CLASSES[name]}${name === "textarea" ? `.${CLASSES[name]}` : ""}{${rule}}`)
  .join("\n");

function insertSheet(doc: Document): void {
  if (doc.getElementById(SHEET_ID)) return;
  const style = doc.createElement("style");
  style.id = SHEET_ID;
  style.textContent = CSS;
  doc.head.appendChild(style);
}

/** The class names; the style sheet is in the document before the pane first paints. */
export function useStyles(): Record<StyleName, string> {
  useInsertionEffect(() => insertSheet(document), []);
  return CLASSES;
}
