/**
 * Defined names. `names.add` returns the NamedItem, whose `formula` can be loaded back.
 *
 * Modelled from office-js #740: from Excel 1904 on, `NamedItemCollection.add` with a formula
 * that refers to a table by a structured reference stored it as a fixed range (it returned
 * "=Sheet1!$A$1" for "=MyTable[[#Headers],[MyColumn]]"). With `freezeTableRefsInNames` the
 * double does the same: every `Table[...]` in the formula becomes the table's range as it is
 * at that moment, so a name that should follow the table silently stops doing so.
 * Setting or passing a comment records NamedItem.comment, which clears the undo stack on
 * the web (undo-stack.ts).
 */
import { boxAddress, Ctx, estimateBytes, FakeOfficeError, FakeProxy, findTable, REQUEST_COST, type NameState, type WorkbookState } from "./core";
import type { FakeRange } from "./range";
import { clearsUndo } from "./undo-stack";

function absolute(address: string): string {
  const bang = address.lastIndexOf("!");
  return address.slice(0, bang + 1) + address.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
}

/** `Table[...]` (with nested brackets) replaced by the table's absolute range. */
function freezeTableRefs(st: WorkbookState, formula: string): string {
  return formula.replace(/([A-Za-z_\\][\w.]*)\[(?:[^[\]]|\[[^\]]*\])*\]/g, (m, name: string) => {
    const t = findTable(st, name, false);
    return t ? absolute(boxAddress({ sheet: t.sheet, r0: t.r0, c0: t.c0, r1: t.r1, c1: t.c1 })) : m;
  });
}

export class FakeNamedItem extends FakeProxy {
  constructor(
    ctx: Ctx,
    private resolve: () => NameState | undefined,
  ) {
    super(ctx);
  }
  private _name(): NameState {
    const n = this.resolve();
    if (!n) throw new FakeOfficeError("ItemNotFound", "the name does not exist");
    return n;
  }
  protected _scalarProps() {
    return ["name", "formula", "comment", "visible"];
  }
  protected _read(prop: string): unknown {
    const n = this._name();
    if (prop === "name" || prop === "formula" || prop === "comment" || prop === "visible") return n[prop];
    throw new FakeOfficeError("InvalidArgument", `unknown name property ${prop}`);
  }
  _loadNow(prop: string) {
    this._loadPath(prop);
  }
  get name(): string {
    return this._get("name");
  }
  get formula(): string {
    return this._get("formula");
  }
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._set("comment", v, () => {
      clearsUndo(this.context.state, "NamedItem.comment", ["web"]);
      this._name().comment = v;
    });
  }
  delete() {
    this.context.enqueue(() => {
      const st = this.context.state;
      const n = this._name();
      st.names = st.names.filter((x) => x !== n);
    });
  }
}

export class FakeNamedItemCollection extends FakeProxy {
  private _items: FakeNamedItem[] | undefined;
  protected _scalarProps() {
    return ["items/name"];
  }
  protected _read(): unknown {
    return undefined;
  }
  protected override _loadPath(path: string) {
    const sub = path.startsWith("items/") ? path.slice(6) : "";
    this._items = this.context.state.names.map((n) => {
      const item = new FakeNamedItem(this.context, () => n);
      if (sub) item._loadNow(sub);
      return item;
    });
  }
  get items(): FakeNamedItem[] {
    if (!this._items) throw new FakeOfficeError("PropertyNotLoaded", "items");
    return this._items;
  }
  add(name: string, reference: string | FakeRange, comment?: string): FakeNamedItem {
    let created: NameState | undefined;
    this.context.enqueue(() => {
      const st = this.context.state;
      if (st.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `name ${name}`);
      if (st.tables.some((t) => !t.deleted && t.name.toLowerCase() === name.toLowerCase())) throw new FakeOfficeError("ItemAlreadyExists", `table ${name}`);
      let formula = typeof reference === "string" ? reference : "=" + boxAddress(reference._box());
      if (st.freezeTableRefsInNames) formula = freezeTableRefs(st, formula);
      if (comment) clearsUndo(st, "NamedItem.comment", ["web"]);
      created = { name, formula, comment, visible: true };
      st.names.push(created);
    }, estimateBytes(name) + estimateBytes(typeof reference === "string" ? reference : "") + estimateBytes(comment ?? ""), REQUEST_COST.add);
    return new FakeNamedItem(this.context, () => created);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const st = () => this.context.state;
    return new FakeNamedItem(this.context, () => st().names.find((n) => n.name.toLowerCase() === name.toLowerCase()));
  }
}
