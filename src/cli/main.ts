/** jobplan CLI entry point (run with tsx; bin/jobplan.js does that). */
import { processIO, runCli } from "./run-cli";

export { runCli } from "./run-cli";

if (require.main === module) {
  runCli(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(String((e as Error)?.stack ?? e) + "\n");
      process.exitCode = 3;
    },
  );
}
