// Preloaded into the CLI by the kill test (node --require test/reliability/slow-writes.js ...):
// every file write completes as usual but reports back 200 ms later, so that the temporary
// file holds part of the workbook for a while before it is renamed and a kill sent once it
// has content lands mid-write, however small the workbook and however busy the machine.
/* global require, setTimeout */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("fs");
const DELAY_MS = 200;
for (const name of ["write", "writev"]) {
  const real = fs[name];
  fs[name] = function (...args) {
    const callback = args.pop();
    return real.call(fs, ...args, (...result) => setTimeout(() => callback(...result), DELAY_MS));
  };
}
