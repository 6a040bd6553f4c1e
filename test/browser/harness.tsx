// Browser test harness: the real task pane (App) on the real adapter, with Excel replaced by
// the Office.js test double. Built by `webpack --env harness` (webpack.config.js) and loaded
// by test/browser/taskpane.test.ts in headless Chromium, outside Office.
// URL parameters: ?locale=en-US for the English pane; ?ribbonFirst=1 inserts the template,
// types a broken figure and runs the ribbon's 검증 before the pane mounts.
// window.jobplanRibbon("validatePlan" | "regenerateSummary") runs a ribbon command as Excel
// would (the real command wrapper of src/commands on the double).
import { createRoot } from "react-dom/client";
import { App } from "../../src/taskpane/App";
import { createPlanWorkbookOps } from "../../src/excel/adapter";
import { ribbonCommands } from "../../src/commands/commands";
import { createFakeExcel } from "../excel/fake-excel";

const params = new URLSearchParams(window.location.search);
const fake = createFakeExcel();
const ops = createPlanWorkbookOps(fake.run, {
  environment: () => ({ host: "Excel", platform: "harness", version: "test-double", isSetSupported: (name) => name === "ExcelApi" }),
});
const ribbon = ribbonCommands(() => ops);
const runRibbon = (name: keyof typeof ribbon) => ribbon[name]({ completed: () => undefined } as unknown as Office.AddinCommands.Event);

// for the test (and a person poking at the harness in devtools)
Object.assign(window as unknown as Record<string, unknown>, { jobplanFake: fake, jobplanRibbon: runRibbon });

async function start(): Promise<void> {
  if (params.get("ribbonFirst")) {
    await ops.insertTemplate({ planName: "리본 시험", year: 2020, sources: ["national", "province", "municipal", "private"], roundingMode: "half-up" });
    fake.setTableBody("TaskPlans", [
      ["전략 A", "과제 1", 10, 3000, 1000, 1000, 1000, 0],
      ["전략 A", "과제 2", 5, 9999, 1000, 1000, 1000, 0],
    ]);
    await runRibbon("validatePlan");
  }
  const container = document.getElementById("container");
  if (!container) throw new Error("harness: no #container");
  createRoot(container).render(<App ops={ops} locale={params.get("locale") ?? "ko-KR"} />);
}
void start();
