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
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(deflated.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(this.offset, 42);
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
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
  }
}
