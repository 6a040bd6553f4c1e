/**
 * An .xlsx file as a zip archive: its entries by part name, each readable as a stream of
 * text chunks. yauzl reads the central directory and inflates one entry at a time through
 * Node's zlib, so nothing is held whole (see bench/xlsx-parsers.ts for the comparison).
 *
 * OPC part names are case-insensitive and may be written with a leading "/" (openpyxl's
 * table parts are absolute): every name is looked up in one normal form.
 */
import { StringDecoder } from "string_decoder";
import zlib from "zlib";
import yauzl from "yauzl";
import { XlsxReadError } from "./errors";

const zipError = (e: unknown) => (e instanceof XlsxReadError ? e : new XlsxReadError(`zip: ${(e as Error).message}`));

/** The one form of a part name: no leading "/", lower case. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

/** Resolves a relationship target against the folder of the part that holds the rels. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const base = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

/**
 * Parts up to this size (as the archive states it) are inflated in one call and handed over
 * in slices: a worksheet of a 10,000-project plan is ~12 MB, and one call costs a fraction of
 * streaming it through zlib 16 KB at a time. Larger parts (a hostile one of hundreds of
 * megabytes) are streamed, so memory stays bounded.
 */
const WHOLE_PART_LIMIT = 32 * 2 ** 20;
/** Characters handed to the reader at a time (below the XML run guard's bound, xml-stream.ts). */
const SLICE = 1 << 18;

/** Thrown to stop reading an entry early (the caller has what it needs). */
export class StopReading extends Error {}

export class ZipArchive {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static async open(file: string): Promise<ZipArchive> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(file, {
        autoClose: false,
        strictFileNames: false,
        validateEntrySizes: true,
      });
    } catch (e) {
      throw zipError(e);
    }
    const entries = new Map<string, yauzl.Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(partKey(entry.fileName), entry);
    } catch (e) {
      zip.close();
      throw zipError(e);
    }
    return new ZipArchive(zip, entries);
  }

  has(part: string): boolean {
    return this.entries.has(partKey(part));
  }

  /** Every part name as stored. */
  names(): string[] {
    return [...this.entries.values()].map((e) => e.fileName);
  }

  /** Uncompressed size as the archive states it (checked while reading). */
  size(part: string): number | undefined {
    return this.entries.get(partKey(part))?.uncompressedSize;
  }

  /**
   * Feeds the part's text to `onText` chunk by chunk. `onText` may throw StopReading to end
   * early; that is not an error. Says whether the part was read to its end, stopped, or is missing.
   */
  async read(part: string, onText: (chunk: string) => void): Promise<"done" | "stopped" | "missing"> {
    const entry = this.entries.get(partKey(part));
    if (!entry) return "missing";
    if (entry.compressionMethod === 8 && !entry.isEncrypted() && entry.uncompressedSize <= WHOLE_PART_LIMIT) return this.readWhole(entry, onText);
    let stream: NodeJS.ReadableStream & { destroy(): void };
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (e) {
      throw zipError(e);
    }
    const dec = new StringDecoder("utf8");
    // Errors of the consumer pass through as they are; those of the archive become XlsxReadError.
    let failure: unknown;
    try {
      for await (const chunk of stream) {
        try {
          onText(dec.write(chunk as Buffer));
        } catch (e) {
          failure = e;
          break;
        }
      }
    } catch (e) {
      stream.destroy();
      throw zipError(e);
    }
    stream.destroy();
    try {
      if (failure === undefined) {
        const rest = dec.end();
        if (rest) onText(rest);
      }
    } catch (e) {
      failure = e;
    }
    if (failure === undefined) return "done";
    if (failure instanceof StopReading) return "stopped";
    throw failure;
  }

  /** A deflated part inflated in one call (its stated size checked), its text handed over in slices. */
  private async readWhole(entry: yauzl.Entry, onText: (chunk: string) => void): Promise<"done" | "stopped"> {
    let bytes: Buffer;
    try {
      const raw = await this.zip.openReadStreamPromise(entry, { decodeFileData: false } as yauzl.ZipFileOptions);
      const chunks: Buffer[] = [];
      for await (const chunk of raw) chunks.push(chunk as Buffer);
      // One byte more than stated, so that a part longer than its header says is caught.
      bytes = zlib.inflateRawSync(Buffer.concat(chunks), { maxOutputLength: entry.uncompressedSize + 1 });
    } catch (e) {
      throw zipError(e);
    }
    if (bytes.length !== entry.uncompressedSize) throw new XlsxReadError(`zip: ${entry.fileName} holds ${bytes.length} bytes, its header says ${entry.uncompressedSize}`);
    const dec = new StringDecoder("utf8");
    try {
      for (let i = 0; i < bytes.length; i += SLICE) onText(dec.write(bytes.subarray(i, i + SLICE)));
      const rest = dec.end();
      if (rest) onText(rest);
    } catch (e) {
      if (e instanceof StopReading) return "stopped";
      throw e;
    }
    return "done";
  }

  /** A small part read whole; parts above `limit` characters are refused (a hostile file). */
  async text(part: string, limit = 64 * 2 ** 20): Promise<string | undefined> {
    const size = this.size(part);
    if (size === undefined) return undefined;
    if (size > limit) throw new Error(`part ${part} is ${size} bytes, more than ${limit}`);
    const chunks: string[] = [];
    await this.read(part, (c) => chunks.push(c));
    return chunks.join("");
  }

  close(): void {
    this.zip.close();
  }
}
