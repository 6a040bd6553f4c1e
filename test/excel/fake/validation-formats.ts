/** Data validation and conditional formats of a range (stored for tests to inspect). */
import { estimateBytes, FakeOfficeError, localAddress, parseLocal, REQUEST_COST, type Ctx, type FakeConditionalFormat } from "./core";
import type { FakeRange } from "./range";

export class FakeDataValidation {
  constructor(
    private ctx: Ctx,
    private range: FakeRange,
  ) {}
  set rule(rule: unknown) {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      const existing = b.sheet.validations.find((v) => v.address === address);
      if (existing) existing.rule = rule;
      else b.sheet.validations.push({ address, rule });
    }, estimateBytes(rule));
  }
  set prompt(prompt: unknown) {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      const existing = b.sheet.validations.find((v) => v.address === address);
      if (existing) existing.prompt = prompt;
      else b.sheet.validations.push({ address, rule: undefined, prompt });
    });
  }
  set errorAlert(alert: unknown) {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      const existing = b.sheet.validations.find((v) => v.address === address);
      if (existing) existing.errorAlert = alert;
      else b.sheet.validations.push({ address, rule: undefined, errorAlert: alert });
    }, estimateBytes(alert));
  }
  clear() {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      const address = localAddress(b);
      b.sheet.validations = b.sheet.validations.filter((v) => v.address !== address);
    });
  }
}

export class FakeConditionalFormatCollection {
  constructor(
    private ctx: Ctx,
    private range: FakeRange,
  ) {}
  add(type: string) {
    let cf: FakeConditionalFormat | undefined;
    this.ctx.enqueue(() => {
      const b = this.range._box();
      cf = { address: localAddress(b), type };
      b.sheet.conditionalFormats.push(cf);
    });
    const later = (fn: (c: FakeConditionalFormat) => void) => () => {
      if (!cf) throw new FakeOfficeError("InvalidOperation", "conditional format not created");
      fn(cf);
    };
    const ctx = this.ctx;
    return {
      custom: {
        rule: {
          set formula(f: string) {
            ctx.enqueue(later((c) => (c.formula = f)), estimateBytes(f), REQUEST_COST.format);
          },
        },
        format: {
          fill: {
            set color(v: string) {
              ctx.enqueue(later((c) => (c.fill = v)), estimateBytes(v), REQUEST_COST.format);
            },
          },
          font: {
            set color(v: string) {
              ctx.enqueue(later((c) => (c.fontColor = v)), estimateBytes(v), REQUEST_COST.format);
            },
          },
          /** ConditionalRangeFormat.numberFormat (ExcelApi 1.6), e.g. ";;;" to hide a value. */
          set numberFormat(v: string) {
            ctx.enqueue(later((c) => (c.numberFormat = v)), estimateBytes(v), REQUEST_COST.format);
          },
        },
      },
    };
  }
  /** Clears the conditional formats of the range (ExcelApi 1.6): every rule over cells of it. */
  clearAll() {
    this.ctx.enqueue(() => {
      const b = this.range._box();
      b.sheet.conditionalFormats = b.sheet.conditionalFormats.filter((c) => {
        const o = parseLocal(c.address);
        return o.r1 < b.r0 || o.r0 > b.r1 || o.c1 < b.c0 || o.c0 > b.c1;
      });
    });
  }
}

