/**
 * Bytes appended to one growing buffer: the large worksheet parts are written cell by cell
 * this way instead of as strings joined at the end, which made a string (and garbage) per
 * cell. Short ASCII pieces are copied byte by byte; repeated pieces (a column's formula, a
 * style attribute) are encoded once and copied.
 */
export class ByteSink {
  private buf: Buffer;
  private pos = 0;

  constructor(initial = 1 << 16) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  /** A text of ASCII characters only (tags, attributes, numbers). */
  ascii(s: string): void {
    const n = s.length;
    this.room(n);
    const b = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Any text, UTF-8 encoded. */
  text(s: string): void {
    this.room(s.length * 3);
    this.pos += this.buf.write(s, this.pos, "utf8");
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A non-negative whole number in decimal. */
  uint(n: number): void {
    if (n < 10) {
      this.room(1);
      this.buf[this.pos++] = 48 + n;
      return;
    }
    this.ascii(String(n));
  }

  /** The bytes written (a view, valid until the next write). */
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}
