// Preloaded into a measured process (node --require bench/peak-rss.js ...): writes its peak
// resident memory in bytes and its CPU time in ms to the file named by JOBPLAN_PEAK_FILE
// when it exits.
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("fs");
process.on("exit", () => {
  const file = process.env.JOBPLAN_PEAK_FILE;
  const u = process.resourceUsage();
  if (file) fs.writeFileSync(file, `${u.maxRSS * 1024} ${(u.userCPUTime + u.systemCPUTime) / 1000}`);
});
