/**
 * Range.format and RangeAreas.format (RangeFormat: fill, font, alignment, wrapping, borders,
 * row height, column width, protection.locked), applied to every cell of the areas at sync.
 * Font name and size set on a whole sheet (`worksheet.getRange()`) are kept as the sheet's
 * format rather than on seventeen billion cells. Formatting a protected sheet follows
 * protection.ts. Each setter is recorded in the call log ("Range.format.fill.color").
 */
import { estimateBytes, FakeOfficeError, key, REQUEST_COST, type Box, type Ctx, type FakeCell } from "./core";
import { assertEditable } from "./protection";

/** More cells than this in one format call are treated as the whole sheet (or refused). */
const MAX_CELLS = 5_000_000;

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

type Side = "top" | "bottom" | "left" | "right";

/** The cell sides a border index sets in a box (inside borders are the cells' inner edges). */
function sidesOf(index: string, b: Box, r: number, c: number): Side[] {
  switch (index) {
    case "EdgeTop":
      return r === b.r0 ? ["top"] : [];
    case "EdgeBottom":
      return r === b.r1 ? ["bottom"] : [];
    case "EdgeLeft":
      return c === b.c0 ? ["left"] : [];
    case "EdgeRight":
      return c === b.c1 ? ["right"] : [];
    case "InsideHorizontal":
      return r > b.r0 ? (r < b.r1 ? ["top", "bottom"] : ["top"]) : r < b.r1 ? ["bottom"] : [];
    case "InsideVertical":
      return c > b.c0 ? (c < b.c1 ? ["left", "right"] : ["left"]) : c < b.c1 ? ["right"] : [];
    default:
      throw new FakeOfficeError("InvalidArgument", `unknown border index ${index}`);
  }
}

function cellsOf(b: Box): number {
  return (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
}

export class FakeFormat {
  fill: { color: string; clear: () => void; load: (props?: unknown) => unknown };
  font: { bold: boolean; color: string; name: string; size: number; underline: string; italic: boolean };
  borders: { getItem: (index: string) => { style: string; color: string; weight: string } };
  protection: { locked: boolean };
  constructor(
    private ctx: Ctx,
    private boxes: () => Box[],
    private label: string,
    private extraBytes = 0,
  ) {
    let loadedColor: string | null | undefined;
    const fill = {
      clear: () => {
        this.log("fill.clear");
        this.queue(this.each((c) => delete c.fill), 0);
      },
      /** format.fill.load("color"): the colour, null when the cells differ, "#FFFFFF" when unfilled. */
      load: () => {
        ctx.enqueue(() => {
          const colors = new Set<string>();
          for (const b of this.boxes()) for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) colors.add(b.sheet.cells.get(key(r, c))?.fill ?? "#FFFFFF");
          loadedColor = colors.size === 1 ? [...colors][0] : null;
        });
        return fill;
      },
    } as FakeFormat["fill"];
    Object.defineProperty(fill, "color", {
      get() {
        if (loadedColor === undefined) throw new FakeOfficeError("PropertyNotLoaded", "format.fill.color (load it, or read fills with sheet(name).fill() in tests)");
        return loadedColor;
      },
      set: (v: string) => {
        this.log("fill.color");
        this.queue(this.each((c) => (v ? (c.fill = v) : delete c.fill)), estimateBytes(v));
      },
    });
    this.fill = fill;

    const font = {} as FakeFormat["font"];
    const fontProp = (name: keyof FakeFormat["font"], apply: (c: FakeCell, v: never) => void, sheetWide?: "fontName" | "fontSize") =>
      Object.defineProperty(font, name, {
        get() {
          throw new FakeOfficeError("PropertyNotLoaded", `format.font.${name}`);
        },
        set: (v: never) => {
          this.log(`font.${name}`);
          this.queue(this.each((c) => apply(c, v), sheetWide ? (sheet) => (sheet[sheetWide] = v) : undefined), estimateBytes(v));
        },
      });
    fontProp("bold", (c, v: boolean) => (c.bold = v));
    fontProp("color", (c, v: string) => (c.fontColor = v));
    fontProp("name", (c, v: string) => (c.fontName = v), "fontName");
    fontProp("size", (c, v: number) => (c.fontSize = v), "fontSize");
    fontProp("underline", (c, v: string) => (v === "None" ? delete c.underline : (c.underline = v)));
    fontProp("italic", () => undefined);
    this.font = font;

    this.borders = {
      getItem: (index: string) => {
        if (!(EDGES as readonly string[]).includes(index)) throw new FakeOfficeError("InvalidArgument", `unknown border index ${index}`);
        const border = {} as { style: string; color: string; weight: string };
        for (const prop of ["style", "color", "weight"] as const) {
          Object.defineProperty(border, prop, {
            get() {
              throw new FakeOfficeError("PropertyNotLoaded", `format.borders.${prop}`);
            },
            set: (v: string) => {
              this.log(`borders.${prop}`);
              this.queue(() => {
                for (const b of this.checked("formatCells"))
                  // An edge touches one row or column of the box: only its cells are visited.
                  for (let r = index === "EdgeBottom" ? b.r1 : b.r0; r <= (index === "EdgeTop" ? b.r0 : b.r1); r++)
                    for (let c = index === "EdgeRight" ? b.c1 : b.c0; c <= (index === "EdgeLeft" ? b.c0 : b.c1); c++) {
                      const sides = sidesOf(index, b, r, c);
                      if (!sides.length) continue;
                      const cell = this.cell(b, r, c);
                      const borders = (cell.borders = cell.borders ?? {});
                      for (const side of sides) (borders[side] ??= {})[prop] = v;
                    }
              }, estimateBytes(v));
            },
          });
        }
        return border;
      },
    };

    const protection = {} as { locked: boolean };
    Object.defineProperty(protection, "locked", {
      get() {
        throw new FakeOfficeError("PropertyNotLoaded", "format.protection.locked");
      },
      set: (v: boolean) => {
        this.log("protection.locked");
        this.queue(() => {
          for (const b of this.checked("formatCells")) b.sheet.lockRanges.push({ r0: b.r0, c0: b.c0, r1: b.r1, c1: b.c1, locked: v });
        }, 0);
      },
    });
    this.protection = protection;
  }

  private log(what: string) {
    this.ctx.state.log.push(`${this.label}.format.${what}`);
  }

  private used = false;

  /** The first call sends the format's path (and the areas' address); later ones only the property. */
  private queue(op: () => void, bytes: number) {
    const first = !this.used;
    this.used = true;
    this.ctx.enqueue(op, bytes + (first ? this.extraBytes : 0), first ? REQUEST_COST.format : REQUEST_COST.followUp);
  }

  private checked(action: Parameters<typeof assertEditable>[1]): Box[] {
    const boxes = this.boxes();
    for (const b of boxes) assertEditable(b, action);
    return boxes;
  }

  private cell(b: Box, r: number, c: number): FakeCell {
    const k = key(r, c);
    let cell = b.sheet.cells.get(k);
    if (!cell) {
      cell = { value: "" };
      b.sheet.cells.set(k, cell);
    }
    return cell;
  }

  /** Applies `fn` to every cell; a whole-sheet box goes to `sheetWide` (font name and size only). */
  private each(fn: (c: FakeCell) => void, sheetWide?: (format: Box["sheet"]["sheetFormat"]) => void) {
    return () => {
      for (const b of this.checked("formatCells")) {
        if (cellsOf(b) > MAX_CELLS) {
          if (!sheetWide) throw new FakeOfficeError("NotImplemented", "the fake formats at most 5M cells at once, or a whole sheet's font");
          sheetWide(b.sheet.sheetFormat);
          for (const cell of b.sheet.cells.values()) fn(cell);
          continue;
        }
        for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) fn(this.cell(b, r, c));
      }
    };
  }

  set horizontalAlignment(v: string) {
    this.log("horizontalAlignment");
    this.queue(this.each((c) => (v === "General" ? delete c.horizontal : (c.horizontal = v))), estimateBytes(v));
  }
  set verticalAlignment(v: string) {
    this.log("verticalAlignment");
    this.queue(this.each((c) => (c.vertical = v)), estimateBytes(v));
  }
  set wrapText(v: boolean) {
    this.log("wrapText");
    this.queue(this.each((c) => (v ? (c.wrap = true) : delete c.wrap)), 0);
  }
  set rowHeight(h: number) {
    this.log("rowHeight");
    this.queue(() => {
      for (const b of this.boxes()) {
        assertEditable(b, "formatRows");
        for (let r = b.r0; r <= b.r1; r++) b.sheet.rowHeights.set(r, h);
      }
    }, 0);
  }
  set columnWidth(w: number) {
    this.log("columnWidth");
    this.queue(() => {
      for (const b of this.boxes()) {
        assertEditable(b, "formatColumns");
        for (let c = b.c0; c <= b.c1; c++) b.sheet.columnWidths.set(c, w);
      }
    }, 0);
  }
  get columnWidth(): number {
    throw new FakeOfficeError("PropertyNotLoaded", "format.columnWidth");
  }
  autofitColumns() {
    this.ctx.enqueue(() => this.boxes());
  }
}
