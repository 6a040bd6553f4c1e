/**
 * A minimal zip writer for hand-built .xlsx files in tests and benchmarks: workbooks shaped
 * as other programs write them (openpyxl's absolute part paths) and hostile ones (a part of
 * hundreds of megabytes produced chunk by chunk, never held whole). Deflate through zlib,
 * sizes and CRC in a data descriptor, no zip64 (parts stay under 4 GB).
 */
import { closeSync, openSync, writeSync } from "fs";
import zlib from "zlib";
import { DATA_DESCRIPTOR, endRecord, entryHeaders, UTF8_NAMES } from "../src/cli/zip-write";

/** A part's content: text, bytes, or chunks produced one after another. */
export type PartContent = string | Uint8Array | (() => Iterable<string | Uint8Array>);

export interface ZipPart {
  name: string;
  content: PartContent;
}

function chunksOf(content: PartContent): Iterable<Uint8Array> {
  const one = (c: string | Uint8Array) => (typeof c === "string" ? Buffer.from(c, "utf8") : c);
  if (typeof content === "function") {
    return (function* () {
      for (const c of content()) yield one(c);
    })();
  }
  return [one(content)];
}

/** Deflates a part's chunks into `put`, one chunk at a time (memory: one chunk). */
async function deflateInto(chunks: Iterable<Uint8Array>, put: (b: Uint8Array) => void): Promise<{ crc: number; size: number; compressed: number }> {
  const z = zlib.createDeflateRaw({ level: 1 });
  let crc = 0;
  let size = 0;
  let compressed = 0;
  z.on("data", (b: Buffer) => {
    compressed += b.length;
    put(b);
  });
  const done = new Promise<void>((resolve, reject) => {
    z.on("end", resolve);
    z.on("error", reject);
  });
  for (const chunk of chunks) {
    crc = zlib.crc32(chunk, crc);
    size += chunk.length;
    if (!z.write(chunk)) await new Promise((r) => z.once("drain", r));
  }
  z.end();
  await done;
  return { crc, size, compressed };
}

export async function writeZip(file: string, parts: ZipPart[]): Promise<void> {
  const fd = openSync(file, "w");
  let offset = 0;
  const put = (b: Uint8Array) => {
    writeSync(fd, b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  try {
    for (const part of parts) {
      const name = Buffer.from(part.name, "utf8");
      const start = offset;
      const flags = UTF8_NAMES | DATA_DESCRIPTOR;
      put(entryHeaders(name.length, { flags, crc: 0, compressed: 0, size: 0, offset: start }).local);
      put(name);
      const { crc, size, compressed } = await deflateInto(chunksOf(part.content), put);
      const desc = Buffer.alloc(16);
      desc.writeUInt32LE(0x08074b50, 0);
      desc.writeUInt32LE(crc >>> 0, 4);
      desc.writeUInt32LE(compressed, 8);
      desc.writeUInt32LE(size, 12);
      put(desc);
      central.push(entryHeaders(name.length, { flags, crc: crc >>> 0, compressed, size, offset: start }).central, name);
    }
    const cdStart = offset;
    for (const b of central) put(b);
    put(endRecord(parts.length, offset - cdStart, cdStart));
  } finally {
    closeSync(fd);
  }
}
