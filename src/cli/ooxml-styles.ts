/**
 * The style part of an .xlsx written directly (xl/styles.xml): every distinct cell style
 * once, as an index into cellXfs, built from the spec's styles, number formats and the
 * workbook font; and the differential formats (dxfs) of conditional formats. Font 0, the
 * Normal style's font, is the workbook font, so an empty cell someone types into later gets
 * it too.
 */
import type { CellStyleSpec } from "../workbook/workbook-model";
import { BORDER_COLOR } from "./render-rules";
import { escapeXml } from "./ooxml-text";

/** A cell's look: the spec style, a number format, a link's underline, and whether protection locks it. */
export interface XfStyle {
  style: CellStyleSpec;
  numFmt?: string;
  underline?: boolean;
  /** false: stays editable when the sheet is protected. */
  locked?: boolean;
}

/** A conditional format's look. */
export interface DxfStyle {
  numFmt?: string;
  fill?: string;
  fontColor?: string;
}

/** Excel's built-in number formats that the template uses, by code (ids from ECMA-376 18.8.30). */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };

interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  style: CellStyleSpec;
  locked: boolean;
  hasFont: boolean;
}

export class StyleTable {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Map<string, number>();
  private readonly fontXml: string[] = [];
  private readonly fills = new Map<string, number>([
    ["none", 0],
    ["gray125", 1],
  ]);
  private readonly borders = new Map<string, number>([["none", 0]]);
  private readonly xfs: Xf[] = [];
  private readonly xfKeys = new Map<string, number>();
  private readonly unlockedOf = new Map<number, number>();
  private readonly dxfXml: string[] = [];

  constructor(private readonly font: { name: string; size: number } = { name: "Calibri", size: 11 }) {
    this.fontId({});
    this.xfs.push({ numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, style: {}, locked: true, hasFont: false });
    this.xfKeys.set("default", 0);
  }

  private numFmtId(code: string | undefined): number {
    if (!code) return 0;
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(code);
    if (id === undefined) this.numFmts.set(code, (id = 164 + this.numFmts.size));
    return id;
  }

  private fontId(f: { bold?: boolean; size?: number; color?: string; underline?: boolean }): number {
    const size = f.size ?? this.font.size;
    const key = `${f.bold ? 1 : 0}|${size}|${f.color ?? ""}|${f.underline ? 1 : 0}`;
    let id = this.fonts.get(key);
    if (id !== undefined) return id;
    id = this.fontXml.length;
    this.fonts.set(key, id);
    const parts = [f.bold ? "<b/>" : "", f.underline ? "<u/>" : "", f.color ? `<color rgb="${f.color}"/>` : "", `<sz val="${size}"/>`, `<name val="${escapeXml(this.font.name)}"/>`];
    this.fontXml.push(`<font>${parts.join("")}</font>`);
    return id;
  }

  private fillId(argb: string | undefined): number {
    if (!argb) return 0;
    let id = this.fills.get(argb);
    if (id === undefined) this.fills.set(argb, (id = this.fills.size));
    return id;
  }

  private borderId(border: boolean | undefined): number {
    if (!border) return 0;
    let id = this.borders.get("thin");
    if (id === undefined) this.borders.set("thin", (id = this.borders.size));
    return id;
  }

  /** The cellXfs index of a style (the same index for the same look). */
  xf(x: XfStyle): number {
    const s = x.style;
    const locked = x.locked !== false;
    const key = `${x.numFmt ?? ""}\u0001${x.underline ? 1 : 0}${locked ? 1 : 0}${s.bold ? 1 : 0}|${s.size ?? ""}|${s.color ?? ""}|${s.fill ?? ""}|${s.horizontal ?? ""}|${s.vertical ?? ""}|${s.wrap ? 1 : 0}${s.border ? 1 : 0}`;
    let id = this.xfKeys.get(key);
    if (id !== undefined) return id;
    id = this.xfs.length;
    this.xfKeys.set(key, id);
    this.xfs.push({
      numFmtId: this.numFmtId(x.numFmt),
      fontId: this.fontId({ bold: s.bold, size: s.size, color: s.color, underline: x.underline }),
      fillId: this.fillId(s.fill),
      borderId: this.borderId(s.border),
      style: s,
      locked,
      hasFont: true,
    });
    return id;
  }

  /** The same look as `xf`, unlocked. */
  unlocked(xf: number): number {
    let id = this.unlockedOf.get(xf);
    if (id !== undefined) return id;
    const x = this.xfs[xf];
    id = this.xfs.length;
    this.xfs.push({ ...x, locked: false });
    this.unlockedOf.set(xf, id);
    return id;
  }

  /** The dxfs index of a conditional format's look. */
  dxf(d: DxfStyle): number {
    const parts: string[] = [];
    if (d.fontColor) parts.push(`<font><color rgb="${d.fontColor}"/></font>`);
    if (d.numFmt) parts.push(`<numFmt numFmtId="${this.numFmtId(d.numFmt)}" formatCode="${escapeXml(d.numFmt)}"/>`);
    if (d.fill) parts.push(`<fill><patternFill patternType="solid"><bgColor rgb="${d.fill}"/></patternFill></fill>`);
    this.dxfXml.push(`<dxf>${parts.join("")}</dxf>`);
    return this.dxfXml.length - 1;
  }

  xml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    const fills = [...this.fills.keys()].map((k) =>
      k === "none" || k === "gray125" ? `<fill><patternFill patternType="${k}"/></fill>` : `<fill><patternFill patternType="solid"><fgColor rgb="${k}"/></patternFill></fill>`,
    );
    const side = (name: string) => `<${name} style="thin"><color rgb="${BORDER_COLOR}"/></${name}>`;
    const borders = [...this.borders.keys()].map((k) =>
      k === "none" ? "<border><left/><right/><top/><bottom/><diagonal/></border>" : `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`,
    );
    const xfs = this.xfs.map(xfXml);
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${this.fontXml.length}">${this.fontXml.join("")}</fonts>` +
      `<fills count="${fills.length}">${fills.join("")}</fills>` +
      `<borders count="${borders.length}">${borders.join("")}</borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `<dxfs count="${this.dxfXml.length}">${this.dxfXml.join("")}</dxfs>` +
      `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`
    );
  }
}

function xfXml(x: Xf): string {
  const s = x.style;
  const align = [s.horizontal ? ` horizontal="${s.horizontal}"` : "", s.vertical ? ` vertical="${s.vertical === "middle" ? "center" : s.vertical}"` : "", s.wrap ? ` wrapText="1"` : ""].join("");
  const apply = [
    x.numFmtId ? ` applyNumberFormat="1"` : "",
    x.hasFont ? ` applyFont="1"` : "",
    x.fillId ? ` applyFill="1"` : "",
    x.borderId ? ` applyBorder="1"` : "",
    align ? ` applyAlignment="1"` : "",
    x.locked ? "" : ` applyProtection="1"`,
  ].join("");
  const inner = (align ? `<alignment${align}/>` : "") + (x.locked ? "" : `<protection locked="0"/>`);
  const head = `<xf numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="${x.borderId}" xfId="0"${apply}`;
  return inner ? `${head}>${inner}</xf>` : `${head}/>`;
}
