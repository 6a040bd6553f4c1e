/**
 * Worksheet.notes (NoteCollection, ExcelApi 1.18) and Worksheet.pageLayout (PageLayout,
 * ExcelApi 1.9), stored as set so that tests can read them back.
 *
 * Notes: `add(cellAddress, content)` takes a single cell ("an InvalidArgument error is thrown
 * if multiple cells are selected", "Work with notes using the Excel JavaScript API"); a cell
 * holds one note, so adding a second one there fails as well. Page layout: the properties
 * and methods jobplan sets (orientation, paper size, fit to pages through `zoom`, centring,
 * margins, print title rows, the footer of every page through
 * `headersFooters.defaultForAllPages`).
 */
import { estimateBytes, FakeOfficeError, localAddress, parseLocal, REQUEST_COST, type Ctx, type SheetState } from "./core";
import { assertEditable } from "./protection";

export class FakeNoteCollection {
  constructor(
    private ctx: Ctx,
    private sheet: () => SheetState,
  ) {}
  add(cellAddress: string, content: string) {
    this.ctx.state.log.push("NoteCollection.add");
    this.ctx.enqueue(
      () => {
        const s = this.sheet();
        const b = parseLocal(cellAddress);
        if (b.r0 !== b.r1 || b.c0 !== b.c1) throw new FakeOfficeError("InvalidArgument", `a note goes on one cell, not ${cellAddress}`);
        assertEditable({ sheet: s, ...b }, "structure");
        const at = localAddress(b);
        if (s.notes.has(at)) throw new FakeOfficeError("InvalidArgument", `cell ${at} already has a note`);
        s.notes.set(at, String(content));
      },
      estimateBytes(cellAddress) + estimateBytes(content),
      REQUEST_COST.note,
    );
  }
}

export class FakePageLayout {
  headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(
    private ctx: Ctx,
    private sheet: () => SheetState,
  ) {
    const footer = {} as Record<string, string>;
    for (const prop of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]) {
      Object.defineProperty(footer, prop, {
        get() {
          throw new FakeOfficeError("PropertyNotLoaded", `headersFooters.defaultForAllPages.${prop}`);
        },
        set: (v: string) => this.put(`defaultForAllPages.${prop}`, v),
      });
    }
    this.headersFooters = { defaultForAllPages: footer };
  }
  private put(prop: string, value: unknown) {
    this.ctx.state.log.push(`PageLayout.${prop}`);
    this.ctx.enqueue(() => void (this.sheet().pageLayout[prop] = value), estimateBytes(value), REQUEST_COST.pageLayout);
  }
  set orientation(v: string) {
    if (v !== "Portrait" && v !== "Landscape") throw new FakeOfficeError("InvalidArgument", `orientation ${v}`);
    this.put("orientation", v);
  }
  set paperSize(v: string) {
    this.put("paperSize", v);
  }
  set centerHorizontally(v: boolean) {
    this.put("centerHorizontally", v);
  }
  /** PageLayoutZoomOptions must be set as a whole object (`zoom = {...}`). */
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    if (v.scale !== undefined && (v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined))
      throw new FakeOfficeError("InvalidArgument", "zoom takes a scale or pages to fit, not both");
    this.put("zoom", { ...v });
  }
  setPrintMargins(unit: string, margins: Record<string, number>) {
    this.put("margins", { unit, ...margins });
  }
  setPrintTitleRows(rows: string) {
    // Whole rows ("$4:$5"); a bad address fails like any range address.
    const b = parseLocal(rows);
    if (b.c0 !== 0 || b.c1 !== 16383) throw new FakeOfficeError("InvalidArgument", `print title rows must be whole rows, not ${rows}`);
    this.put("printTitleRows", rows);
  }
}
