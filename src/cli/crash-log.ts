/**
 * An internal error (a bug, exit 3) leaves a log the user can send: version, Node, the
 * command line and the stack, in the system's temporary folder. Writing it never throws.
 */
import os from "os";
import path from "path";
import { writeSmallFileSafely } from "./safe-write";
import { VERSION } from "./usage";

export function saveCrashLog(error: unknown, argv: readonly string[]): string | undefined {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(os.tmpdir(), `jobplan-error-${stamp}-${process.pid}.log`);
  const text = [
    `jobplan ${VERSION}, Node ${process.version}, ${process.platform} ${process.arch}`,
    `time: ${new Date().toISOString()}`,
    `arguments: ${JSON.stringify(argv)}`,
    "",
    String((error as Error)?.stack ?? error),
    "",
  ].join("\n");
  try {
    writeSmallFileSafely(file, text);
    return file;
  } catch {
    return undefined;
  }
}
