/**
 * Reading inputs and preparing outputs with every file-system failure turned into an
 * InputError: one line naming the path and what to do (exit 2), never a stack trace.
 */
import { mkdirSync, openSync, readFileSync, readSync, closeSync, realpathSync, statSync } from "fs";
import path from "path";
import { InputError } from "./errors";
import { M, say, type Lang } from "./messages";

/** The one-line error for a failed file operation on `file`. */
export function fileError(e: unknown, file: string, reading: boolean, lang: Lang): InputError {
  if (e instanceof InputError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? "";
  const m = (() => {
    switch (code) {
      case "ENOENT":
        return reading ? M.noFile(file) : M.notFolder(file);
      case "EISDIR":
        return M.isFolder(file);
      case "ENOTDIR":
      case "EEXIST":
        return M.notFolder(file);
      case "EACCES":
      case "EPERM":
        return reading ? M.cannotRead(file) : M.cannotWrite(file);
      case "EROFS":
        return M.cannotWrite(file);
      case "ENOSPC":
      case "EDQUOT":
      case "EFBIG":
        return M.diskFull(file);
      case "EBUSY":
      case "ETXTBSY":
        return M.busy(file);
      default:
        if (!code) throw e;
        return M.fsOther(file, code, reading);
    }
  })();
  return new InputError(say(lang, m));
}

/** Fails unless `file` is an existing regular file that can be opened for reading. */
export function ensureReadableFile(file: string, lang: Lang): void {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw fileError(e, file, true, lang);
  }
  if (st.isDirectory()) throw new InputError(say(lang, M.isFolder(file)));
  try {
    closeSync(openSync(file, "r"));
  } catch (e) {
    throw fileError(e, file, true, lang);
  }
}

export function readBytes(file: string, lang: Lang): Buffer {
  ensureReadableFile(file, lang);
  try {
    return readFileSync(file);
  } catch (e) {
    throw fileError(e, file, true, lang);
  }
}

/** The first bytes of a file (to tell a zip from text). */
export function headBytes(file: string, n: number, lang: Lang): Buffer {
  ensureReadableFile(file, lang);
  try {
    const fd = openSync(file, "r");
    try {
      const buf = Buffer.alloc(n);
      return buf.subarray(0, readSync(fd, buf, 0, n, 0));
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw fileError(e, file, true, lang);
  }
}

/** Makes the output's folder (as `mkdir -p`) and fails early when the output is a folder. */
export function prepareOutput(file: string, lang: Lang): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
  } catch (e) {
    throw fileError(e, file, false, lang);
  }
  let st;
  try {
    st = statSync(file);
  } catch {
    return;
  }
  if (st.isDirectory()) throw new InputError(say(lang, M.isFolder(file)));
}

/** Whether two paths name the same existing file (links and case-insensitive disks included). */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    if (sa.ino === sb.ino && sa.dev === sb.dev) return true;
  } catch {
    // a missing output is not the input
  }
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
