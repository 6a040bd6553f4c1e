// Preloaded into a measured process (node --require bench/peak-rss.js ...): writes its peak
// resident memory in bytes to the file named by JOBPLAN_PEAK_FILE when it exits.
/* global require */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("fs");
process.on("exit", () => {
  const file = process.env.JOBPLAN_PEAK_FILE;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
});
