/**
 * A zip archive written part by part into a stream, for the .xlsx the CLI writes: each part
 * deflated by Node's zlib on its thread pool (`deflatePart`, so that the next part is made
 * while the last one is compressed), sizes and CRC in the local header, UTF-8 names. No
 * zip64: an .xlsx part stays far below 4 GB (a part that would not is refused with an
 * error, never written broken).
 */
import type { Writable } from "stream";
import zlib from "zlib";

const LIMIT = 0xffffffff;

/** Fixed DOS time (1980-01-01 00:00): the archive's bytes depend on its content only. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** General purpose flags: names in UTF-8; sizes and CRC in a descriptor after the data. */
export const UTF8_NAMES = 0x0800;
export const DATA_DESCRIPTOR = 0x0008;

export interface EntryFacts {
  flags: number;
  crc: number;
  compressed: number;
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
}

/**
 * The local header (before the name and the data) and the central directory record (before
 * the name) of a deflated entry. With DATA_DESCRIPTOR the local header leaves CRC and sizes 0.
 */
export function entryHeaders(nameLength: number, e: EntryFacts): { local: Buffer; central: Buffer } {
  const later = (e.flags & DATA_DESCRIPTOR) !== 0;
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(e.flags, 6);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(DOS_TIME, 10);
  local.writeUInt16LE(DOS_DATE, 12);
  local.writeUInt32LE(later ? 0 : e.crc, 14);
  local.writeUInt32LE(later ? 0 : e.compressed, 18);
  local.writeUInt32LE(later ? 0 : e.size, 22);
  local.writeUInt16LE(nameLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(e.flags, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(DOS_TIME, 12);
  central.writeUInt16LE(DOS_DATE, 14);
  central.writeUInt32LE(e.crc, 16);
  central.writeUInt32LE(e.compressed, 20);
  central.writeUInt32LE(e.size, 24);
  central.writeUInt16LE(nameLength, 28);
  central.writeUInt32LE(e.offset, 42);
  return { local, central };
}

/** The end of central directory record. */
export function endRecord(count: number, size: number, start: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(start, 16);
  return end;
}

export interface DeflatedPart {
  size: number;
  crc: number;
  deflated: Buffer;
}

/** A part's content compressed off the main thread (zlib's thread pool). */
export function deflatePart(content: string | Uint8Array, level = 3): Promise<DeflatedPart> {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  const crc = zlib.crc32(data) >>> 0;
  return new Promise((resolve, reject) =>
    zlib.deflateRaw(data, { level }, (err, deflated) => (err ? reject(err) : resolve({ size: data.length, crc, deflated }))),
  );
}

export class ZipWriter {
  private offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;

  private failed?: Error;

  constructor(private readonly out: Writable) {
    out.on("error", (e: Error) => (this.failed = this.failed ?? e));
  }

  /** Writes bytes, waiting while the stream is full; a write error (a full disk) is thrown here. */
  private async put(b: Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    this.offset += b.length;
    if (this.out.write(b)) return;
    await new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => {
        this.out.off("drain", drained);
        this.out.off("error", done);
        if (e) reject(e);
        else resolve();
      };
      const drained = () => done();
      this.out.on("drain", drained);
      this.out.on("error", done);
    });
  }

  /** Adds a part compressed by deflatePart. */
  async add(name: string, part: DeflatedPart): Promise<void> {
    const { size, crc, deflated } = part;
    if (size >= LIMIT || deflated.length >= LIMIT || this.offset >= LIMIT) throw new Error(`zip part ${name} is too large for an .xlsx`);
    const nameBytes = Buffer.from(name, "utf8");
    const { local: header, central } = entryHeaders(nameBytes.length, { flags: UTF8_NAMES, crc, compressed: deflated.length, size, offset: this.offset });
    this.central.push(central, nameBytes);
    this.count++;
    await this.put(header);
    await this.put(nameBytes);
    await this.put(deflated);
  }

  /** Writes the central directory; the stream is left open for its owner to end. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const b of this.central) await this.put(b);
    await this.put(endRecord(this.count, this.offset - start, start));
  }
}
