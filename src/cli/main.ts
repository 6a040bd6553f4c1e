/**
 * jobplan CLI entry point (bin/jobplan.js runs the prebuilt bundle of this file, or this
 * file through tsx). A closed pipe (`jobplan check … | head -1`) ends the program quietly.
 */
import { processIO, runCli } from "./run-cli";
import { saveCrashLog } from "./crash-log";

export { runCli } from "./run-cli";

function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/** The program: bin/jobplan.js calls this on the bundle. */
export function main(argv: string[]): void {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  runCli(argv, processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      const log = saveCrashLog(e, argv);
      process.stderr.write(`jobplan: internal error${log ? `; log saved to ${log}` : ""}\n`);
      process.exitCode = 3;
    },
  );
}

if (require.main === module) main(process.argv.slice(2));
