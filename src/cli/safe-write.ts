/**
 * The only way the CLI writes a file: into a temporary file beside the target (same
 * directory, so the rename cannot cross file systems), flushed to disk with fsync, then
 * renamed over the target, and the directory flushed so the rename itself survives a crash.
 * Any failure before the rename (an exception, a full disk, the process killed) leaves the
 * target exactly as it was; the temporary file is removed when the process can still do it.
 * An existing target keeps its permission bits.
 */
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "fs";
import path from "path";
import type { Writable } from "stream";

/** A temporary name beside the target that a directory listing shows as jobplan's. */
function tempName(target: string): string {
  const rand = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(target), `.${path.basename(target)}.jobplan-${process.pid}-${rand}.tmp`);
}

function modeOf(target: string): number {
  try {
    return statSync(target).mode & 0o777;
  } catch {
    return 0o666;
  }
}

function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `target` through a temporary file: `produce` writes the content into the stream it
 * is given (it must not end it). Throws the file system's error (with its code) on failure.
 */
export async function writeFileSafely(target: string, produce: (out: Writable) => Promise<void>): Promise<void> {
  const tmp = tempName(target);
  const fd = openSync(tmp, "wx", modeOf(target));
  let closed = false;
  try {
    const stream = createWriteStream("", { fd, autoClose: false });
    const finished = new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
    });
    // When `produce` fails first (a full disk), its error is the one reported; this one is not unhandled.
    finished.catch(() => undefined);
    try {
      await produce(stream);
    } finally {
      // ExcelJS ends the stream itself when it pipes its zip into it.
      if (!stream.writableEnded) stream.end();
    }
    await finished;
    fsyncSync(fd);
    closeSync(fd);
    closed = true;
    renameSync(tmp, target);
  } catch (e) {
    if (!closed) {
      try {
        closeSync(fd);
      } catch {
        // already closed by the stream
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left to remove
    }
    throw e;
  }
  syncDir(path.dirname(target));
}

/** Writes bytes or text to `target` through a temporary file (see writeFileSafely). */
export async function writeBytesSafely(target: string, data: string | Uint8Array): Promise<void> {
  await writeFileSafely(target, async (out) => {
    await new Promise<void>((resolve, reject) => out.write(data, (e) => (e ? reject(e) : resolve())));
  });
}

/** Synchronous variant for small files written while the process is failing (the crash log). */
export function writeSmallFileSafely(target: string, text: string): void {
  const tmp = tempName(target);
  const fd = openSync(tmp, "wx", 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, target);
}
